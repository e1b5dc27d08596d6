// Carrying local rich-text edits (notulen, toelichting) over to a rebuilt document. The relay
// will never accept items of the rejected clientID, so the local items are re-encoded under the
// fresh document's clientID: same content, same neighbours (origins), same parents, new ids.
//
// Only done when it can be checked: the relay's version of the text must hold nothing the local
// copy lacks (no concurrent edits by others), so the result must equal the local text exactly. It
// is built in a scratch copy first and compared; only an exact match is applied. Anything else
// stays with the caller, which puts the local text in the conflict inbox.

import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

type Struct = Y.Item | Y.GC | Y.Skip;

interface Renumbered {
  readonly client: number;
  readonly clock: number;
  readonly length: number;
  readonly newClock: number;
}

/** Is `item` (in its own document) inside `fragment`? */
function inside(item: Y.Item, fragment: Y.XmlFragment): boolean {
  for (let t = item.parent as Y.AbstractType<unknown> | null; t; t = (t._item?.parent as Y.AbstractType<unknown> | null) ?? null) {
    if (t === fragment) return true;
    if (!t._item) return false;
  }
  return false;
}

/** Every struct of `doc` inside `fragment`. */
function structsInside(doc: Y.Doc, fragment: Y.XmlFragment): Y.Item[] {
  const out: Y.Item[] = [];
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) if (s instanceof Y.Item && inside(s, fragment)) out.push(s);
  }
  return out;
}

/** Does `doc` know item `item` of another copy, and its deletion if it is deleted there? */
function knows(doc: Y.Doc, item: Y.Item): boolean {
  if (item.id.clock + item.length > Y.getState(doc.store, item.id.client)) return false;
  if (!item.deleted) return true;
  const first = Y.getItem(doc.store, item.id);
  const last = Y.getItem(doc.store, Y.createID(item.id.client, item.id.clock + item.length - 1));
  return first.deleted && last.deleted;
}

function copyDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  copy.clientID = doc.clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/**
 * Tries to carry the local edits of rich text `oldFragment` (in `oldDoc`) into `freshFragment`
 * (in `fresh`), given `update` = what `oldDoc` has beyond `fresh`. Returns true when it did.
 * `locate` finds the same rich text in another copy of `fresh`.
 */
export function carryRichText(
  oldDoc: Y.Doc,
  oldFragment: Y.XmlFragment,
  fresh: Y.Doc,
  freshFragment: Y.XmlFragment,
  update: Uint8Array,
  locate: (doc: Y.Doc) => Y.XmlFragment | undefined,
): boolean {
  // Concurrent edits by others cannot be checked: leave those texts to the inbox.
  if (!structsInside(fresh, freshFragment).every((item) => knows(oldDoc, item))) return false;

  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  const local = structs.filter((s): s is Y.Item => {
    if (!(s instanceof Y.Item)) return false;
    const inOld = Y.getItem(oldDoc.store, s.id);
    return inOld instanceof Y.Item && inside(inOld, oldFragment);
  });
  if (local.length === 0) return false;

  const oldTypeId = oldFragment._item?.id;
  if (!oldTypeId) return false;
  // First in a scratch copy, to compare; then, identically (same state, same clientID), for real.
  const scratch = copyDoc(fresh);
  const scratchFragment = locate(scratch);
  if (!scratchFragment) return false;
  try {
    integrate(scratch, scratchFragment, oldTypeId, local, ds);
  } catch {
    return false;
  }
  if (scratchFragment.toJSON() !== oldFragment.toJSON()) return false;
  integrate(fresh, freshFragment, oldTypeId, local, ds);
  return true;
}

/**
 * Integrates the local items into `target` under its clientID, inside the current transaction
 * (a nested transact joins it, so the change stays local). Throws when an item cannot be placed.
 */
function integrate(target: Y.Doc, fragment: Y.XmlFragment, oldTypeId: Y.ID, local: readonly Y.Item[], ds: DeleteSet): void {
  const typeId = fragment._item?.id;
  if (!typeId) throw new Error('a rich text outside an entity');
  const renumbered: Renumbered[] = [];
  const mapId = (id: Y.ID | null): Y.ID | null => {
    if (id === null) return null;
    if (id.client === oldTypeId.client && id.clock === oldTypeId.clock) return typeId;
    for (const r of renumbered) {
      if (r.client === id.client && id.clock >= r.clock && id.clock < r.clock + r.length) {
        return Y.createID(target.clientID, r.newClock + (id.clock - r.clock));
      }
    }
    return id;
  };
  const available = (id: Y.ID | null) => id === null || id.clock < Y.getState(target.store, id.client);
  const statesBefore = new Map([...target.store.clients.keys()].map((c) => [c, Y.getState(target.store, c)] as const));

  target.transact((tr) => {
    // Integrate in dependency order: an item waits until its neighbours and parent exist.
    let waiting = local;
    while (waiting.length > 0) {
      const next: Y.Item[] = [];
      for (const s of waiting) {
        const origin = mapId(s.origin);
        const rightOrigin = mapId(s.rightOrigin);
        const parent = s.parent instanceof Y.ID ? mapId(s.parent) : null;
        if (!available(origin) || !available(rightOrigin) || !available(parent)) {
          next.push(s);
          continue;
        }
        const newClock = Y.getState(target.store, target.clientID);
        renumbered.push({ client: s.id.client, clock: s.id.clock, length: s.length, newClock });
        const content = s.content.copy();
        const item = new Y.Item(Y.createID(target.clientID, newClock), null, origin, null, rightOrigin, parent, s.parentSub, content);
        if (item.getMissing(tr, target.store) !== null || item.parent === null) throw new Error('cannot place a rich-text item');
        item.integrate(tr, 0);
        if (Y.isDeleted(ds, s.id)) item.delete(tr);
      }
      if (next.length === waiting.length) throw new Error('rich-text items depend on something missing');
      waiting = next;
    }
    // Deletions of text the relay has: only inside this rich text, only what it already knew.
    const known: DeleteSet = Y.createDeleteSet();
    for (const [client, ranges] of ds.clients) {
      const state = statesBefore.get(client) ?? 0;
      const clipped = ranges.filter((r) => r.clock < state).map((r) => ({ clock: r.clock, len: Math.min(r.len, state - r.clock) }));
      if (clipped.length > 0) known.clients.set(client, clipped as typeof ranges);
    }
    Y.iterateDeletedStructs(tr, known, (struct) => {
      if (struct instanceof Y.Item && !struct.deleted && inside(struct, fragment)) struct.delete(tr);
    });
  });
}
