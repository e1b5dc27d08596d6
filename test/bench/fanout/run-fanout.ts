// Relay fan-out: C clients, each its own lid editing its own fields at a steady rate, a few
// typing into shared notulen; measured against the reference y-websocket server and Hocuspocus
// in the same run, contestants interleaved, fresh server per run.

import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { addBenchLeden, localTafel, type BenchTaak, type TafelOmvang } from '../fixtures/tafel';
import { cpuTimes, ioSyscalls, peakRssMb } from '../lib/proc';
import { isOurs, type Contestant, type PlainContestant } from './contestants';
import { analyse } from './latency';
import { nowMs, type ClientSpec, type FromClients, type ToClients } from './messages';
import { prepareOurRelay } from './our-relay';
import { startPlainServer, type RunningServer } from './servers';

export interface FanoutSettings {
  readonly clients: readonly number[];
  readonly repeats: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** After the last edit: time for the stragglers to arrive. */
  readonly graceMs: number;
  readonly editsPerSecond: number;
  readonly typingPerSecond: number;
  readonly contestants: readonly Contestant[];
}

export const FANOUT_TAFEL: TafelOmvang = { projecten: 200, knelpunten: 30, vergaderingen: 8, notulenAlineas: 20 };

/** A few of the clients type into the meeting's notulen; the rest edit project fields. */
const typistsFor = (clients: number): number => Math.max(1, Math.round(clients / 40));

export interface FanoutRun {
  readonly contestant: Contestant;
  readonly clients: number;
  readonly repeat: number;
  readonly offeredPerSecond: number;
  readonly acceptedPerSecond: number;
  readonly deliveredShare: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU seconds per second of the measurement window (1 = one core busy). */
  readonly serverCpuCores: number;
  /** Server CPU milliseconds per accepted update (operator cost). */
  readonly serverCpuMsPerUpdate: number;
  /** The same split: in the server's own code, and in the kernel for it (socket writes, fsync). */
  readonly serverUserMsPerUpdate: number;
  readonly serverSystemMsPerUpdate: number;
  /** Socket and file reads and writes per accepted update (/proc/<pid>/io). */
  readonly serverIoSyscallsPerUpdate: number;
  readonly serverPeakRssMb: number;
  /** CPU use of each client process while sending: near 1 means the harness, not the server, was the limit. */
  readonly clientCpuCores: readonly number[];
  /** Edits the server refused: must be 0, every bench edit is legitimate. */
  readonly rejected: number;
}

export interface PreparedServer {
  readonly server: RunningServer;
  /** The tafel as every client holds it before connecting. */
  readonly seed: Uint8Array;
  readonly taken: readonly BenchTaak[];
  /** One token per client (our relay only). */
  readonly tokens: readonly string[] | undefined;
}

/** The tafel for the servers that check nothing: built locally by a chair; the first client uploads it. */
export async function preparePlain(contestant: PlainContestant, clients: number): Promise<PreparedServer> {
  const server = await startPlainServer(contestant);
  const { doc, tafel } = localTafel('Benchtafel', FANOUT_TAFEL);
  const taken = addBenchLeden(doc, tafel, clients, typistsFor(clients));
  return { server, seed: Y.encodeStateAsUpdate(doc), taken, tokens: undefined };
}

const CLIENT_PROCESSES = 2;
const here = path.dirname(fileURLToPath(import.meta.url));

class ClientProcess {
  readonly child: ChildProcess;
  private readonly waiting: Array<{ type: FromClients['type']; resolve: (m: FromClients) => void; reject: (e: Error) => void }> = [];

  constructor() {
    this.child = fork(path.join(here, 'client-process.ts'), [], {
      execArgv: ['--import', 'tsx', ...(process.env.BENCH_CLIENT_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CLIENT_PROFILE}`] : [])],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (m: FromClients) => {
      if (m.type === 'error') {
        for (const w of this.waiting.splice(0)) w.reject(new Error(`client process: ${m.message}`));
        return;
      }
      const i = this.waiting.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(m);
    });
    this.child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`client process exited with ${code}`));
    });
  }

  request<T extends FromClients['type']>(msg: ToClients, reply: T): Promise<Extract<FromClients, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ type: reply, resolve: resolve as (m: FromClients) => void, reject });
      this.child.send(msg);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      this.child.once('exit', () => (clearTimeout(timer), resolve()));
      this.child.send({ type: 'close' } satisfies ToClients);
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runOnce(contestant: Contestant, clients: number, repeat: number, s: FanoutSettings): Promise<FanoutRun> {
  const prepared = isOurs(contestant)
    ? await prepareOurRelay(FANOUT_TAFEL, clients, typistsFor(clients), contestant === 'ours-normal' ? 'NORMAL' : 'FULL')
    : await preparePlain(contestant, clients);
  const { server } = prepared;
  const procs = Array.from({ length: CLIENT_PROCESSES }, () => new ClientProcess());
  try {
    const specs: ClientSpec[] = prepared.taken.map((taak, index) => ({ index, taak, ...(prepared.tokens ? { token: prepared.tokens[index]! } : {}) }));
    await Promise.all(
      procs.map((p, k) =>
        p.request(
          {
            type: 'setup',
            contestant,
            endpoint: server.endpoint,
            seed: prepared.seed,
            clients: specs.filter((c) => c.index % CLIENT_PROCESSES === k),
            editsPerSecond: s.editsPerSecond,
            typingPerSecond: s.typingPerSecond,
          },
          'synced',
        ),
      ),
    );
    const t0 = nowMs() + 200;
    const windowStart = t0 + s.warmupMs;
    const windowEnd = windowStart + s.measureMs;
    const sending = Promise.all(procs.map((p) => p.request({ type: 'go', t0, durationMs: s.warmupMs + s.measureMs }, 'sent')));
    await sleep(windowStart - nowMs());
    const cpuStart = cpuTimes(server.pid);
    const ioStart = ioSyscalls(server.pid);
    await sleep(windowEnd - nowMs());
    const cpuEnd = cpuTimes(server.pid);
    const ioUsed = ioSyscalls(server.pid) - ioStart;
    const user = cpuEnd.user - cpuStart.user;
    const system = cpuEnd.system - cpuStart.system;
    const cpuUsed = user + system;
    const clientCpu = (await sending).map((m) => m.cpuCores);
    await sleep(s.graceMs);
    const peak = peakRssMb(server.pid);
    const reports = await Promise.all(procs.map((p) => p.request({ type: 'report' }, 'report')));
    const outcome = analyse(
      reports.map((r) => r.sends),
      reports.flatMap((r) => r.receives),
      windowStart,
      windowEnd,
    );
    const seconds = s.measureMs / 1000;
    const perUpdate = (x: number) => (outcome.delivered === 0 ? Number.NaN : x / outcome.delivered);
    return {
      contestant,
      clients,
      repeat,
      offeredPerSecond: outcome.sent / seconds,
      acceptedPerSecond: outcome.delivered / seconds,
      deliveredShare: outcome.sent === 0 ? 0 : outcome.delivered / outcome.sent,
      p50Ms: outcome.p50Ms,
      p99Ms: outcome.p99Ms,
      serverCpuCores: cpuUsed / seconds,
      serverCpuMsPerUpdate: perUpdate(cpuUsed * 1000),
      serverUserMsPerUpdate: perUpdate(user * 1000),
      serverSystemMsPerUpdate: perUpdate(system * 1000),
      serverIoSyscallsPerUpdate: perUpdate(ioUsed),
      serverPeakRssMb: peak,
      clientCpuCores: clientCpu,
      rejected: reports.reduce((n, r) => n + r.rejected, 0),
    };
  } finally {
    await Promise.all(procs.map((p) => p.close()));
    await server.stop();
  }
}

/** Some runs failed: the ones that worked still count, the failures are reported. */
export class FanoutFailures extends Error {
  constructor(
    readonly runs: readonly FanoutRun[],
    readonly failures: readonly string[],
  ) {
    super(`${failures.length} fan-out run(s) failed:\n${failures.join('\n')}`);
  }
}

/** All runs: for each repeat and client count, every contestant once, in a rotated order. */
export async function runFanout(s: FanoutSettings, log: (line: string) => void): Promise<FanoutRun[]> {
  const runs: FanoutRun[] = [];
  const failures: string[] = [];
  for (let repeat = 0; repeat < s.repeats; repeat++) {
    for (const clients of s.clients) {
      const order = s.contestants.map((_, i) => s.contestants[(i + repeat + clients) % s.contestants.length]!);
      for (const contestant of order) {
        let run: FanoutRun;
        try {
          run = await runOnce(contestant, clients, repeat, s);
        } catch (e) {
          // One failed run (say, a server that did not start on the busy machine) must not cost the others.
          failures.push(`${contestant} C=${clients} #${repeat + 1}: ${e instanceof Error ? e.message : String(e)}`);
          log(`fan-out ${failures.at(-1)}`);
          continue;
        }
        log(
          `fan-out ${contestant} C=${clients} #${repeat + 1}: ${run.acceptedPerSecond.toFixed(1)}/s accepted of ${run.offeredPerSecond.toFixed(1)}/s, ` +
            `p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, cpu ${run.serverCpuCores.toFixed(3)} cores = ${run.serverCpuMsPerUpdate.toFixed(2)} ms/update (clients ${run.clientCpuCores.map((c) => c.toFixed(2)).join('+')}), peak ${run.serverPeakRssMb.toFixed(0)} MB`,
        );
        runs.push(run);
      }
    }
  }
  if (failures.length > 0) throw new FanoutFailures(runs, failures);
  return runs;
}
