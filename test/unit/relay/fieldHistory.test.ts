// Issue 16: the relay's field history: what an accepted update changes (read before it is applied),
// stored with the update's write set and read back per field, per entity, and as of a moment.
// On SQLite here; the storage contract suite (test/integration/storage/) runs it on Postgres too.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as O from '../../../src/operations';
import { describeUpdate } from '../../../src/ownership/validator';
import { firstChangesAfter, historyOf, pendingChanges, recordChanges, stateAsOf } from '../../../server/fieldHistory';
import { readProjectenOp, type Stand } from '../../../src/model';
import type { BatchMember } from '../../../server/groupcommit';
import { SqliteStorage } from '../../../server/storage-sqlite';
import { makeUiTafel } from '../ui/tafelFixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A tafel whose project exists before the relay keeps history, and a relay that records what follows. */
function relayWithHistory() {
  const t = makeUiTafel();
  const relayDoc = new Y.Doc();
  Y.applyUpdate(relayDoc, Y.encodeStateAsUpdate(t.doc));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-history-'));
  dirs.push(dir);
  const storage = SqliteStorage.open(dir);
  const failures: unknown[] = [];
  const room: BatchMember = { fail: (e) => failures.push(e) };

  const write = async (edit: () => void, receivedAt: number) => {
    const before = Y.encodeStateVector(t.doc);
    edit();
    const update = Y.encodeStateAsUpdate(t.doc, before);
    const changes = pendingChanges(relayDoc, describeUpdate(relayDoc, update).writes, 'x', null, receivedAt);
    storage.batch.write(room, 'tafel', (w) => {
      Y.applyUpdate(relayDoc, update);
      recordChanges(w, 'tafel', changes, receivedAt);
    });
    await storage.batch.settled();
  };
  return { t, storage, failures, write };
}

describe('field history', () => {
  it('records from what to what, by whom, and answers per field and as of a moment', async () => {
    const { t, storage, failures, write } = relayWithHistory();
    try {
      await write(() => O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q1'), 1000);
      await write(() => O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q3'), 2000);
      await write(() => O.setPrivaatEigenaar(t.doc, t.actor.chair, t.project, t.partij.corporatie), 3000);
      expect(failures).toEqual([]);

      const h = storage.handle;
      const startBouw = await historyOf(h, 'tafel', { root: 'projecten', entityId: t.project, field: 'startBouw', limit: 10 });
      expect(startBouw.map((e) => [e.from, e.to, e.lidId, e.receivedAt])).toEqual([
        ['2027-Q1', '2027-Q3', t.actor.markt.lidId, 2000],
        [null, '2027-Q1', t.actor.markt.lidId, 1000],
      ]);
      expect((await historyOf(h, 'tafel', { root: 'projecten', entityId: t.project, limit: 10 })).map((e) => e.field)).toEqual([
        'privaatEigenaar',
        'startBouw',
        'startBouw',
      ]);
      const op1500 = await stateAsOf(h, 'tafel', 'projecten', 1500);
      expect(op1500.map((e) => [e.field, e.to])).toEqual([['startBouw', '2027-Q1']]);
      expect((await stateAsOf(h, 'tafel', 'projecten', 5000)).find((e) => e.field === 'privaatEigenaar')?.to).toBe(t.partij.corporatie);
      expect(await historyOf(h, 'andere', { root: 'projecten', entityId: t.project, limit: 10 })).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('gives the planmonitor as it stood on a date: older values rewound, later projects left out, deleted ones back', async () => {
    const { t, storage, failures, write } = relayWithHistory();
    try {
      // De Kade (40 sociale huur) was written before the relay kept history.
      await write(() => O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q1'), 1000);
      await write(() => O.setProjectField(t.doc, t.actor.gemeente, t.project, 'woningenSocialeHuur', 50), 2000);
      let later = '';
      await write(() => {
        later = O.createProject(t.doc, t.actor.gemeente, { naam: 'Nieuwbouw Zuid', publiekEigenaar: t.partij.gemeente, publiek: { woningenMiddenhuur: 30 } });
      }, 3000);
      await write(() => O.removeProject(t.doc, t.actor.gemeente, later), 4000);
      expect(failures).toEqual([]);

      const h = storage.handle;
      const stand = async (at: number): Promise<Stand> => ({ tot: await stateAsOf(h, 'tafel', 'projecten', at), na: await firstChangesAfter(h, 'tafel', 'projecten', at) });
      const op = async (at: number) =>
        (await readProjectenOp(t.doc, await stand(at)))
          .map((p) => [p.naam, p.startBouw, p.woningenSocialeHuur, p.woningenMiddenhuur])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

      expect(await op(500)).toEqual([['De Kade', null, 40, 0]]);
      expect(await op(1500)).toEqual([['De Kade', '2027-Q1', 40, 0]]);
      expect(await op(3500)).toEqual([
        ['De Kade', '2027-Q1', 50, 0],
        ['Nieuwbouw Zuid', null, 0, 30],
      ]);
      expect(await op(4500)).toEqual([['De Kade', '2027-Q1', 50, 0]]);
      // The deletion is in the history as the fields going to empty.
      expect((await historyOf(h, 'tafel', { root: 'projecten', entityId: later, field: 'naam', limit: 10 })).map((e) => [e.from, e.to])).toEqual([
        ['Nieuwbouw Zuid', null],
        [null, 'Nieuwbouw Zuid'],
      ]);
    } finally {
      await storage.close();
    }
  });
});
