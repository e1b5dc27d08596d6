// Issue 16: the relay's field history: what an accepted update changes (read before it is applied),
// stored and read back per field, per entity, and as of a moment.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as O from '../../../src/operations';
import { describeUpdate } from '../../../src/ownership/validator';
import { historyOf, pendingChanges, recordChanges, stateAsOf } from '../../../server/fieldHistory';
import { makeUiTafel } from '../ui/tafelFixture';

describe('field history', () => {
  it('records from what to what, by whom, and answers per field and as of a moment', () => {
    const t = makeUiTafel();
    const relayDoc = new Y.Doc();
    Y.applyUpdate(relayDoc, Y.encodeStateAsUpdate(t.doc));
    const db = new Database(':memory:');

    const write = (edit: () => void, receivedAt: number) => {
      const before = Y.encodeStateVector(t.doc);
      edit();
      const update = Y.encodeStateAsUpdate(t.doc, before);
      const changes = pendingChanges(relayDoc, describeUpdate(relayDoc, update).writes, 'x', null, receivedAt);
      db.transaction(() => {
        Y.applyUpdate(relayDoc, update);
        recordChanges(db, 'tafel', changes, receivedAt);
      })();
    };
    write(() => O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q1'), 1000);
    write(() => O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q3'), 2000);
    write(() => O.setPrivaatEigenaar(t.doc, t.actor.chair, t.project, t.partij.corporatie), 3000);

    const startBouw = historyOf(db, 'tafel', { root: 'projecten', entityId: t.project, field: 'startBouw', limit: 10 });
    expect(startBouw.map((e) => [e.from, e.to, e.lidId, e.receivedAt])).toEqual([
      ['2027-Q1', '2027-Q3', t.actor.markt.lidId, 2000],
      [null, '2027-Q1', t.actor.markt.lidId, 1000],
    ]);
    expect(historyOf(db, 'tafel', { root: 'projecten', entityId: t.project, limit: 10 }).map((e) => e.field)).toEqual(['privaatEigenaar', 'startBouw', 'startBouw']);
    const op1500 = stateAsOf(db, 'tafel', 'projecten', 1500);
    expect(op1500.map((e) => [e.field, e.to])).toEqual([['startBouw', '2027-Q1']]);
    expect(stateAsOf(db, 'tafel', 'projecten', 5000).find((e) => e.field === 'privaatEigenaar')?.to).toBe(t.partij.corporatie);
    expect(historyOf(db, 'andere', { root: 'projecten', entityId: t.project, limit: 10 })).toEqual([]);
  });
});
