// One contract for every storage engine (the way automerge-repo runs one suite per storage
// adapter): SQLite and Postgres must both keep the relay's promises. Durability at the
// acknowledgement (nothing delivered before another handle can read it), group commit (one
// transaction per turn, batches in order), a failing write set undoes only itself, a lost COMMIT
// loses the batch and fails its writers only, compaction keeps state, invites and tokens, the
// audit's append-only rule, and a process killed in the middle of a batch leaves none of it.

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkToken, sha256 } from '../../../server/auth';
import type { BatchMember } from '../../../server/groupcommit';
import { issueInvite, newInvite, redeemInvite } from '../../../server/invites';
import type { RelayStorage } from '../../../server/storage';
import type { ModuleWrite } from '../../../server/storage-modules';
import { historyOf, recordChanges } from '../../../server/fieldHistory';
import { REPO_ROOT } from '../helpers/relay';
import { postgresEngine, sqliteEngine, type Engine, type Store } from './engines';

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A room, as the batch sees it: records its failures. */
function member(): BatchMember & { failures: unknown[]; compactionFailures: unknown[] } {
  const failures: unknown[] = [];
  const compactionFailures: unknown[] = [];
  return { failures, compactionFailures, fail: (e) => failures.push(e), compactionFailed: (e) => compactionFailures.push(e) };
}

/** A write of another module that breaks its statement (a duplicate key) on either engine. */
const duplicateTafel = (id: string): ModuleWrite => ({
  module: 'contract-test',
  sqlite: (db) => void db.prepare("INSERT INTO tafels (id, naam, created_at) VALUES (?, 'dup', 0)").run(id),
  postgres: async (client) => void (await client.query("INSERT INTO tafels (id, naam, created_at) VALUES ($1, 'dup', 0)", [id])),
});

async function seedTafel(storage: RelayStorage, id: string): Promise<void> {
  const { row } = newInvite({ tafelId: id, lidId: 'chair', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 60_000, now: 1000 });
  await storage.createTafel(id, `Tafel ${id}`, Y.encodeStateAsUpdate(new Y.Doc()), 1000, row);
}

const logOf = async (s: RelayStorage, id: string) => ((await s.loadTafel(id))?.updates ?? []).map((u) => [...u.data]);

for (const engine of [sqliteEngine(), postgresEngine()] satisfies Engine[]) {
  describe(`storage contract: ${engine.name}`, () => {
    let store: Store;
    let storage: RelayStorage;
    /** A second handle on the same storage: what another process (or a restart) would read. */
    let other: RelayStorage;
    let commits: number;
    let breakCommits: number;

    beforeAll(async () => {
      await engine.start();
    });
    afterAll(async () => {
      await engine.stop();
    });

    async function fresh(): Promise<void> {
      await storage?.close();
      await other?.close();
      commits = 0;
      breakCommits = 0;
      store = await engine.fresh();
      storage = await store.open({
        beforeCommit: () => {
          commits++;
          if (breakCommits > 0) {
            breakCommits--;
            throw new Error('disk on fire');
          }
        },
      });
      other = await store.open();
      for (const id of ['t1', 't2', 't3']) await seedTafel(storage, id);
    }

    afterAll(async () => {
      await storage?.close();
      await other?.close();
    });

    it('acknowledges only what another handle can already read, and the turn shares one COMMIT', async () => {
      await fresh();
      const a = member();
      const b = member();
      const seenAtDelivery: number[][][] = [];
      for (let i = 0; i < 5; i++) storage.batch.write(a, 't1', (w) => w.appendUpdate(Uint8Array.of(1, i), 10));
      storage.batch.write(b, 't2', (w) => w.appendUpdate(Uint8Array.of(2, 0), 10));
      let delivered = false;
      storage.batch.deliver(a, () => (delivered = true));
      expect(delivered).toBe(false);
      // (No read through `other` here: awaiting it lets the batch commit meanwhile, which on a busy
      // machine it does before a Postgres round trip ends.)
      await storage.batch.settled();
      expect(delivered).toBe(true);
      expect(commits).toBe(1);
      expect(await logOf(other, 't1')).toEqual([0, 1, 2, 3, 4].map((i) => [1, i]));
      expect(await logOf(other, 't2')).toEqual([[2, 0]]);

      // A batch written while another commits waits for it; messages keep their order.
      const order: string[] = [];
      storage.batch.write(a, 't1', (w) => w.appendUpdate(Uint8Array.of(1, 5), 11));
      storage.batch.deliver(a, () => order.push('first'));
      await endOfTurn();
      storage.batch.write(a, 't1', (w) => w.appendUpdate(Uint8Array.of(1, 6), 12));
      storage.batch.deliver(a, () => {
        order.push('second');
        void logOf(other, 't1').then((l) => seenAtDelivery.push(l));
      });
      await storage.batch.settled();
      expect(order).toEqual(['first', 'second']);
      await new Promise((r) => setTimeout(r, 0));
      await waitUntil(() => seenAtDelivery.length === 1);
      expect(seenAtDelivery[0]?.slice(-2)).toEqual([
        [1, 5],
        [1, 6],
      ]);
      expect(a.failures).toEqual([]);
    });

    it('a write set that fails undoes only itself; the rest of the batch commits', async () => {
      await fresh();
      const bad = member();
      const good = member();
      storage.batch.write(good, 't2', (w) => w.appendUpdate(Uint8Array.of(2, 1), 10));
      storage.batch.write(bad, 't1', (w) => {
        w.appendUpdate(Uint8Array.of(1, 1), 10);
        w.module(duplicateTafel('t3'));
      });
      let badDelivered = false;
      let goodDelivered = false;
      storage.batch.deliver(bad, () => (badDelivered = true));
      storage.batch.deliver(good, () => (goodDelivered = true));
      await storage.batch.settled();
      expect(commits).toBe(1);
      expect(bad.failures).toHaveLength(1);
      expect(good.failures).toEqual([]);
      expect([badDelivered, goodDelivered]).toEqual([false, true]);
      expect(await logOf(other, 't1')).toEqual([]);
      expect(await logOf(other, 't2')).toEqual([[2, 1]]);

      // The same with only the relay's own kinds of write (which an engine may merge across sets):
      // an update for a tafel that does not exist breaks a foreign key.
      const ghost = member();
      storage.batch.write(good, 't2', (w) => {
        w.appendUpdate(Uint8Array.of(2, 2), 11);
        w.audit({ tafelId: 't2', lidId: 'x', partijId: null, at: 11, size: 2, accepted: true, messageType: 2, detail: { ok: true } });
      });
      storage.batch.write(ghost, 'no-such-tafel', (w) => w.appendUpdate(Uint8Array.of(9), 11));
      await storage.batch.settled();
      expect(ghost.failures).toHaveLength(1);
      expect(good.failures).toEqual([]);
      expect(await logOf(other, 't2')).toEqual([
        [2, 1],
        [2, 2],
      ]);
      expect((await other.readAudit('t2', 10)).map((e) => e.detail)).toEqual([{ ok: true }]);
    });

    it('field history of several write sets and tafels commits with their batch, each row with its own tafel and time', async () => {
      await fresh();
      const a = member();
      const b = member();
      const change = (entityId: string, to: string, at: number) => ({ root: 'projecten' as const, entityId, field: 'naam', from: null, to, lidId: 'l', partijId: 'p', at });
      // An engine may merge these across write sets (Postgres does: one statement for the batch).
      storage.batch.write(a, 't1', (w) => {
        w.appendUpdate(Uint8Array.of(1), 10);
        recordChanges(w, 't1', [change('project-1', 'Een', 1), change('project-1', 'Twee', 2)], 100);
      });
      storage.batch.write(b, 't2', (w) => {
        w.appendUpdate(Uint8Array.of(2), 10);
        recordChanges(w, 't2', [change('project-1', 'Drie', 3)], 200);
      });
      await storage.batch.settled();
      expect([a.failures, b.failures]).toEqual([[], []]);
      const of = (t: string) => historyOf(other.handle, t, { root: 'projecten', entityId: 'project-1', limit: 10 });
      expect((await of('t1')).map((h) => [h.to, h.at, h.receivedAt])).toEqual([
        ['Twee', 2, 100],
        ['Een', 1, 100],
      ]);
      expect((await of('t2')).map((h) => [h.to, h.at, h.receivedAt])).toEqual([['Drie', 3, 200]]);
    });

    it('a lost COMMIT loses the whole batch, fails its writers and still answers the readers', async () => {
      await fresh();
      const w1 = member();
      const w2 = member();
      const reader = member();
      breakCommits = 1;
      storage.batch.write(w1, 't1', (w) => w.appendUpdate(Uint8Array.of(1), 10));
      storage.batch.write(w2, 't2', (w) => w.audit({ tafelId: 't2', lidId: 'x', partijId: null, at: 1, size: 1, accepted: false, messageType: 2, detail: {} }));
      const delivered: string[] = [];
      storage.batch.deliver(w1, () => delivered.push('w1'));
      storage.batch.deliver(reader, () => delivered.push('reader'));
      await storage.batch.settled();
      expect(w1.failures).toHaveLength(1);
      expect(w2.failures).toHaveLength(1);
      expect(reader.failures).toEqual([]);
      expect(delivered).toEqual(['reader']);
      expect(await logOf(other, 't1')).toEqual([]);
      expect(await other.readAudit('t2', 10)).toEqual([]);

      // The next batch starts cleanly.
      storage.batch.write(w1, 't1', (w) => w.appendUpdate(Uint8Array.of(9), 11));
      await storage.batch.settled();
      expect(await logOf(other, 't1')).toEqual([[9]]);
    });

    it('compaction folds the log into the snapshot, in the batch, without losing state', async () => {
      await fresh();
      const room = member();
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i);
      storage.batch.write(room, 't1', (w) => {
        for (const u of updates.slice(0, 3)) w.appendUpdate(u, 2000);
        // The state of the three entries appended before it.
        const partial = new Y.Doc();
        for (const u of updates.slice(0, 3)) Y.applyUpdate(partial, u);
        w.compact(Y.encodeStateAsUpdate(partial), 3000);
      });
      storage.batch.write(room, 't1', (w) => {
        for (const u of updates.slice(3)) w.appendUpdate(u, 4000);
        w.rename('Tafel Noord');
      });
      await storage.batch.settled();
      const stored = await other.loadTafel('t1');
      expect(stored?.updates).toHaveLength(2);
      expect(stored?.snapshotSeq).toBeGreaterThan(0);
      expect(stored?.naam).toBe('Tafel Noord');
      const back = new Y.Doc();
      Y.applyUpdate(back, stored!.snapshot!);
      for (const u of stored!.updates) Y.applyUpdate(back, u.data);
      expect(back.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
      expect((await other.listTafels()).find((t) => t.id === 't1')).toMatchObject({ naam: 'Tafel Noord', logEntries: 2 });
      expect(room.failures).toEqual([]);
    });

    it('clientID bindings persist with the batch and the first binding of an id stays', async () => {
      await fresh();
      const room = member();
      storage.batch.write(room, 't1', (w) => {
        w.bindClients([11, 12], 'lid-a');
        w.bindClients([12, 13], 'lid-b');
      });
      await storage.batch.settled();
      expect([...(await other.loadTafel('t1'))!.bindings].sort()).toEqual([
        [11, 'lid-a'],
        [12, 'lid-a'],
        [13, 'lid-b'],
      ]);
    });

    it('an invite is redeemed once, within its lifetime, for a token stored only as its hash', async () => {
      await fresh();
      const isLid = async () => true;
      const invite = await issueInvite(storage, { tafelId: 't1', lidId: 'lid1', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 1000, now: 5000 });
      expect(invite.url).toBe(`http://x/join/${invite.code}`);
      expect((await other.openInvites('t1', 5100)).map((i) => i.lidId)).toContain('lid1');
      const [r, again] = await Promise.all([
        redeemInvite(storage, invite.code, { now: 5500, tokenTtlMs: 10_000, isLid }),
        redeemInvite(other, invite.code, { now: 5500, tokenTtlMs: 10_000, isLid }),
      ]);
      // Two redemptions at once: exactly one wins.
      expect([r.ok, again.ok].filter(Boolean)).toHaveLength(1);
      const won = r.ok ? r : again;
      if (!won.ok) throw new Error('no redemption won');
      expect(await other.findToken(won.token)).toBeUndefined();
      expect(await checkToken(other, won.token, 6000)).toEqual({ ok: true, tafelId: 't1', lidId: 'lid1', hash: sha256(won.token) });
      expect(await checkToken(other, won.token, 15_500)).toEqual({ ok: false, reason: 'expired' });
      expect(await storage.revokeLid('t1', 'lid1', 7000)).toBe(1);
      expect(await checkToken(other, won.token, 7001)).toEqual({ ok: false, reason: 'revoked' });

      const late = await issueInvite(storage, { tafelId: 't1', lidId: 'lid2', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 1000, now: 5000 });
      expect(await redeemInvite(storage, late.code, { now: 6000, tokenTtlMs: 10_000, isLid })).toEqual({ ok: false, reason: 'expired' });
      const removed = await issueInvite(storage, { tafelId: 't1', lidId: 'lid3', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 1000, now: 5000 });
      expect(await redeemInvite(storage, removed.code, { now: 5100, tokenTtlMs: 10_000, isLid: async () => false })).toEqual({ ok: false, reason: 'unknown' });
      expect(await redeemInvite(storage, removed.code, { now: 5100, tokenTtlMs: 10_000, isLid })).toEqual({ ok: false, reason: 'used' });
      expect(await redeemInvite(storage, 'nonsense', { now: 5100, tokenTtlMs: 10_000, isLid })).toEqual({ ok: false, reason: 'unknown' });
    });

    it('the audit is append-only, even to someone with SQL access', async () => {
      await fresh();
      const room = member();
      for (let i = 1; i <= 3; i++) {
        storage.batch.write(room, 't1', (w) => w.audit({ tafelId: 't1', lidId: 'l', partijId: 'p', at: i, size: 10, accepted: i !== 2, messageType: 2, detail: { i } }));
      }
      await storage.batch.settled();
      const entries = await other.readAudit('t1', 2);
      expect(entries.map((e) => [e.at, e.accepted, e.detail])).toEqual([
        [3, true, { i: 3 }],
        [2, false, { i: 2 }],
      ]);
      expect((await other.readAudit('t1', 10, entries[1]!.id)).map((e) => e.at)).toEqual([1]);
      await expect(store.exec('DELETE FROM audit')).rejects.toThrow(/append-only/);
      await expect(store.exec('UPDATE audit SET size = size + 1')).rejects.toThrow(/append-only/);
      expect(await other.readAudit('t1', 10)).toHaveLength(3);
    });

    it('a process killed in the middle of a batch leaves nothing of that batch and all of the one before', async () => {
      await fresh();
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/integration/storage/crash-mid-batch.ts', 't2'], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...store.env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.signal, child.stderr).toBe('SIGKILL');
      expect(child.stdout).toContain('COMMITTED');
      expect(child.stdout).not.toContain('NOT KILLED');
      const reopened = await store.open();
      try {
        expect(await logOf(reopened, 't2')).toEqual([[1, 1]]);
        expect((await reopened.readAudit('t2', 100)).map((e) => e.detail)).toEqual([{ n: 1 }]);
      } finally {
        await reopened.close();
      }
    });
  });
}

async function waitUntil(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
