// Does the relay hold what this document wrote? A confirmation must compare content, not only
// clocks: state vectors say how many changes of a clientID the relay has, not whether they are
// ours. (If someone else's changes ever sat at our clientID's clocks, our own offline changes at
// those clocks would be taken as already known, never sent, and a clock-only barrier would still
// call them confirmed.) So a barrier asks the relay for our own changes since the last verified
// clock (src/sync/connection.ts) and this compares what comes back with what we wrote: the same
// neighbours and parent for every clock, and the same content wherever both sides still have it
// (the relay collects deleted content, this document may keep it).

import * as Y from 'yjs';
import { equalityDeep } from 'lib0/function';

type Struct = Y.Item | Y.GC | Y.Skip;
type Content = Y.Item['content'];

const sameId = (a: Y.ID | null, b: Y.ID | null) => (a === null || b === null ? a === b : a.client === b.client && a.clock === b.clock);

/** The origin (left neighbour) of the element at `clock` of an item: the item's own, or the clock before. */
function originAt(item: Y.Item, clock: number): Y.ID | null {
  return clock === item.id.clock ? item.origin : Y.createID(item.id.client, clock - 1);
}

/** The parent of a local item as an update encodes it: the id of its type's item, or the root's name. */
function localParent(item: Y.Item): Y.ID | string | null {
  const parent = item.parent as Y.AbstractType<unknown> | null;
  if (!parent || typeof parent !== 'object') return null;
  return parent._item ? parent._item.id : Y.findRootTypeKey(parent);
}

function sameParent(a: unknown, b: Y.ID | string | null): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return sameId((a as Y.ID | null) ?? null, b);
}

/** A content's elements, comparable across documents, made once per content. */
function elements(content: Content, cache: Map<Content, readonly unknown[]>): readonly unknown[] {
  let all = cache.get(content);
  if (!all) {
    if (content instanceof Y.ContentFormat) all = [['format', content.key, content.value]];
    else if (content instanceof Y.ContentDoc) all = [['doc', content.doc?.guid ?? null]];
    else if (content instanceof Y.ContentType) {
      const t = content.type;
      all = [['type', t.constructor.name, t instanceof Y.XmlElement ? t.nodeName : null]];
    } else all = content.getContent();
    cache.set(content, all);
  }
  return all;
}


/**
 * Whether the relay's item `theirs` and our item `mine` agree on the clocks [from, to) they share.
 * Within an item every element's left neighbour is the clock before it, so the neighbours are
 * compared only where either item starts; the right neighbour is the item's own.
 */
function sameRange(theirs: Y.Item, mine: Y.Item, from: number, to: number, cache: Map<Content, readonly unknown[]>): boolean {
  if (!sameId(theirs.rightOrigin, mine.rightOrigin)) return false;
  if (!sameId(originAt(theirs, from), originAt(mine, from))) return false;
  if (mine.id.clock > from && !sameId(originAt(theirs, mine.id.clock), originAt(mine, mine.id.clock))) return false;
  if (from === theirs.id.clock && theirs.origin === null && theirs.rightOrigin === null) {
    if (!sameParent(theirs.parent, localParent(mine)) || theirs.parentSub !== mine.parentSub) return false;
  }
  if (theirs.content instanceof Y.ContentDeleted || mine.content instanceof Y.ContentDeleted) return true;
  if (theirs.content instanceof Y.ContentString && mine.content instanceof Y.ContentString) {
    return theirs.content.str.slice(from - theirs.id.clock, to - theirs.id.clock) === mine.content.str.slice(from - mine.id.clock, to - mine.id.clock);
  }
  const a = elements(theirs.content, cache);
  const b = elements(mine.content, cache);
  for (let k = from; k < to; k++) {
    if (!equalityDeep(a[k - theirs.id.clock], b[k - mine.id.clock])) return false;
  }
  return true;
}

/**
 * True when the relay's answer (`update`, a sync step 2 to a state vector that named our clientID
 * at `from`) holds exactly our changes of `client` from `from` up to `to`: none missing, none
 * that we did not write.
 */
export function relayHoldsOwnContent(doc: Y.Doc, update: Uint8Array, client: number, from: number, to: number): boolean {
  const { structs } = Y.decodeUpdate(update) as { structs: Struct[] };
  const local = doc.store.clients.get(client) as (Y.Item | Y.GC)[] | undefined;
  const cache = new Map<Content, readonly unknown[]>();
  let covered = from;
  for (const s of structs) {
    if (s.id.client !== client) continue;
    const start = Math.max(s.id.clock, from);
    const end = s.id.clock + s.length;
    if (end <= start) continue;
    // More than we wrote, or a gap: the relay holds changes at our clocks that are not ours.
    if (end > to || start > covered || !local) return false;
    covered = Math.max(covered, end);
    if (!(s instanceof Y.Item)) continue; // collected at the relay: nothing left to compare
    for (let clock = start; clock < end; ) {
      const mine = local[Y.findIndexSS(local, clock)];
      if (!mine) return false;
      const stop = Math.min(end, mine.id.clock + mine.length);
      if (mine instanceof Y.Item && !sameRange(s, mine, clock, stop, cache)) return false;
      clock = stop;
    }
  }
  return covered >= to;
}
