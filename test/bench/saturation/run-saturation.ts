// Saturation: how many accepted updates per second a server carries before it falls behind.
// Cheap raw-WebSocket clients (client-process.ts) send pre-made real edits (made beforehand with
// the model's operations, each client its own lid and Yjs clientID, so our relay's gate judges
// real writes) at a rate raised step by step, and receivers only note when each edit arrives.
// A step is sustained when every edit reached every other client of its tafel and the p99 of
// "sent until the last of them had it" stays within the limit. Every loop is bounded in steps
// and time; everything runs on 127.0.0.1.

import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { setProjectField } from '../../../src/operations';
import { sha256 } from '../../../server/auth';
import { SqliteStorage } from '../../../server/storage-sqlite';
import { startRelay, tempDataDir } from '../../integration/helpers/relay';
import { addBenchLeden, localTafel, type BenchTaak } from '../fixtures/tafel';
import type { Contestant, PlainContestant, Server } from '../fanout/contestants';
import { nowMs } from '../fanout/messages';
import { OUR_RELAY_ENV } from '../fanout/our-relay';
import { startPlainServer, type RunningServer } from '../fanout/servers';
import { cpuSeconds, peakRssMb } from '../lib/proc';
import { percentile } from '../lib/stats';
import type { ConnSpec, FromSaturationClients, Send, ToSaturationClients } from './messages';
import { updateKey, updateMessage, type Dialect } from './wire';

export interface SaturationSettings {
  readonly connections: readonly number[];
  readonly tafels: readonly number[];
  readonly contestants: readonly Server[];
  /** Offered updates/s of the first step; each next step multiplies it by `factor`. */
  readonly startRate: number;
  readonly factor: number;
  /** Steps at most, a repeated (failed once) rate included. */
  readonly maxSteps: number;
  readonly stepMs: number;
  /** After a step's last send: time for the stragglers before they count as lost. */
  readonly graceMs: number;
  readonly maxP99Ms: number;
}

export interface SaturationStep {
  readonly offeredPerSecond: number;
  readonly acceptedPerSecond: number;
  readonly deliveredShare: number;
  readonly p99Ms: number;
  readonly serverCpuCores: number;
  readonly clientCpuCores: readonly number[];
  readonly sustained: boolean;
}

export interface SaturationRun {
  readonly contestant: Contestant;
  readonly connections: number;
  readonly tafels: number;
  readonly steps: readonly SaturationStep[];
  /** Accepted updates/s of the fastest sustained step (0 when none was). */
  readonly maxSustainedPerSecond: number;
  readonly peakRssMb: number;
  /** Resident memory once every tafel is loaded and every connection open, before any edit. */
  readonly idleRssMb: number;
  readonly failedConnections: number;
}

/** Projects per tafel: one per lid that edits, and at least the fan-out tafel's 200. */
const projectsFor = (perTafel: number) => Math.max(200, perTafel);

interface PreparedTafel {
  readonly naam: string;
  readonly seed: Uint8Array;
  /** The seed's state vector: what every client holds before the edits. */
  readonly stateVector: Uint8Array;
  readonly taken: readonly BenchTaak[];
  /** Per client: its clientID and its edits in order. */
  readonly clients: readonly { readonly clientId: number; readonly edits: readonly Uint8Array[] }[];
}

/** Tafels with their leden and every edit each lid will send, made with the model's operations. */
function prepareTafels(connections: number, tafels: number, editsPerClient: number): PreparedTafel[] {
  const perTafel = Math.floor(connections / tafels);
  return Array.from({ length: tafels }, (_, t) => {
    const naam = `Verzadiging ${t + 1}`;
    const { doc, tafel } = localTafel(naam, { projecten: projectsFor(perTafel), knelpunten: 10, vergaderingen: 2, notulenAlineas: 5 });
    const taken = addBenchLeden(doc, tafel, perTafel, 0);
    const seed = Y.encodeStateAsUpdate(doc);
    const clients = taken.map((taak, i) => {
      if (taak.soort === 'notulen') throw new Error('saturation clients edit project fields');
      doc.clientID = randomBytes(4).readUInt32LE(0) >>> 1;
      const edits: Uint8Array[] = [];
      const capture = (u: Uint8Array) => edits.push(u);
      doc.on('update', capture);
      for (let k = 0; k < editsPerClient; k++) {
        if (taak.soort === 'publiek') setProjectField(doc, taak.actor, taak.projectId, 'publiekeOpmerkingen', `Stand ${t}.${i}.${k}`);
        else setProjectField(doc, taak.actor, taak.projectId, 'privateOpmerkingen', `Stand ${t}.${i}.${k}`);
      }
      doc.off('update', capture);
      return { clientId: doc.clientID, edits };
    });
    doc.destroy();
    return { naam, seed, stateVector: Y.encodeStateVectorFromUpdate(seed), taken, clients };
  });
}

interface Target {
  readonly server: RunningServer;
  readonly conns: ConnSpec[];
  /** Messages that bring each tafel to a server that starts empty. */
  readonly seeds: { conn: number; message: Uint8Array }[];
  readonly documentNames: readonly string[];
}

/** Our relay, on a data directory written beforehand as an operator would: the tafels and a device token per lid. */
async function ourTarget(prepared: readonly PreparedTafel[]): Promise<Target> {
  const dataDir = tempDataDir();
  const storage = SqliteStorage.open(dataDir);
  const now = Date.now();
  const tokens: string[][] = [];
  const ids: string[] = [];
  try {
    for (const [i, t] of prepared.entries()) {
      const tafelId = `verzadiging-${i + 1}`;
      ids.push(tafelId);
      // Every tafel is created with an invite for its chair; the bench's leden use tokens instead.
      const chair = t.taken[0]!.actor.lidId;
      const invite = { hash: sha256(randomBytes(32).toString('base64url')), tafelId, lidId: chair, createdBy: chair, createdAt: now, expiresAt: now + 3600_000 };
      await storage.createTafel(tafelId, t.naam, t.seed, now, invite);
      const tafelTokens: string[] = [];
      for (const taak of t.taken) {
        const token = randomBytes(32).toString('base64url');
        await storage.insertToken(sha256(token), tafelId, taak.actor.lidId, now, now + 24 * 3600_000);
        tafelTokens.push(token);
      }
      tokens.push(tafelTokens);
    }
  } finally {
    await storage.close();
  }
  const relay = await startRelay({ dataDir, env: { ...OUR_RELAY_ENV, AAN_TAFEL_MAX_CONNECTIONS_PER_TAFEL: '2000', AAN_TAFEL_MESSAGES_PER_SECOND: '1000', AAN_TAFEL_MESSAGE_BURST: '4000' } });
  const conns: ConnSpec[] = [];
  prepared.forEach((t, i) =>
    t.clients.forEach((c, k) =>
      conns.push({ url: `${relay.wsUrl}/sync/${ids[i]}?token=${tokens[i]![k]}`, dialect: 'y-websocket', documentName: ids[i]!, clientId: c.clientId, stateVector: t.stateVector }),
    ),
  );
  return { server: { pid: relay.proc.pid!, endpoint: { url: relay.wsUrl, room: '' }, stop: () => relay.stop() }, conns, seeds: [], documentNames: ids };
}

async function plainTarget(contestant: PlainContestant, prepared: readonly PreparedTafel[]): Promise<Target> {
  const server = await startPlainServer(contestant);
  const dialect: Dialect = contestant === 'hocuspocus' ? 'hocuspocus' : 'y-websocket';
  const conns: ConnSpec[] = [];
  const seeds: { conn: number; message: Uint8Array }[] = [];
  const names = prepared.map((_, i) => `verzadiging-${i + 1}`);
  prepared.forEach((t, i) => {
    const name = names[i]!;
    // The first client of each tafel brings it, as a first tablet would.
    seeds.push({ conn: conns.length, message: updateMessage(dialect, name, t.seed) });
    const url = dialect === 'hocuspocus' ? server.endpoint.url : `${server.endpoint.url}/${name}`;
    for (const c of t.clients) conns.push({ url, dialect, documentName: name, clientId: c.clientId, stateVector: t.stateVector });
  });
  return { server, conns, seeds, documentNames: names };
}

const CLIENT_PROCESSES = 2;
const here = path.dirname(fileURLToPath(import.meta.url));

class SaturationClients {
  private readonly child: ChildProcess;
  private waiting: { resolve: (m: FromSaturationClients) => void; reject: (e: Error) => void } | undefined;

  constructor() {
    this.child = fork(path.join(here, 'client-process.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: FromSaturationClients) => {
      const w = this.waiting;
      this.waiting = undefined;
      if (m.type === 'error') w?.reject(new Error(`saturation client: ${m.message}`));
      else w?.resolve(m);
    });
    this.child.on('exit', (code) => this.waiting?.reject(new Error(`saturation client exited with ${code}`)));
  }

  /** One request at a time; rejects after `timeoutMs`. */
  request(m: ToSaturationClients, timeoutMs: number): Promise<FromSaturationClients> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`saturation client: no answer to ${m.type} within ${timeoutMs / 1000} s`)), timeoutMs);
      this.waiting = { resolve: (x) => (clearTimeout(timer), resolve(x)), reject: (e) => (clearTimeout(timer), reject(e)) };
      this.child.send(m);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      this.child.once('exit', () => (clearTimeout(timer), resolve()));
      this.child.send({ type: 'close' } satisfies ToSaturationClients);
    });
  }
}

function currentRssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** The edits of one step, spread evenly over the step and over the clients (round robin across tafels). */
function schedule(prepared: readonly PreparedTafel[], next: number[], rate: number, stepMs: number): { conn: number; atMs: number; edit: Uint8Array }[] {
  const flat: { conn: number; client: number; tafel: number; index: number }[] = [];
  let conn = 0;
  prepared.forEach((t, ti) => t.clients.forEach((_, ci) => flat.push({ conn: conn++, client: ci, tafel: ti, index: flat.length })));
  // Interleave the tafels, so each tafel gets its share of every moment.
  flat.sort((a, b) => a.client - b.client || a.tafel - b.tafel);
  const count = Math.round((rate * stepMs) / 1000);
  const out: { conn: number; atMs: number; edit: Uint8Array }[] = [];
  for (let j = 0; j < count; j++) {
    const who = flat[j % flat.length]!;
    const edits = prepared[who.tafel]!.clients[who.client]!.edits;
    const k = next[who.conn]!++;
    const edit = edits[k];
    if (!edit) throw new Error(`client ${who.conn} ran out of pre-made edits`);
    out.push({ conn: who.conn, atMs: (j * 1000) / rate, edit });
  }
  return out;
}

async function runOnce(contestant: Server, prepared: readonly PreparedTafel[], s: SaturationSettings, log: (line: string) => void): Promise<SaturationRun> {
  const connections = prepared.reduce((n, t) => n + t.clients.length, 0);
  const target = contestant === 'ours' ? await ourTarget(prepared) : await plainTarget(contestant, prepared);
  const procs = Array.from({ length: CLIENT_PROCESSES }, () => new SaturationClients());
  const owner = (conn: number) => conn % CLIENT_PROCESSES;
  const local = (conn: number) => Math.floor(conn / CLIENT_PROCESSES);
  const receiversOf = new Map<number, number>();
  try {
    const connected = await Promise.all(
      procs.map((p, k) =>
        p.request(
          {
            type: 'connect',
            conns: target.conns.filter((_, i) => owner(i) === k),
            seeds: target.seeds.filter((x) => owner(x.conn) === k).map((x) => ({ conn: local(x.conn), message: x.message })),
          },
          300_000,
        ),
      ),
    );
    const failedConnections = connected.reduce((n, m) => n + (m.type === 'connected' ? m.failed : 0), 0);
    if (failedConnections > 0) throw new Error(`${failedConnections} of ${connections} connections to ${contestant} failed`);
    const idleRssMb = currentRssMb(target.server.pid);
    let tafelOfConn: number[] = [];
    prepared.forEach((t, ti) => (tafelOfConn = tafelOfConn.concat(t.clients.map(() => ti))));
    const next = target.conns.map(() => 0);
    const steps: SaturationStep[] = [];
    let rate = s.startRate;
    let retried = false;
    for (let step = 0; step < s.maxSteps; step++) {
      const planned = schedule(prepared, next, rate, s.stepMs);
      const dialectOf = (conn: number) => target.conns[conn]!;
      const sends: Send[][] = procs.map(() => []);
      for (const p of planned) {
        const spec = dialectOf(p.conn);
        const key = updateKey(p.edit)!;
        receiversOf.set(key, prepared[tafelOfConn[p.conn]!]!.clients.length - 1);
        sends[owner(p.conn)]!.push({ atMs: p.atMs, conn: local(p.conn), key, message: updateMessage(spec.dialect, spec.documentName, p.edit) });
      }
      const t0 = nowMs() + 300;
      const endMs = s.stepMs + s.graceMs;
      const cpu0 = cpuSeconds(target.server.pid);
      const replies = await Promise.all(procs.map((p, k) => p.request({ type: 'step', t0, sends: sends[k]!, endMs }, endMs + 60_000)));
      const cpu = cpuSeconds(target.server.pid) - cpu0;
      const sent = new Map<number, number>();
      const got = new Map<number, [number, number]>();
      let lost = 0;
      const clientCpuCores: number[] = [];
      for (const r of replies) {
        if (r.type !== 'stepped') continue;
        for (const [k, at] of r.sent) sent.set(k, at);
        for (const [k, n, at] of r.received) {
          const g = got.get(k);
          if (g) {
            g[0] += n;
            g[1] = Math.max(g[1], at);
          } else got.set(k, [n, at]);
        }
        lost += r.lost;
        clientCpuCores.push(r.cpuCores);
      }
      let delivered = 0;
      const latencies: number[] = [];
      for (const [k, at] of sent) {
        const g = got.get(k);
        const complete = g !== undefined && g[0] >= receiversOf.get(k)!;
        if (complete) delivered++;
        latencies.push(complete ? g[1] - at : Number.POSITIVE_INFINITY);
      }
      const offered = planned.length / (s.stepMs / 1000);
      const deliveredShare = planned.length === 0 ? 0 : delivered / planned.length;
      const p99Ms = percentile(latencies, 99);
      const sustained = lost === 0 && deliveredShare === 1 && p99Ms <= s.maxP99Ms;
      steps.push({ offeredPerSecond: offered, acceptedPerSecond: delivered / (s.stepMs / 1000), deliveredShare, p99Ms, serverCpuCores: cpu / ((endMs + 300) / 1000), clientCpuCores, sustained });
      log(
        `saturation ${contestant} ${connections} conns / ${prepared.length} tafels: offered ${offered.toFixed(0)}/s, delivered ${(deliveredShare * 100).toFixed(1)} %, ` +
          `p99 ${Number.isFinite(p99Ms) ? p99Ms.toFixed(0) : '∞'} ms, server ${steps.at(-1)!.serverCpuCores.toFixed(2)} core, clients ${clientCpuCores.map((c) => c.toFixed(2)).join('+')}${sustained ? '' : ' (not sustained)'}`,
      );
      if (sustained) {
        rate *= s.factor;
        retried = false;
        continue;
      }
      // One late straggler on this shared machine must not end the climb: a failed rate gets a second try.
      if (retried) break;
      retried = true;
    }
    const best = steps.filter((x) => x.sustained).sort((a, b) => b.acceptedPerSecond - a.acceptedPerSecond)[0];
    return {
      contestant,
      connections,
      tafels: prepared.length,
      steps,
      maxSustainedPerSecond: best ? best.acceptedPerSecond : 0,
      peakRssMb: peakRssMb(target.server.pid),
      idleRssMb,
      failedConnections,
    };
  } finally {
    await Promise.all(procs.map((p) => p.close()));
    await target.server.stop();
  }
}

/** Every size and spread, each contestant on the same pre-made tafels and edits, in a rotated order. */
export async function runSaturation(s: SaturationSettings, log: (line: string) => void): Promise<SaturationRun[]> {
  const runs: SaturationRun[] = [];
  const failures: string[] = [];
  let rotation = 0;
  const editsPerClient = (connections: number) => {
    let total = 0;
    for (let k = 0, rate = s.startRate; k < s.maxSteps; k++, rate *= s.factor) total += 2 * (Math.ceil((rate * s.stepMs) / 1000 / connections) + 1);
    return total;
  };
  for (const connections of s.connections) {
    for (const tafels of s.tafels) {
      const t = nowMs();
      const prepared = prepareTafels(connections, tafels, editsPerClient(connections));
      log(`saturation: ${tafels} tafel(s) for ${connections} clients and their edits made in ${((nowMs() - t) / 1000).toFixed(1)} s`);
      const order = s.contestants.map((_, i) => s.contestants[(i + rotation) % s.contestants.length]!);
      rotation++;
      for (const contestant of order) {
        try {
          runs.push(await runOnce(contestant, prepared, s, log));
        } catch (e) {
          failures.push(`${contestant} ${connections}/${tafels}: ${e instanceof Error ? e.message : String(e)}`);
          log(`saturation ${failures.at(-1)}`);
        }
      }
    }
  }
  if (failures.length > 0) throw new SaturationFailures(runs, failures);
  return runs;
}

/** Some runs failed: the ones that worked still count. */
export class SaturationFailures extends Error {
  constructor(
    readonly runs: readonly SaturationRun[],
    readonly failures: readonly string[],
  ) {
    super(`${failures.length} saturation run(s) failed:\n${failures.join('\n')}`);
  }
}
