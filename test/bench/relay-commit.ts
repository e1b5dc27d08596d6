// Relay write throughput under a burst: N Node clients (one lid, N devices) each send an update,
// wait until the relay has acknowledged it (its echo of the update, sent only after COMMIT), and
// send the next, for a fixed window. Measures accepted updates/s and the ack latency. Every update
// costs the relay a validation, a log append and its share of an fsync, so this is the number
// group commit (server/groupcommit.ts) moves. Every update an acknowledged client sends is fanned
// out to every other client, so `relayCpuMsPerUpdate` (the relay process's user + system CPU in
// the window, per accepted update) is the cost of validation, commit and fan-out together. The
// storage engine is SQLite or Postgres (a throwaway cluster, test/integration/helpers/postgres.ts).
// Not part of `npm run bench`; run on its own:
//
//   node --import tsx test/bench/relay-commit.ts [clients=16] [seconds=10] [sqlite|postgres]

import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { ensureRoots, readProjecten } from '../../src/model';
import { actorForLid } from '../../src/model';
import { setProjectField } from '../../src/operations';
import { MESSAGE_SYNC, syncMessage } from '../../src/protocol/messages';
import { cleanupRelays, demoLink, redeem, startRelay } from '../integration/helpers/relay';
import { median, percentile } from './lib/stats';
import { cpuSeconds } from './lib/proc';
import { startPostgres } from '../integration/helpers/postgres';

const clients = Number(process.argv[2] ?? 16);
const seconds = Number(process.argv[3] ?? 10);
const engine = process.argv[4] ?? 'sqlite';
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`engine must be sqlite or postgres, got ${engine}`);
const WARMUP_MS = 1000;

interface BurstClient {
  acks: number;
  readonly latencies: number[];
  start(): void;
  stop(): void;
}

function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** Connects, syncs the tafel once, then edits its project's remark in a closed loop. */
async function burstClient(url: string, lidId: string, index: number, measureFrom: () => number): Promise<BurstClient> {
  const doc = new Y.Doc();
  ensureRoots(doc);
  const ws = new WebSocket(url);
  ws.binaryType = 'nodebuffer';
  let synced: () => void;
  const ready = new Promise<void>((r) => (synced = r));
  let waitingFor = -1;
  let sentAt = 0;
  let running = true;
  const local: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') local.push(u);
  });
  let n = 0;
  const next = () => {
    if (!running || ws.readyState !== ws.OPEN) return;
    const actor = actorForLid(doc, lidId)!;
    const projecten = readProjecten(doc);
    const project = projecten[index % projecten.length]!;
    setProjectField(doc, actor, project.id, 'publiekeOpmerkingen', `burst ${index}.${++n}`);
    const update = local.splice(0).at(-1);
    if (!update) throw new Error('the edit produced no update');
    waitingFor = Y.getState(doc.store, doc.clientID);
    sentAt = performance.now();
    ws.send(updateMessage(update));
  };
  const client: BurstClient = {
    acks: 0,
    latencies: [],
    start: next,
    stop() {
      running = false;
      ws.close();
    },
  };
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep2) {
      Y.applyUpdate(doc, payload, 'relay');
      synced();
      return;
    }
    // Other clients' edits are not applied: each client writes only its own project's remark.
    if (syncType !== syncProtocol.messageYjsUpdate || waitingFor < 0) return;
    const clock = Y.parseUpdateMeta(payload).to.get(doc.clientID) ?? 0;
    if (clock < waitingFor) return;
    waitingFor = -1;
    const now = performance.now();
    if (now >= measureFrom()) {
      client.acks++;
      client.latencies.push(now - sentAt);
    }
    next();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc)));
  await ready;
  return client;
}

async function main(): Promise<void> {
  const postgres = engine === 'postgres' ? await startPostgres() : undefined;
  const database: Record<string, string> = postgres ? { AAN_TAFEL_DATABASE_URL: await postgres.createDatabase() } : {};
  const relay = await startRelay({
    demo: true,
    env: { AAN_TAFEL_MESSAGES_PER_SECOND: '100000', AAN_TAFEL_MESSAGE_BURST: '100000', AAN_TAFEL_MAX_CONNECTIONS_PER_TAFEL: '1000', ...database },
  });
  try {
    const session = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    const url = `${relay.wsUrl}/sync/demo?token=${session.token}`;
    let measureFrom = Number.POSITIVE_INFINITY;
    const all = await Promise.all(Array.from({ length: clients }, (_, i) => burstClient(url, session.lidId, i, () => measureFrom)));
    measureFrom = performance.now() + WARMUP_MS;
    for (const c of all) c.start();
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const pid = relay.proc.pid ?? 0;
    const cpuBefore = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const relayCpu = cpuSeconds(pid) - cpuBefore;
    for (const c of all) c.stop();
    const acks = all.reduce((s, c) => s + c.acks, 0);
    const latencies = all.flatMap((c) => c.latencies);
    console.log(
      JSON.stringify({
        engine,
        clients,
        seconds,
        acceptedPerSecond: Math.round(acks / seconds),
        ackMedianMs: Number(median(latencies).toFixed(1)),
        ackP95Ms: Number(percentile(latencies, 95).toFixed(1)),
        relayCpuMsPerUpdate: acks > 0 ? Number(((relayCpu * 1000) / acks).toFixed(3)) : null,
        relayCpuCores: Number((relayCpu / seconds).toFixed(2)),
      }),
    );
    await relay.stop();
  } finally {
    await cleanupRelays();
    await postgres?.stop();
  }
}

await main();
