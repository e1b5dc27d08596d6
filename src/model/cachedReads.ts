// Entity lists that are re-read only where the document changed. readProjecten builds every
// project anew (about 30 ms for 2,000 on a laptop); during a meeting the planmonitor stays open
// while others type, so after each transaction only the entities whose map changed are rebuilt,
// and a list whose root did not change at all is returned as the same array.

import * as Y from 'yjs';
import { readKnelpunt, readProject, type Knelpunt, type Project } from './reads';
import { ROOT_NAMES, type RootName } from './schema';

interface DocCache {
  /** Built entity per entity map; dropped when that map changes. */
  readonly entities: WeakMap<Y.Map<unknown>, unknown>;
  /** Last list per root; dropped when the root or one of its entities changes. */
  readonly lists: Map<RootName, unknown[]>;
}

const caches = new WeakMap<Y.Doc, DocCache>();

function rootNameOf(doc: Y.Doc, type: Y.AbstractType<any>): RootName | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any -- Yjs types its change map with any
  return ROOT_NAMES.find((name) => doc.share.get(name) === type);
}

function cacheFor(doc: Y.Doc): DocCache {
  const cache = caches.get(doc);
  if (cache) return cache;
  const created: DocCache = { entities: new WeakMap(), lists: new Map() };
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      const own = rootNameOf(doc, type);
      if (own) {
        created.lists.delete(own);
        continue;
      }
      // An entity map: its parent is a root. Deeper types (rich texts) leave the entity as it was.
      const parent = type._item?.parent;
      if (type instanceof Y.Map && parent instanceof Y.AbstractType) {
        const root = rootNameOf(doc, parent);
        if (root) {
          created.entities.delete(type);
          created.lists.delete(root);
        }
      }
    }
  });
  caches.set(doc, created);
  return created;
}

function cachedList<T>(doc: Y.Doc, rootName: RootName, readOne: (doc: Y.Doc, id: string) => T | undefined): T[] {
  const cache = cacheFor(doc);
  const hit = cache.lists.get(rootName);
  if (hit) return hit as T[];
  const out: T[] = [];
  for (const [id, map] of doc.getMap<unknown>(rootName).entries()) {
    if (!(map instanceof Y.Map)) continue;
    let value = cache.entities.get(map) as T | undefined;
    if (value === undefined) {
      value = readOne(doc, id);
      if (value === undefined) continue;
      cache.entities.set(map, value);
    }
    out.push(value);
  }
  cache.lists.set(rootName, out);
  return out;
}

/**
 * Builds and caches the entities of a root a few at a time, pausing (yielding) after every `batch`,
 * so the caller can spread a first full read over several tasks; the list read after it is quick.
 */
export function* warmEntities(doc: Y.Doc, rootName: 'projecten' | 'knelpunten', batch = 50): Generator<void> {
  const cache = cacheFor(doc);
  const readOne: (doc: Y.Doc, id: string) => unknown = rootName === 'projecten' ? readProject : readKnelpunt;
  let n = 0;
  for (const [id, map] of doc.getMap<unknown>(rootName).entries()) {
    if (!(map instanceof Y.Map) || cache.entities.has(map)) continue;
    const value = readOne(doc, id);
    if (value !== undefined) cache.entities.set(map, value);
    if (++n % batch === 0) yield;
  }
}

/** Same as readProjecten, rebuilding only changed projects; the same array while none changed. */
export const readProjectenCached = (doc: Y.Doc): Project[] => cachedList(doc, 'projecten', readProject);

/** Same as readKnelpunten, rebuilding only changed knelpunten; the same array while none changed. */
export const readKnelpuntenCached = (doc: Y.Doc): Knelpunt[] => cachedList(doc, 'knelpunten', readKnelpunt);
