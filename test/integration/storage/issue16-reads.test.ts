// Issue 16's relay data on every storage engine, SQLite and Postgres alike (as the contract suite
// next to this file): the field history is a storage module whose rows are written in the room's
// write set, so they commit with the update and are rolled back with it, and read back per field,
// per entity and as of a moment; the chair's leden status is read from tokens, invites and audit.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { historyOf, stateAsOf, recordChanges, type PendingChange } from '../../../server/fieldHistory';
import type { BatchMember } from '../../../server/groupcommit';
import { issueInvite, newInvite, redeemInvite } from '../../../server/invites';
import { ledenStatus } from '../../../server/ledenStatus';
import type { RelayStorage } from '../../../server/storage';
import type { ModuleWrite } from '../../../server/storage-modules';
import { postgresEngine, sqliteEngine, type Engine, type Store } from './engines';

function member(): BatchMember & { failures: unknown[] } {
  const failures: unknown[] = [];
  return { failures, fail: (e) => failures.push(e) };
}

/** A write that breaks its statement (a duplicate key) on either engine: fails its write set. */
const duplicateTafel = (id: string): ModuleWrite => ({
  module: 'issue16-test',
  sqlite: (db) => void db.prepare("INSERT INTO tafels (id, naam, created_at) VALUES (?, 'dup', 0)").run(id),
  postgres: async (client) => void (await client.query("INSERT INTO tafels (id, naam, created_at) VALUES ($1, 'dup', 0)", [id])),
});

const change = (field: string, from: unknown, to: unknown, at: number, entityId = 'p1'): PendingChange => ({
  root: 'projecten',
  entityId,
  field,
  from,
  to,
  lidId: 'lid-markt',
  partijId: 'partij-markt',
  at,
});

async function seedTafel(storage: RelayStorage, id: string): Promise<void> {
  const { row } = newInvite({ tafelId: id, lidId: 'chair', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 60_000, now: 1000 });
  await storage.createTafel(id, `Tafel ${id}`, Y.encodeStateAsUpdate(new Y.Doc()), 1000, row);
}

for (const engine of [sqliteEngine(), postgresEngine()] satisfies Engine[]) {
  describe(`issue 16 storage: ${engine.name}`, () => {
    let store: Store;
    let storage: RelayStorage;
    /** A second handle: what is committed, as another process (or a restart) reads it. */
    let other: RelayStorage;
    let breakCommits = 0;

    beforeAll(async () => {
      await engine.start();
      store = await engine.fresh();
      storage = await store.open({
        beforeCommit: () => {
          if (breakCommits > 0) {
            breakCommits--;
            throw new Error('disk on fire');
          }
        },
      });
      other = await store.open();
      for (const id of ['t1', 't2']) await seedTafel(storage, id);
    });
    afterAll(async () => {
      await storage?.close();
      await other?.close();
      await engine.stop();
    });

    it('field history commits with its write set, is rolled back with it, and reads back per field, entity and moment', async () => {
      const room = member();
      const doomed = member();
      // Values of every JSON kind, a NUL a client may type, and a writer's clock with a fraction.
      storage.batch.write(room, 't1', (w) => {
        w.appendUpdate(Uint8Array.of(1), 1000);
        recordChanges(w, 't1', [change('startBouw', null, '2027-Q1', 900.5), change('woningen', 40, { aantal: 42, soort: ['huur'] }, 901)], 1000);
      });
      storage.batch.write(doomed, 't2', (w) => {
        recordChanges(w, 't2', [change('startBouw', null, 'weg', 950)], 1000);
        w.module(duplicateTafel('t1'));
      });
      await storage.batch.settled();
      storage.batch.write(room, 't1', (w) => recordChanges(w, 't1', [change('startBouw', '2027-Q1', 'a\u0000b', 1900)], 2000));
      storage.batch.write(room, 't1', (w) => recordChanges(w, 't1', [change('naam', 'Oud', null, 2950, 'p2')], 3000));
      // Nothing to record: no module write at all.
      storage.batch.write(room, 't1', (w) => recordChanges(w, 't1', [], 3500));
      await storage.batch.settled();
      expect(room.failures).toEqual([]);
      expect(doomed.failures).toHaveLength(1);

      const h = other.handle;
      const startBouw = await historyOf(h, 't1', { root: 'projecten', entityId: 'p1', field: 'startBouw', limit: 10 });
      expect(startBouw.map((e) => [e.from, e.to, e.lidId, e.partijId, e.at, e.receivedAt])).toEqual([
        ['2027-Q1', 'a\u0000b', 'lid-markt', 'partij-markt', 1900, 2000],
        [null, '2027-Q1', 'lid-markt', 'partij-markt', 900.5, 1000],
      ]);
      expect(startBouw.every((e) => typeof e.id === 'number')).toBe(true);
      const p1 = await historyOf(h, 't1', { root: 'projecten', entityId: 'p1', limit: 10 });
      expect(p1.map((e) => e.field)).toEqual(['startBouw', 'woningen', 'startBouw']);
      expect(p1.find((e) => e.field === 'woningen')).toMatchObject({ from: 40, to: { aantal: 42, soort: ['huur'] } });
      expect(await historyOf(h, 't1', { root: 'projecten', entityId: 'p1', limit: 1 })).toHaveLength(1);
      // The rolled-back write set left nothing.
      expect(await historyOf(h, 't2', { root: 'projecten', entityId: 'p1', limit: 10 })).toEqual([]);

      const at1500 = await stateAsOf(h, 't1', 'projecten', 1500);
      expect(at1500.map((e) => [e.entityId, e.field, e.to])).toEqual([
        ['p1', 'startBouw', '2027-Q1'],
        ['p1', 'woningen', { aantal: 42, soort: ['huur'] }],
      ]);
      const at3000 = await stateAsOf(h, 't1', 'projecten', 3000);
      expect(at3000.map((e) => [e.entityId, e.field, e.to])).toEqual([
        ['p1', 'woningen', { aantal: 42, soort: ['huur'] }],
        ['p1', 'startBouw', 'a\u0000b'],
        ['p2', 'naam', null],
      ]);
      expect(await stateAsOf(h, 't1', 'projecten', 999)).toEqual([]);
      expect(await stateAsOf(h, 't1', 'partijen', 3000)).toEqual([]);
    });

    it('field history of a lost COMMIT is lost with the update', async () => {
      const room = member();
      breakCommits = 1;
      storage.batch.write(room, 't2', (w) => {
        w.appendUpdate(Uint8Array.of(2), 5000);
        recordChanges(w, 't2', [change('startBouw', null, 'verloren', 5000, 'p9')], 5000);
      });
      await storage.batch.settled();
      expect(room.failures).toHaveLength(1);
      expect(await historyOf(other.handle, 't2', { root: 'projecten', entityId: 'p9', limit: 10 })).toEqual([]);
      expect((await other.loadTafel('t2'))?.updates).toEqual([]);
    });

    it('leden status: invited, joined, last seen and revoked, from tokens, invites and the audit', async () => {
      const isLid = async () => true;
      await issueInvite(storage, { tafelId: 't1', lidId: 'gert', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 100_000, now: 10_000 });
      const first = await issueInvite(storage, { tafelId: 't1', lidId: 'mia', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 100_000, now: 10_000 });
      const second = await issueInvite(storage, { tafelId: 't1', lidId: 'mia', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 100_000, now: 20_000 });
      const revoked = await issueInvite(storage, { tafelId: 't1', lidId: 'rob', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 100_000, now: 10_000 });
      // Expired, and on another tafel: neither counts.
      await issueInvite(storage, { tafelId: 't1', lidId: 'oud', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 1000, now: 10_000 });
      await issueInvite(storage, { tafelId: 't2', lidId: 'elders', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 100_000, now: 10_000 });
      expect((await redeemInvite(storage, first.code, { now: 30_000, tokenTtlMs: 1_000_000, isLid })).ok).toBe(true);
      expect((await redeemInvite(storage, second.code, { now: 40_000, tokenTtlMs: 1_000_000, isLid })).ok).toBe(true);
      expect((await redeemInvite(storage, revoked.code, { now: 30_000, tokenTtlMs: 1_000_000, isLid })).ok).toBe(true);
      expect(await storage.revokeLid('t1', 'rob', 35_000)).toBe(1);
      const room = member();
      const audit = (lidId: string, at: number, accepted: boolean) => ({ tafelId: 't1', lidId, partijId: null, at, size: 1, accepted, messageType: 2, detail: {} });
      storage.batch.write(room, 't1', (w) => {
        w.audit(audit('mia', 50_000, true));
        // A rejected write is not "seen" (it was refused).
        w.audit(audit('mia', 60_000, false));
      });
      await storage.batch.settled();

      const leden = await ledenStatus(other.handle, 't1', 45_000);
      expect(leden).toEqual([
        // The chair's own invite from seedTafel, still open.
        { lidId: 'chair', invitedUntil: 61_000, joinedAt: null, lastJoinAt: null, lastSeenAt: null, revoked: false },
        { lidId: 'gert', invitedUntil: 110_000, joinedAt: null, lastJoinAt: null, lastSeenAt: null, revoked: false },
        { lidId: 'mia', invitedUntil: null, joinedAt: 30_000, lastJoinAt: 40_000, lastSeenAt: 50_000, revoked: false },
        { lidId: 'rob', invitedUntil: null, joinedAt: 30_000, lastJoinAt: 30_000, lastSeenAt: 30_000, revoked: true },
      ]);
      expect((await ledenStatus(other.handle, 't2', 45_000)).map((s) => s.lidId)).toEqual(['chair', 'elders']);
    });
  });
}
