// One fan-out client process: hosts a share of the C clients, each with its own Y.Doc and
// provider, editing its own fields at a steady rate (or typing into the shared notulen), and logs
// when each edit left and when every remote edit was integrated. Clients run in two such
// processes so the harness is spread over both cores and never shares a process with a server.

import * as Y from 'yjs';
import { LOCAL_ORIGIN, richText, setProjectField } from '../../../src/operations';
import { connect, type Connection } from './contestants';
import { nowMs, type ClientSpec, type FromClients, type ToClients } from './messages';

interface Client {
  readonly spec: ClientSpec;
  readonly doc: Y.Doc;
  readonly connection: Connection;
  readonly received: number[];
  seq: number;
}

// y-websocket's provider registers a process exit hook per instance; 100 of them are expected here.
process.setMaxListeners(0);
// When the coordinator dies, so do its clients.
process.on('disconnect', () => process.exit(0));

const clients: Client[] = [];
const sends: number[] = [];
// Set by the coordinator's setup message, before any edit.
let editsPerSecond: number;
let typingPerSecond: number;

function send(msg: FromClients): void {
  process.send?.(msg);
}

/** One edit of the client's own field, or one typed character in the notulen. */
function edit(c: Client): void {
  const { taak } = c.spec;
  c.seq++;
  if (taak.soort === 'notulen') {
    const notulen = richText(c.doc, 'vergaderingen', taak.vergaderingId, 'notulen');
    const paragraph = notulen?.get(0);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
    if (!(text instanceof Y.XmlText)) throw new Error('notulen without a first paragraph');
    c.doc.transact(() => text.insert(Math.floor(Math.random() * (text.length + 1)), 'abcdefghij'[c.seq % 10]!), LOCAL_ORIGIN);
  } else {
    const veld = taak.soort === 'publiek' ? 'publiekeOpmerkingen' : 'privateOpmerkingen';
    setProjectField(c.doc, taak.actor, taak.projectId, veld, `Bijgewerkt door ${c.spec.index}, versie ${c.seq}`);
  }
  sends.push(c.spec.index, c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID), nowMs());
}

/** Fires edits at a steady rate from a random phase, on absolute times so a late timer doesn't drift the rate. */
function schedule(c: Client, t0: number, end: number): Promise<void> {
  const interval = 1000 / (c.spec.taak.soort === 'notulen' ? typingPerSecond : editsPerSecond);
  let next = t0 + Math.random() * interval;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (next >= end) return resolve();
      try {
        edit(c);
      } catch (e) {
        return reject(e instanceof Error ? e : new Error(String(e)));
      }
      next += interval;
      setTimeout(tick, Math.max(0, next - nowMs()));
    };
    setTimeout(tick, Math.max(0, next - nowMs()));
  });
}

async function setup(msg: Extract<ToClients, { type: 'setup' }>): Promise<void> {
  editsPerSecond = msg.editsPerSecond;
  typingPerSecond = msg.typingPerSecond;
  for (const spec of msg.clients) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, msg.seed);
    const received: number[] = [];
    // What each remote transaction integrated, read off the state vectors Yjs keeps anyway: cheaper
    // for the harness than decoding every update again, and it counts only what was integrated
    // (an update still waiting for a missing one is not there yet).
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === LOCAL_ORIGIN) return;
      const t = nowMs();
      tr.afterState.forEach((clock, clientId) => {
        if ((tr.beforeState.get(clientId) ?? 0) !== clock) received.push(clientId, clock, t);
      });
    });
    clients.push({ spec, doc, received, seq: 0, connection: connect(msg.contestant, msg.endpoint, doc, spec.token) });
  }
  await Promise.all(clients.map((c) => c.connection.synced));
}

process.on('message', (raw: ToClients) => {
  const run = async () => {
    switch (raw.type) {
      case 'setup':
        await setup(raw);
        return send({ type: 'synced' });
      case 'go': {
        const cpu = process.cpuUsage();
        const t = nowMs();
        await Promise.all(clients.map((c) => schedule(c, raw.t0, raw.t0 + raw.durationMs)));
        const used = process.cpuUsage(cpu);
        return send({ type: 'sent', cpuCores: (used.user + used.system) / 1000 / (nowMs() - t) });
      }
      case 'report':
        return send({
          type: 'report',
          sends: Float64Array.from(sends),
          receives: clients.map((c) => [c.spec.index, Float64Array.from(c.received)] as const),
          rejected: clients.reduce((n, c) => n + c.connection.rejected(), 0),
        });
      case 'close':
        for (const c of clients) c.connection.destroy();
        process.disconnect?.();
        setTimeout(() => process.exit(0), 200);
        return;
    }
  };
  run().catch((e: unknown) => send({ type: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) }));
});
