// Does the relay hold what this document wrote? A confirmation must compare content, not only
// clocks: state vectors say how many changes of a clientID the relay has, not whether they are
// ours. (If someone else's changes ever sat at our clientID's clocks, our own offline changes at
// those clocks would be taken as already known, never sent, and a clock-only barrier would still
// call them confirmed.) So a barrier asks the relay for our own changes since the last verified
// clock (src/sync/connection.ts) and this compares what comes back with what we wrote: the same
// neighbours and parent for every clock, and the same content wherever both sides still have it
// (the relay collects deleted content, this document may keep it).

import * as Y from 'yjs';

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

/** One element of an item's content, comparable across documents. */
function element(content: Content, offset: number, cache: Map<Content, unknown[]>): unknown {
  if (content instanceof Y.ContentFormat) return ['format', content.key, content.value];
  if (content instanceof Y.ContentType) {
    const t = content.type;
    return ['type', t.constructor.name, t instanceof Y.XmlElement ? t.nodeName : null];
  }
  let all = cache.get(content);
  if (!all) {
    all = content.getContent();
    cache.set(content, all);
  }
  return all[offset];
}

/**
 * True when the relay's answer (`update`, a sync step 2 to a state vector that named our clientID
 * at `from`) holds exactly our changes of `client` from `from` up to `to`: none missing, none
 * that we did not write.
 */
export function relayHoldsOwnContent(doc: Y.Doc, update: Uint8Array, client: number, from: number, to: number): boolean {
  const { structs } = Y.decodeUpdate(update) as { structs: Struct[] };
  const local = doc.store.clients.get(client) as (Y.Item | Y.GC)[] | undefined;
  const cache = new Map<Content, unknown[]>();
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
      if (mine instanceof Y.Item) {
        for (let k = clock; k < stop; k++) {
          if (!sameId(originAt(s, k), originAt(mine, k)) || !sameId(s.rightOrigin, mine.rightOrigin)) return false;
          if (k === s.id.clock && s.origin === null && s.rightOrigin === null) {
            if (!sameParent(s.parent, localParent(mine)) || s.parentSub !== mine.parentSub) return false;
          }
          if (s.content instanceof Y.ContentDeleted || mine.content instanceof Y.ContentDeleted) continue;
          const theirs = element(s.content, k - s.id.clock, cache);
          const ours = element(mine.content, k - mine.id.clock, cache);
          if (JSON.stringify(theirs) !== JSON.stringify(ours)) return false;
        }
      }
      clock = stop;
    }
  }
  return covered >= to;
}
