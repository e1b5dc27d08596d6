// A saturation client process: many raw WebSocket connections that send pre-made edits on a
// schedule and, on receive, only note which edit a frame carries and when; nothing is integrated,
// so the clients stay cheap and the server is what saturates. Started by run-saturation.ts.

import WebSocket from 'ws';
import { nowMs } from '../fanout/messages';
import type { ConnSpec, FromSaturationClients, ToSaturationClients } from './messages';
import { authMessage, barrierMessage, clientOfKey, readIncoming } from './wire';

const CONNECT_TIMEOUT_MS = 120_000;

interface Conn {
  readonly spec: ConnSpec;
  readonly ws: WebSocket;
  open: boolean;
}

const conns: Conn[] = [];
let received = new Map<number, [number, number]>();
let lost = 0;

const reply = (m: FromSaturationClients) => process.send!(m);

function open(spec: ConnSpec, seed: Uint8Array | undefined): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(spec.url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    const conn: Conn = { spec, ws, open: false };
    const timer = setTimeout(() => reject(new Error(`connection to ${spec.documentName} not ready within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
    const ready = () => {
      if (conn.open) return;
      conn.open = true;
      clearTimeout(timer);
      resolve(conn);
    };
    // Ready when the server has answered a barrier sent after the seed (if any): whatever came before is handled.
    const sendBarrier = () => {
      if (seed) ws.send(seed);
      ws.send(barrierMessage(spec.dialect, spec.documentName, spec.stateVector));
    };
    ws.on('open', () => {
      if (spec.dialect === 'hocuspocus') ws.send(authMessage(spec.documentName));
      else sendBarrier();
    });
    ws.on('message', (data: Buffer) => {
      const m = readIncoming(spec.dialect, data);
      if (m.kind === 'auth' && !conn.open) sendBarrier();
      else if (m.kind === 'step2') ready();
      else if (m.kind === 'update' && conn.open && m.key !== undefined && clientOfKey(m.key) !== spec.clientId) {
        const at = nowMs();
        const r = received.get(m.key);
        if (r) {
          r[0]++;
          r[1] = at;
        } else received.set(m.key, [1, at]);
      }
    });
    ws.on('error', (e) => {
      if (!conn.open) {
        clearTimeout(timer);
        reject(e);
      }
    });
    ws.on('close', () => {
      if (conn.open) lost++;
    });
  });
}

async function connectAll(specs: readonly ConnSpec[], seeds: readonly { conn: number; message: Uint8Array }[]): Promise<number> {
  let failed = 0;
  // Seeding connections first, one per document, so every document exists before the others join.
  const seedOf = new Map(seeds.map((s) => [s.conn, s.message]));
  const order = [...specs.keys()].sort((a, b) => Number(seedOf.has(b)) - Number(seedOf.has(a)));
  const seeded = order.filter((i) => seedOf.has(i));
  const rest = order.filter((i) => !seedOf.has(i));
  const place = (i: number) =>
    open(specs[i]!, seedOf.get(i)).then(
      (c) => void (conns[i] = c),
      () => void failed++,
    );
  await Promise.all(seeded.map(place));
  // In waves, so 1,000 handshakes do not all time out together on a busy machine.
  for (let k = 0; k < rest.length; k += 50) await Promise.all(rest.slice(k, k + 50).map(place));
  return failed;
}

function runStep(t0: number, sends: readonly { atMs: number; conn: number; key: number; message: Uint8Array }[], endMs: number): Promise<void> {
  received = new Map();
  lost = 0;
  const sent: [number, number][] = [];
  const cpu0 = process.cpuUsage();
  const wall0 = nowMs();
  let next = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = nowMs();
      while (next < sends.length && t0 + sends[next]!.atMs <= now) {
        const s = sends[next++]!;
        const c = conns[s.conn];
        if (c?.open && c.ws.readyState === WebSocket.OPEN) {
          c.ws.send(s.message);
          sent.push([s.key, nowMs()]);
        }
      }
      if (now < t0 + endMs) {
        const wait = next < sends.length ? t0 + sends[next]!.atMs - nowMs() : t0 + endMs - nowMs();
        setTimeout(tick, Math.max(0, Math.min(wait, 20)));
        return;
      }
      const cpu = process.cpuUsage(cpu0);
      reply({
        type: 'stepped',
        sent,
        received: [...received].map(([k, [n, at]]) => [k, n, at] as const),
        lost,
        cpuCores: (cpu.user + cpu.system) / 1000 / Math.max(1, nowMs() - wall0),
      });
      resolve();
    };
    setTimeout(tick, Math.max(0, t0 - nowMs()));
  });
}

process.on('message', (m: ToSaturationClients) => {
  const run = async () => {
    if (m.type === 'connect') reply({ type: 'connected', failed: await connectAll(m.conns, m.seeds) });
    else if (m.type === 'step') await runStep(m.t0, m.sends, m.endMs);
    else {
      for (const c of conns) c?.ws.terminate();
      process.exit(0);
    }
  };
  run().catch((e: unknown) => reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
});
