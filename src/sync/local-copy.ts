// The local copy of one tafel document in IndexedDB, kept by y-indexeddb. Each copy lives in its
// own database named after a generation: a rebuild writes a complete new generation and only
// then points the device store at it, so at every moment one complete copy is the current one.
//
// Before y-indexeddb takes over, the copy is read and checked here: y-indexeddb applies stored
// updates without catching errors, so one damaged record would leave the tafel unopened forever.

import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** Origin of the transaction that loads the local copy, so it is not mistaken for a user edit. */
export const LOAD_ORIGIN = Symbol('aan-tafel-local-copy');

export function localCopyName(deviceName: string, tafelId: string, generation: string): string {
  return `${deviceName}:tafel:${tafelId}:${generation}`;
}

export type LoadResult =
  /** every stored update applied cleanly */
  | { readonly kind: 'loaded' }
  /** nothing stored yet */
  | { readonly kind: 'empty' }
  /** some records could not be read or depend on missing ones; `doc` holds what could be read, consistently */
  | { readonly kind: 'damaged'; readonly reason: string }
  /** IndexedDB cannot be used at all (e.g. disabled in a private window) */
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Applies the stored updates of database `name` to `doc` (which should be fresh). */
export async function loadLocalCopy(name: string, doc: Y.Doc): Promise<LoadResult> {
  let updates: unknown[];
  try {
    const db = await idb.openDB(name, (d) => idb.createStores(d, [['updates', { autoIncrement: true }], ['custom']]));
    try {
      const [store] = idb.transact(db, ['updates'], 'readonly');
      updates = (await idb.getAll(store!)) as unknown[];
    } finally {
      db.close();
    }
  } catch (e) {
    return { kind: 'unavailable', reason: `IndexedDB could not be read: ${String(e)}` };
  }
  if (updates.length === 0) return { kind: 'empty' };
  let unreadable = 0;
  doc.transact(() => {
    for (const u of updates) {
      // Decoding first keeps a damaged record from half-applying before it throws.
      if (!(u instanceof Uint8Array)) {
        unreadable++;
        continue;
      }
      try {
        Y.decodeUpdate(u);
        Y.applyUpdate(doc, u, LOAD_ORIGIN);
      } catch {
        unreadable++;
      }
    }
  }, LOAD_ORIGIN);
  const dangling = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  if (dangling) {
    // Changes that build on lost records can never be applied anywhere: Yjs would keep them
    // pending and send them along, and the relay would refuse every update after them.
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
  }
  if (unreadable > 0) return { kind: 'damaged', reason: `${unreadable} of ${updates.length} stored updates unreadable` };
  if (dangling) return { kind: 'damaged', reason: 'stored updates depend on updates that are missing' };
  return { kind: 'loaded' };
}

/** Keeps `doc` in database `name` from now on; resolves once its current state is written. */
export async function persistLocalCopy(name: string, doc: Y.Doc): Promise<IndexeddbPersistence> {
  const persistence = new IndexeddbPersistence(name, doc);
  // whenSynced never settles when the database cannot be opened: fail instead of waiting forever.
  await Promise.race([persistence.whenSynced, persistence._db.then(() => new Promise<never>(() => undefined))]);
  return persistence;
}

/**
 * Deletes a local copy. Not awaited by callers on purpose: while another tab still has the
 * database open, the browser postpones the deletion until that tab lets go.
 */
export function dropLocalCopy(name: string): Promise<void> {
  return idb.deleteDB(name).then(
    () => undefined,
    () => undefined,
  );
}
