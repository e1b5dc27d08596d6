// The read model's storage, next to the local copy: in the same IndexedDB database as the
// y-indexeddb records of the tafel (its `custom` store), so it lives and dies with the copy (a
// rebuild's new generation starts without one; revoking access deletes both at once).
//
// The stamp. The model carries the state vector and delete set of the document it was built from;
// stored with it are `key`, the last record of the copy it accounts for, and `count`, how many
// records there were up to that key. Written only when the records up to `key` together hold
// exactly the model's state (checked here, against the records themselves), so at open the local
// copy's state equals the model's iff the records added after `key` bring nothing new (no clock
// beyond the state vector, no deletion outside the delete set) and none up to `key` went away. That check reads only the few records written
// since the model was: no need to decode the copy before the first screen can be drawn.
//
// Writing also compacts the copy: many records, or large ones, are replaced by the same content
// cut into slices of about SLICE_BYTES (src/sync/slices.ts), which is what lets an open apply the
// copy in short tasks (src/sync/local-copy.ts). Records, slices and stamp change in one
// transaction, and only when no record came or went since they were read.

import * as idb from 'lib0/indexeddb';
import {
  deletedRanges,
  isUsableReadModel,
  mergeStateVectors,
  rangesCover,
  reachOf,
  sameStateVector,
  stateVectorCovers,
  unionOfRanges,
  type DeletedRanges,
  type TafelReadModel,
} from '../model';
import { mergeUpdates } from 'yjs';
import { sliceUpdate } from './slices';

/** Key of the read model in the local copy's `custom` store. */
export const READ_MODEL_KEY = 'aan-tafel:read-model';
/** Size of the slices the copy is stored in; one slice applies in well under 50 ms on a tablet. */
export const SLICE_BYTES = 32 * 1024;
/** More records than this (one per edit since the last compaction) and the copy is compacted. */
const COMPACT_AFTER_RECORDS = 100;
/**
 * At open, records written after the stamp are checked before the read model is shown. More bytes
 * than this is not a few edits any more (another tab compacted or loaded a lot): the check would
 * delay the first screen, so the read model is not shown and the open waits for the document.
 */
const MAX_CHECK_AT_OPEN_BYTES = 256 * 1024;

interface StoredReadModel {
  readonly model: TafelReadModel;
  /** The last record of the copy the model accounts for. */
  readonly key: number;
  /** How many records there were up to and including `key`. */
  readonly count: number;
}

export type StoreResult =
  /** written; `compacted` when the copy was rewritten in slices too */
  | { readonly kind: 'written'; readonly compacted: boolean }
  /** the copy does not hold exactly the model's state (behind: its records are still being written; ahead: another tab wrote) */
  | { readonly kind: 'copy-differs' }
  /** records came or went while this was working: try again later */
  | { readonly kind: 'copy-moved' }
  /** a record of the copy cannot be read; the next open repairs the copy */
  | { readonly kind: 'copy-unreadable' };

function openCopy(name: string): Promise<IDBDatabase> {
  // The same stores y-indexeddb creates, so either may be the first to open the database.
  return idb.openDB(name, (db) => idb.createStores(db, [['updates', { autoIncrement: true }], ['custom']]));
}

function isStored(value: unknown, lidId: string | null): value is StoredReadModel {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<StoredReadModel>;
  return typeof s.key === 'number' && typeof s.count === 'number' && (lidId === null ? typeof s.model === 'object' && s.model !== null : isUsableReadModel(s.model, lidId));
}

const bytesOf = (records: readonly unknown[]) => records.reduce<number>((n, r) => n + (r instanceof Uint8Array ? r.length : 0), 0);

/**
 * The read model of local copy `name`, when it was built for `lidId` and matches the copy's state
 * vector exactly; otherwise null (also when anything about it cannot be read).
 */
export async function readMatchingReadModel(name: string, lidId: string, why: (reason: string) => void = () => undefined): Promise<TafelReadModel | null> {
  let db: IDBDatabase | null = null;
  try {
    db = await openCopy(name);
    const [updates, custom] = idb.transact(db, ['updates', 'custom'], 'readonly');
    const [stored, keys] = await Promise.all([idb.get(custom!, READ_MODEL_KEY), idb.getAllKeys(updates!)]);
    if (!isStored(stored, lidId)) return (why(stored === undefined ? 'none' : 'unusable'), null);
    if (keys.filter((k) => (k as number) <= stored.key).length !== stored.count) return (why('records-gone'), null);
    if (!keys.some((k) => (k as number) > stored.key)) return stored.model;
    const since = (await idb.getAll(updates!, idb.createIDBKeyRangeLowerBound(stored.key, true))) as unknown[];
    if (bytesOf(since) > MAX_CHECK_AT_OPEN_BYTES) return (why('too-much-since'), null);
    const deleted = deletedRanges([stored.model.deleteSet]);
    for (const record of since) {
      if (!(record instanceof Uint8Array)) return (why('unreadable'), null);
      if (!stateVectorCovers(stored.model.stateVector, reachOf(record)) || !rangesCover(deleted, deletedRanges([record]))) return (why('copy-moved-on'), null);
    }
    return stored.model;
  } catch (e) {
    why(`error ${String(e)}`);
    return null;
  } finally {
    db?.close();
  }
}

/** Stores `model` as the read model of local copy `name`, if the copy holds exactly its state; compacts the copy when due. */
export async function storeReadModel(name: string, model: TafelReadModel): Promise<StoreResult> {
  const db = await openCopy(name);
  try {
    const [updates, custom] = idb.transact(db, ['updates', 'custom'], 'readonly');
    const [previous, keyList] = await Promise.all([idb.get(custom!, READ_MODEL_KEY), idb.getAllKeys(updates!)]);
    const keys = keyList as number[];
    // What the previous stamp vouches for need not be read again, if those records are all still there.
    const base = isStored(previous, null) && keys.filter((k) => k <= previous.key).length === previous.count ? previous : null;
    const fresh = (await idb.getAll(updates!, base ? idb.createIDBKeyRangeLowerBound(base.key, true) : undefined)) as unknown[];
    const vectors: Uint8Array[] = base ? [base.model.stateVector] : [];
    const deletions: DeletedRanges[] = base ? [deletedRanges([base.model.deleteSet])] : [];
    for (const record of fresh) {
      if (!(record instanceof Uint8Array)) return { kind: 'copy-unreadable' };
      try {
        vectors.push(reachOf(record));
        deletions.push(deletedRanges([record]));
      } catch {
        return { kind: 'copy-unreadable' };
      }
    }
    const copyDeleted = unionOfRanges(deletions);
    const modelDeleted = deletedRanges([model.deleteSet]);
    const same = sameStateVector(mergeStateVectors(vectors), model.stateVector) && rangesCover(copyDeleted, modelDeleted) && rangesCover(modelDeleted, copyDeleted);
    if (!same) return { kind: 'copy-differs' };

    const compact = keys.length > COMPACT_AFTER_RECORDS || fresh.some((r) => (r as Uint8Array).length > 2 * SLICE_BYTES);
    const slices = compact ? await slicesOf(db, keys) : null;

    const [w, c] = idb.transact(db, ['updates', 'custom'], 'readwrite');
    const now = (await idb.getAllKeys(w!)) as number[];
    if (now.length !== keys.length || now.some((k, i) => k !== keys[i])) return { kind: 'copy-moved' };
    if (slices) {
      const added = (await Promise.all(slices.map((s) => idb.rtop(w!.add(s))))) as number[];
      if (keys.length > 0) await idb.del(w!, idb.createIDBKeyRangeUpperBound(keys[keys.length - 1]!, false));
      await idb.rtop(c!.put({ model, key: Math.max(...added), count: added.length } satisfies StoredReadModel, READ_MODEL_KEY));
    } else {
      await idb.rtop(c!.put({ model, key: keys.length ? keys[keys.length - 1]! : 0, count: keys.length } satisfies StoredReadModel, READ_MODEL_KEY));
    }
    return { kind: 'written', compacted: slices !== null };
  } finally {
    db.close();
  }
}

/** The whole copy (records `keys`) as slices; null when it has gaps or changed meanwhile (then it stays as it is). */
async function slicesOf(db: IDBDatabase, keys: readonly number[]): Promise<Uint8Array[] | null> {
  const [updates] = idb.transact(db, ['updates'], 'readonly');
  const [all, now] = await Promise.all([idb.getAll(updates!) as Promise<unknown[]>, idb.getAllKeys(updates!) as Promise<number[]>]);
  if (now.length !== keys.length || !all.every((r) => r instanceof Uint8Array)) return null;
  const records = all as Uint8Array[];
  const merged = records.length === 1 ? records[0]! : mergeUpdates(records);
  const { slices, complete } = sliceUpdate(merged, SLICE_BYTES);
  return complete ? slices : null;
}
