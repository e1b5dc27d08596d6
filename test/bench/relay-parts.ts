// What the relay's work per accepted update costs, part by part, in this process (CPU time from
// process.cpuUsage, so waiting for the disk does not count): the gate, the apply as the room does
// it (src/model/updateDecoder.ts; with the room's update listener, which makes Yjs encode the
// update again), the log append, the audit row and the group commit's COMMIT (fsync,
// synchronous=FULL), and the rewrite of one presence message. Beside
// the fan-out's "CPU vs ref", this says where our relay's extra CPU goes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { setProjectField } from '../../src/operations';
import { validateUpdate } from '../../src/ownership/validator';
import { applyUpdateFast } from '../../src/model/updateDecoder';
import { rewriteAwareness } from '../../server/awareness';
import { SqliteStorage } from '../../server/storage-sqlite';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FANOUT_TAFEL } from './fanout/run-fanout';
import { localTafel } from './fixtures/tafel';

export interface RelayPartsSettings {
  readonly edits: number;
}

/** CPU µs per update of each part. */
export interface RelayPartsResult {
  readonly bareApplyUs: number;
  readonly validateUs: number;
  readonly applyWithListenerUs: number;
  readonly appendUs: number;
  readonly auditUs: number;
  /** BEGIN IMMEDIATE + COMMIT of a batch holding one update (the low-rate case). */
  readonly commitUs: number;
  readonly awarenessRewriteUs: number;
}

function cpuUs<T>(n: number, f: (i: number) => T): number {
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) f(i);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / n;
}

/** The same, for steps that wait (a batch's COMMIT is asynchronous behind the storage interface). */
async function cpuUsAsync(n: number, f: (i: number) => Promise<unknown>): Promise<number> {
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) await f(i);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / n;
}

export async function runRelayParts(s: RelayPartsSettings, log: (line: string) => void): Promise<RelayPartsResult> {
  const { doc: source, tafel } = localTafel('Onderdelen', FANOUT_TAFEL);
  const state = Y.encodeStateAsUpdate(source);
  const copy = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    return d;
  };
  const client = copy();
  const bare = copy();
  const relay = copy();
  relay.on('update', () => undefined);
  const actor = tafel.projecten[0]!.privaat;
  const own = tafel.projecten.filter((p) => p.privaat.lidId === actor.lidId);
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  // Twice as many as measured: the first half warms the JIT up.
  for (let i = 0; i < 2 * s.edits; i++) setProjectField(client, actor, own[i % own.length]!.id, 'privateOpmerkingen', `Stand van zaken ${i}`);
  const bindings = { lidFor: (id: number) => (id === client.clientID ? actor.lidId : undefined) };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-bench-parts-'));
  const storage = SqliteStorage.open(dir);
  try {
    const now = Date.now();
    const invite = { hash: 'onderdelen-uitnodiging', tafelId: 'onderdelen', lidId: actor.lidId, createdBy: actor.lidId, createdAt: now, expiresAt: now + 3600_000 };
    await storage.createTafel('onderdelen', 'Onderdelen', state, now, invite);
    const member = { fail: (e: unknown) => log(`relay parts: batch failed: ${String(e)}`) };
    const audit = { tafelId: 'onderdelen', lidId: actor.lidId, partijId: actor.partijId, at: 0, size: 100, messageType: 2, accepted: true, detail: { writes: 1, paths: ['setField projecten x privateOpmerkingen'] } };
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ plek: { route: 'planmonitor', projectId: own[0]!.id }, user: { naam: 'wie dan ook' } });
    const presence = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const user = { lidId: actor.lidId, partijId: actor.partijId, naam: 'Projectleider', kleur: '#336699' };

    const measure = async (from: number): Promise<RelayPartsResult> => {
      const n = s.edits;
      const u = (i: number) => updates[from + i]!;
      const validateUs = cpuUs(n, (i) => validateUpdate(relay, u(i), actor, bindings));
      const bareApplyUs = cpuUs(n, (i) => Y.applyUpdate(bare, u(i)));
      const applyWithListenerUs = cpuUs(n, (i) => applyUpdateFast(relay, u(i)));
      // Recording a write in the open batch, then the batch's COMMIT (asynchronous behind the interface).
      const appendUs = cpuUs(n, (i) => storage.batch.write(member, 'onderdelen', (w) => w.appendUpdate(u(i), Date.now())));
      await storage.batch.settled();
      const auditUs = cpuUs(n, () => storage.batch.write(member, 'onderdelen', (w) => w.audit({ ...audit, at: Date.now() })));
      await storage.batch.settled();
      // One batch per update, as at the fan-out's rates: what BEGIN and COMMIT add to one append.
      const commitUs =
        (await cpuUsAsync(n, (i) => {
          storage.batch.write(member, 'onderdelen', (w) => w.appendUpdate(u(i), Date.now()));
          return storage.batch.settled();
        })) - appendUs;
      const awarenessRewriteUs = cpuUs(n, () => rewriteAwareness(presence, () => user, () => true));
      return { bareApplyUs, validateUs, applyWithListenerUs, appendUs, auditUs, commitUs, awarenessRewriteUs };
    };
    await measure(0);
    const r = await measure(s.edits);
    log(`relay parts (CPU µs per update): ${Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    return r;
  } finally {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
