// Opening a local copy (src/sync/local-copy.ts openLocalCopy): the stored state is read once,
// nothing but an empty record is written on open, and y-indexeddb keeps every later change.

import 'fake-indexeddb/auto';
import * as idb from 'lib0/indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openLocalCopy, persistLocalCopy } from '../../../src/sync/local-copy';

async function storedRecords(name: string): Promise<Uint8Array[]> {
  const db = await idb.openDB(name, () => undefined);
  try {
    const [store] = idb.transact(db, ['updates'], 'readonly');
    return (await idb.getAll(store!)) as Uint8Array[];
  } finally {
    db.close();
  }
}

describe('openLocalCopy', () => {
  it('loads the stored state, stores no second copy of it, and keeps later changes', async () => {
    const name = `copy-${Math.random()}`;
    const original = new Y.Doc();
    const first = await persistLocalCopy(name, original);
    for (let i = 0; i < 100; i++) original.getMap('m').set(`k${i}`, 'x'.repeat(50));
    await first.destroy();
    const storedBefore = (await storedRecords(name)).reduce((n, r) => n + r.byteLength, 0);

    const reopened = new Y.Doc();
    const { persistence, loaded } = await openLocalCopy(name, reopened);
    expect(loaded).toEqual({ kind: 'loaded' });
    expect(reopened.getMap('m').toJSON()).toEqual(original.getMap('m').toJSON());
    // y-indexeddb's first record on open is the state of the still empty document: a few bytes.
    const storedAfter = (await storedRecords(name)).reduce((n, r) => n + r.byteLength, 0);
    expect(storedAfter - storedBefore).toBeLessThan(10);

    reopened.getMap('m').set('na het openen', 'bewaard');
    await persistence.destroy();
    const again = new Y.Doc();
    const reread = await openLocalCopy(name, again);
    expect(again.getMap('m').get('na het openen')).toBe('bewaard');
    await reread.persistence.destroy();
  });

  it('applies nothing before beforeApply has settled', async () => {
    const name = `copy-${Math.random()}`;
    const original = new Y.Doc();
    const first = await persistLocalCopy(name, original);
    original.getMap('m').set('k', 'v');
    await first.destroy();

    const reopened = new Y.Doc();
    let release = () => undefined as void;
    const seen: unknown[] = [];
    const opening = openLocalCopy(name, reopened, () => {
      seen.push(reopened.getMap('m').get('k'));
      return new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([undefined]);
    expect(reopened.getMap('m').get('k')).toBeUndefined();
    release();
    const { persistence, loaded } = await opening;
    expect(loaded).toEqual({ kind: 'loaded' });
    expect(reopened.getMap('m').get('k')).toBe('v');
    await persistence.destroy();
  });

  it('reports an empty copy as empty', async () => {
    const { persistence, loaded } = await openLocalCopy(`empty-${Math.random()}`, new Y.Doc());
    expect(loaded).toEqual({ kind: 'empty' });
    await persistence.destroy();
  });
});
