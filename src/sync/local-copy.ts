// The local copy of one tafel document in IndexedDB, kept by y-indexeddb. Each copy lives in its
// own database named after a generation: a rebuild writes a complete new generation and only
// then points the device store at it, so at every moment one complete copy is the current one.
//
// The copy is read and checked here, once: y-indexeddb applies stored updates without catching
// errors, so one damaged record would leave the tafel unopened forever. y-indexeddb only keeps
// the copy (persistLocalCopy): left to itself it would, on every open, first store the whole
// document as one more record and then read and apply every record a second time.

import * as idb from 'lib0/indexeddb';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { applyUpdateFast } from '../model/updateDecoder';

export function localCopyName(deviceName: string, tafelId: string, generation: string): string {
  return `${deviceName}:tafel:${tafelId}:${generation}`;
}

export type LoadResult =
  /** every stored update applied cleanly */
  | { readonly kind: 'loaded' }
  /** nothing stored yet (y-indexeddb's records of an empty document hold nothing either) */
  | { readonly kind: 'empty' }
  /** some records could not be read or depend on missing ones; `doc` holds what could be read, consistently */
  | { readonly kind: 'damaged'; readonly reason: string }
  /** IndexedDB cannot be used at all (e.g. disabled in a private window) */
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Every stored record of database `name`, or why IndexedDB could not be read. */
async function readRecords(name: string): Promise<unknown[] | LoadResult> {
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
  return updates;
}

/** The longest stretch of applying records before the page gets a turn (input, rendering). */
const APPLY_BUDGET_MS = 12;

/**
 * Lets the page handle input and render before the next stretch of work: the rest of the open
 * queues behind what is already waiting (React's rendering of the read model among it). Not
 * scheduler.yield: that resumes ahead of other queued tasks, so the open would starve the very
 * rendering it makes room for. A MessageChannel, not a zero timeout: those are clamped to 4 ms
 * after a few in a row.
 */
export function yieldToPage(): Promise<void> {
  if (typeof window !== 'undefined' && typeof MessageChannel !== 'undefined') {
    const channel = new MessageChannel();
    return new Promise((resolve) => {
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Applies stored updates to `doc` (which should be fresh and seen by nobody until this resolves:
 * it fills up over several tasks), each with `origin` (the persistence keeping this copy, so it
 * does not store them again). The copy is kept in slices (src/sync/read-model-store.ts), so no
 * single record takes long; between records the page gets a turn whenever APPLY_BUDGET_MS passed.
 */
async function applyRecords(updates: readonly unknown[], doc: Y.Doc, origin: unknown): Promise<LoadResult> {
  if (updates.length === 0) return { kind: 'empty' };
  let unreadable = 0;
  let since = performance.now();
  for (const u of updates) {
    if (performance.now() - since >= APPLY_BUDGET_MS) {
      await yieldToPage();
      since = performance.now();
    }
    if (!(u instanceof Uint8Array)) {
      unreadable++;
      continue;
    }
    // A damaged record throws while it is read (Yjs reads all of a record's structs before it
    // integrates any); at worst the delete set at its end is lost, and the copy is then rebuilt.
    try {
      applyUpdateFast(doc, u, origin);
    } catch {
      unreadable++;
    }
  }
  const dangling = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  if (dangling) {
    // Changes that build on lost records can never be applied anywhere: Yjs would keep them
    // pending and send them along, and the relay would refuse every update after them.
    doc.store.pendingStructs = null;
    doc.store.pendingDs = null;
  }
  if (unreadable > 0) return { kind: 'damaged', reason: `${unreadable} of ${updates.length} stored updates unreadable` };
  if (dangling) return { kind: 'damaged', reason: 'stored updates depend on updates that are missing' };
  return doc.store.clients.size === 0 ? { kind: 'empty' } : { kind: 'loaded' };
}

/**
 * Keeps `doc` in database `name` from now on; resolves once its current state is written.
 * With `readStored: false` y-indexeddb leaves the stored records alone (openLocalCopy reads them):
 * call it on the still empty document, so the state it writes first is empty too.
 */
export async function persistLocalCopy(name: string, doc: Y.Doc, opts: { readStored: boolean } = { readStored: true }): Promise<IndexeddbPersistence> {
  const persistence = new IndexeddbPersistence(name, doc);
  // y-indexeddb fetches the records from key _dbref on, and afterwards points it past the last one.
  if (!opts.readStored) persistence._dbref = Number.MAX_SAFE_INTEGER;
  // whenSynced never settles when the database cannot be opened: fail instead of waiting forever.
  await Promise.race([persistence.whenSynced, persistence._db.then(() => new Promise<never>(() => undefined))]);
  // y-indexeddb would, past 500 records, replace them all by one record of the whole document;
  // the read model's writer compacts the copy instead, in slices an open can apply in short tasks.
  persistence._dbsize = Number.NEGATIVE_INFINITY;
  return persistence;
}

/**
 * Opens the local copy `name` into the fresh `doc`: y-indexeddb keeps it from now on, and what is
 * stored is read once, checked and applied in short stretches (applyRecords): the document fills up
 * over several tasks, so keep it out of sight until this resolves. `beforeApply` is awaited once the
 * records are read, before the first is applied (the session has the read model drawn then). The
 * persistence is created on the still empty document, so the state y-indexeddb writes first is
 * empty too; its update listener is detached while the stored records are applied: Yjs encodes every transaction for its update listeners,
 * and encoding the whole loaded tafel only for y-indexeddb to ignore it (it skips its own origin)
 * cost about as much as applying it.
 */
export async function openLocalCopy(
  name: string,
  doc: Y.Doc,
  beforeApply: () => Promise<void> = () => Promise.resolve(),
): Promise<{ persistence: IndexeddbPersistence; loaded: LoadResult }> {
  // Both at once: y-indexeddb's opening and the read of the records are independent.
  const [persistence, records] = await Promise.all([persistLocalCopy(name, doc, { readStored: false }), readRecords(name)]);
  await beforeApply();
  doc.off('update', persistence._storeUpdate);
  try {
    return { persistence, loaded: Array.isArray(records) ? await applyRecords(records, doc, persistence) : records };
  } finally {
    doc.on('update', persistence._storeUpdate);
  }
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
