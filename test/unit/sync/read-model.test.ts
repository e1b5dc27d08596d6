// The read model next to the local copy (src/sync/read-model-store.ts) and the slices the copy is
// kept in (src/sync/slices.ts): a read model is found only while the copy holds exactly the state
// it was built from; writing it compacts the copy into slices that give the same document.

import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { openLocalCopy, persistLocalCopy } from '../../../src/sync/local-copy';
import { readMatchingReadModel, SLICE_BYTES, storeReadModel } from '../../../src/sync/read-model-store';
import { sliceUpdate } from '../../../src/sync/slices';
import { makeUiTafel } from '../ui/tafelFixture';

async function records(name: string): Promise<Uint8Array[]> {
  const db = await idb.openDB(name, () => undefined);
  try {
    const [store] = idb.transact(db, ['updates'], 'readonly');
    return (await idb.getAll(store!)) as Uint8Array[];
  } finally {
    db.close();
  }
}

/** A tafel kept in a fresh local copy; resolves once y-indexeddb has written all of it. */
async function tafelInCopy() {
  const name = `copy-${Math.random()}`;
  const t = makeUiTafel();
  const doc = new Y.Doc({ gc: false });
  const persistence = await persistLocalCopy(name, doc);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.doc));
  await settled(name, doc);
  return { ...t, name, doc, persistence };
}

/** Waits until the copy's records hold the document's whole state (y-indexeddb writes them asynchronously). */
async function settled(name: string, doc: Y.Doc): Promise<void> {
  const want = Y.encodeStateVector(doc);
  for (let i = 0; i < 200; i++) {
    const svs = (await records(name)).map((r) => M.reachOf(r));
    if (M.sameStateVector(M.mergeStateVectors(svs), want)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the local copy never caught up with the document');
}

describe('slices of an update', () => {
  it('give the same document, each without waiting for a later one, whatever the clients and deletions', () => {
    const a = new Y.Doc({ gc: false });
    const b = new Y.Doc({ gc: false });
    const sync = () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    };
    for (let round = 0; round < 30; round++) {
      a.getMap('projecten').set(`p${round}`, new Y.Map([['naam', `project ${round}`]]));
      sync();
      (b.getMap('projecten').get(`p${round}`) as Y.Map<unknown>).set('naam', `hernoemd ${round}`);
      b.getText('notulen').insert(0, `alinea ${round} `);
      if (round % 3 === 0) a.getMap('projecten').delete(`p${round}`);
      sync();
      if (round % 4 === 0) b.getText('notulen').delete(0, 3);
      sync();
    }
    const whole = Y.encodeStateAsUpdate(a);
    const { slices, complete } = sliceUpdate(whole, 256);
    expect(complete).toBe(true);
    expect(slices.length).toBeGreaterThan(5);
    const rebuilt = new Y.Doc({ gc: false });
    for (const s of slices) {
      Y.applyUpdate(rebuilt, s);
      expect(rebuilt.store.pendingStructs).toBeNull();
    }
    expect(rebuilt.store.pendingDs).toBeNull();
    expect(rebuilt.getMap('projecten').toJSON()).toEqual(a.getMap('projecten').toJSON());
    expect(rebuilt.getText('notulen').toString()).toBe(a.getText('notulen').toString());
    expect(Y.encodeStateAsUpdate(rebuilt)).toEqual(whole);
  });

  it('leave out what depends on structs the update does not hold, and say so', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').insert(3, 'def');
    // Only the second insert: its origin (the "c") is not in the update.
    const { complete } = sliceUpdate(Y.encodeStateAsUpdate(doc, sv), 1024);
    expect(complete).toBe(false);
  });
});

describe('read model next to the local copy', () => {
  it('is found while the copy holds exactly its state', async () => {
    const t = await tafelInCopy();
    const model = M.buildReadModel(t.doc, { lidId: t.actor.markt.lidId, magProjectMaken: false });
    expect(await storeReadModel(t.name, model)).toMatchObject({ kind: 'written' });
    const found = await readMatchingReadModel(t.name, t.actor.markt.lidId);
    expect(found?.planmonitor).toEqual(model.planmonitor);
    // Another lid on this device never sees this lid's read model.
    expect(await readMatchingReadModel(t.name, t.actor.gemeente.lidId)).toBeNull();
    await t.persistence.destroy();
  });

  it('is not found once the copy changed behind its back (another tab, a write that did not refresh it)', async () => {
    const t = await tafelInCopy();
    await storeReadModel(t.name, M.buildReadModel(t.doc, { lidId: t.actor.markt.lidId, magProjectMaken: false }));
    await t.persistence.destroy();

    // Another tab opens the same copy and edits; its read model is not refreshed.
    const other = new Y.Doc({ gc: false });
    const { persistence } = await openLocalCopy(t.name, other);
    // Opening writes an empty record: that brings nothing new, so the read model still matches.
    expect(await readMatchingReadModel(t.name, t.actor.markt.lidId)).not.toBeNull();
    O.setProjectField(other, t.actor.gemeente, t.project, 'naam', 'De Kade-Zuid');
    await settled(t.name, other);
    expect(await readMatchingReadModel(t.name, t.actor.markt.lidId)).toBeNull();

    // Refreshed from the document that holds the change, it matches again, with the new name.
    const fresh = M.buildReadModel(other, { lidId: t.actor.markt.lidId, magProjectMaken: false });
    expect(await storeReadModel(t.name, fresh)).toMatchObject({ kind: 'written' });
    expect((await readMatchingReadModel(t.name, t.actor.markt.lidId))?.planmonitor[0]?.naam).toBe('De Kade-Zuid');
    await persistence.destroy();
  });

  it('is not found once a project was removed behind its back (a deletion moves no state vector)', async () => {
    const t = await tafelInCopy();
    await storeReadModel(t.name, M.buildReadModel(t.doc, { lidId: t.actor.markt.lidId, magProjectMaken: false }));
    await t.persistence.destroy();
    const other = new Y.Doc({ gc: false });
    const { persistence } = await openLocalCopy(t.name, other);
    const before = Y.encodeStateVector(other);
    O.removeProject(other, t.actor.gemeente, t.project);
    expect(M.sameStateVector(before, Y.encodeStateVector(other))).toBe(true);
    await persistence.destroy();
    expect(await readMatchingReadModel(t.name, t.actor.markt.lidId)).toBeNull();
  });

  it('is not written for a document the copy does not hold exactly', async () => {
    const t = await tafelInCopy();
    const ahead = new Y.Doc({ gc: false });
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(t.doc));
    O.setProjectField(ahead, t.actor.gemeente, t.project, 'naam', 'Niet in de kopie');
    const result = await storeReadModel(t.name, M.buildReadModel(ahead, { lidId: t.actor.markt.lidId, magProjectMaken: false }));
    expect(result).toEqual({ kind: 'copy-differs' });
    expect(await readMatchingReadModel(t.name, t.actor.markt.lidId)).toBeNull();
    await t.persistence.destroy();
  });

  it('compacts a copy of many records into slices that open to the same document', async () => {
    const t = await tafelInCopy();
    for (let i = 0; i < 150; i++) O.setProjectField(t.doc, t.actor.gemeente, t.project, 'locatie', `kavel ${i} ${'x'.repeat(150)}`);
    await settled(t.name, t.doc);
    expect((await records(t.name)).length).toBeGreaterThan(150);

    const model = M.buildReadModel(t.doc, { lidId: t.actor.gemeente.lidId, magProjectMaken: true });
    expect(await storeReadModel(t.name, model)).toEqual({ kind: 'written', compacted: true });
    const after = await records(t.name);
    expect(after.length).toBeLessThan(10);
    for (const r of after) expect(r.length).toBeLessThan(4 * SLICE_BYTES);
    expect(await readMatchingReadModel(t.name, t.actor.gemeente.lidId)).not.toBeNull();
    await t.persistence.destroy();

    const reopened = new Y.Doc({ gc: false });
    const { persistence, loaded } = await openLocalCopy(t.name, reopened);
    expect(loaded).toEqual({ kind: 'loaded' });
    expect(M.sameStateVector(Y.encodeStateVector(reopened), Y.encodeStateVector(t.doc))).toBe(true);
    expect(M.readProjectenCached(reopened)).toEqual(M.readProjectenCached(t.doc));
    await persistence.destroy();
  });
});
