// The relay's gate: decides whether an incoming binary Yjs update may be applied to a tafel
// document, without applying it and at a cost proportional to the update, not to the document.
//
// How: decode the update; resolve every inserted item to the path it lands on (its parent may be
// given, implied by its origin or right origin, or created earlier in the same update); resolve
// every deleted range to the items it deletes; turn each into a WriteIntent and ask the rulebook.
// clientIDs are bound to leden so nobody can forge items under another lid's clientID.
//
// A device that was offline sends everything it did as one update, so the gate judges what the
// update does to the document as a whole, per map key ("slot"), not each item on its own: a key
// written twice holds the second value (the first one is overwritten inside the update and judged
// only as a value the lid wrote, never as a removal); a key is removed only when it ends without a
// value while the relay holds one; an entity created and removed again inside the update was
// never there for anyone else (its creation is judged, its removal is the creator's).

import * as Y from 'yjs';
import { SCHEMA, fieldSpec, isRootName, type RootName } from '../model/schema';
import {
  RICHTEXT_ATTRIBUTES,
  RICHTEXT_MARKS,
  RICHTEXT_MAX_ATTRIBUTE_BYTES,
  RICHTEXT_MAX_INSERT,
  RICHTEXT_NODES,
} from '../model/richtext';
import { decodeUpdateFast } from '../model/updateDecoder';
import { isId } from '../model/values';
import { docRuleStateAt, withCreatedEntities } from './ruleState';
import { intentPath } from './intentPath';
import { decide, requiredFields, type Actor, type RuleClock, type RuleState, type ViolationCode, type WriteIntent } from './rulebook';

export interface Violation {
  readonly path: readonly string[];
  readonly code: ViolationCode;
  readonly message: string;
}

export interface ClientBindings {
  /** The lid id a Yjs clientID is bound to, or undefined when this clientID was never seen. */
  lidFor(clientId: number): string | undefined;
}

export interface ValidationResult {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  /** clientIDs carried by this update that were not bound yet: bind them to the actor's lid on apply. */
  readonly newClientIds: readonly number[];
  /** What an accepted update writes (as describeUpdate would list it), e.g. for the relay's audit. */
  readonly writes: readonly WriteIntent[];
}

/** Where a shared type sits in the tafel document. */
type Loc =
  | { readonly kind: 'root'; readonly root: RootName }
  | { readonly kind: 'entity'; readonly root: RootName; readonly entityId: string; readonly created: boolean }
  | { readonly kind: 'richtext'; readonly root: RootName; readonly entityId: string; readonly key: string };

/** Thrown inside the resolver; becomes one violation and stops the evaluation. */
class Unresolvable extends Error {
  constructor(
    readonly code: ViolationCode,
    message: string,
  ) {
    super(message);
  }
}

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
type Content = Y.Item['content'];

/** The structs of the update, per client, sorted by clock, for range lookups. */
class UpdateIndex {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: readonly Struct[]) {
    for (const s of structs) {
      const list = this.byClient.get(s.id.client);
      if (list) list.push(s);
      else this.byClient.set(s.id.client, [s]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  clients(): IterableIterator<[number, Struct[]]> {
    return this.byClient.entries();
  }

  find(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  }
}

/** Root types by their name, once looked up: Yjs finds a root's name by walking all of them. */
const rootNames = new WeakMap<Y.AbstractType<unknown>, string>();

function rootNameOf(type: Y.AbstractType<unknown>): string {
  let name = rootNames.get(type);
  if (name === undefined) {
    name = Y.findRootTypeKey(type);
    rootNames.set(type, name);
  }
  return name;
}

/** The struct in the document's store that holds `id`, or undefined. O(log n). */
function findInStore(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = doc.store.clients.get(id.client);
  if (!structs || id.clock >= Y.getState(doc.store, id.client)) return undefined;
  return structs[Y.findIndexSS(structs, id.clock)] as Y.Item | Y.GC;
}

const YMAP_REF = 1;
const YXMLELEMENT_REF = 3;
const YXMLFRAGMENT_REF = 4;
const YXMLTEXT_REF = 6;

function typeRef(content: Y.ContentType): number {
  const t = content.type;
  if (t instanceof Y.XmlElement) return YXMLELEMENT_REF;
  if (t instanceof Y.XmlText) return YXMLTEXT_REF;
  if (t instanceof Y.XmlFragment) return YXMLFRAGMENT_REF;
  if (t instanceof Y.Map) return YMAP_REF;
  return -1;
}

function pathOfLoc(loc: Loc): string[] {
  switch (loc.kind) {
    case 'root':
      return [loc.root];
    case 'entity':
      return [loc.root, loc.entityId];
    case 'richtext':
      return [loc.root, loc.entityId, loc.key];
  }
}

/** One write found in the update. */
interface Found {
  readonly intent: WriteIntent;
}

/** One key of one map (a field, an entity of a root, a tafel setting) that the update touches. */
interface Slot {
  readonly parent: Loc;
  readonly key: string;
  /** an item of the update holds this key's value when the update is applied */
  live: boolean;
  /** the update removes the value the relay holds (delete set), or may overwrite it with a deleted item */
  removesRelayValue: boolean;
}

const idKey = (client: number, clock: number): string => `${client}:${clock}`;

/** The delete set of an update, sorted per client, for lookups (a hostile one may come unsorted). */
class DeletedRanges {
  private readonly byClient = new Map<number, { clock: number; len: number }[]>();

  constructor(ds: DeleteSet) {
    for (const [client, ranges] of ds.clients) {
      const sorted = ranges.every((r, i) => i === 0 || ranges[i - 1]!.clock <= r.clock);
      this.byClient.set(client, sorted ? ranges : [...ranges].sort((a, b) => a.clock - b.clock));
    }
  }

  has(client: number, clock: number): boolean {
    const ranges = this.byClient.get(client);
    if (!ranges) return false;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid]!;
      if (clock < r.clock) hi = mid - 1;
      else if (clock >= r.clock + r.len) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

/**
 * Resolves inserted and deleted structs to write intents. Shared by the gate (validateUpdate) and
 * the client's recovery (describeUpdate).
 */
class Resolver {
  /** Location of each shared type created in the update or found in the store, by item id. */
  private readonly typeLocs = new Map<string, Loc | null>();
  /** Parent and key of update items whose parent is implied by an origin. */
  private readonly implied = new Map<Y.Item, { parent: Loc | null; parentSub: string | null }>();
  readonly found: Found[] = [];
  /** Entities created by this update: the values they end with (rule state overlay) and their map item. */
  readonly newEntities = new Map<string, NewEntity>();
  /** Every map key the update writes or removes, by `path#key`. */
  private readonly slots = new Map<string, Slot>();
  /** Ids (client:clock) that an item of the update names as its origin: that item is overwritten inside the update. */
  private readonly origins = new Set<string>();
  private readonly deleted: DeletedRanges;

  constructor(
    private readonly doc: Y.Doc,
    private readonly index: UpdateIndex,
    ds: DeleteSet,
  ) {
    this.deleted = new DeletedRanges(ds);
  }

  /** Notes the origins of the update's items (before any insert is judged). */
  noteOrigin(item: Y.Item): void {
    if (item.origin) this.origins.add(idKey(item.origin.client, item.origin.clock));
  }

  /** True when another item of the update builds on this one's last element: it is overwritten inside the update. */
  private superseded(item: Y.Item): boolean {
    return this.origins.has(idKey(item.id.client, item.id.clock + item.length - 1));
  }

  /**
   * True when the item holds its key's value once the update is applied, as far as the update
   * says: it is not deleted and not overwritten inside the update. (Against a concurrent value at
   * the relay, Yjs orders the two by clientID; either way the lid wrote this value with the
   * permission to write the key, which is what is judged.)
   */
  private endsLive(item: Y.Item): boolean {
    if (item.content instanceof Y.ContentDeleted || this.superseded(item)) return false;
    return !this.deleted.has(item.id.client, item.id.clock + item.length - 1);
  }

  private slot(parent: Loc, key: string): Slot {
    // The same key as pathOfLoc(parent).join('/'), without building the array (once per write).
    const at = parent.kind === 'root' ? parent.root : parent.kind === 'entity' ? `${parent.root}/${parent.entityId}` : `${parent.root}/${parent.entityId}/${parent.key}`;
    const k = `${at}#${key}`;
    let s = this.slots.get(k);
    if (!s) {
      s = { parent, key, live: false, removesRelayValue: false };
      this.slots.set(k, s);
    }
    return s;
  }

  /** The item holding the value the relay's document has at (parent, key) now, if any. */
  private relayValue(parent: Loc, key: string): Y.Item | undefined {
    let map: Y.Map<unknown> | undefined;
    if (parent.kind === 'root') map = this.doc.getMap(parent.root);
    else if (parent.kind === 'entity' && !parent.created) {
      const entity = this.doc.getMap(parent.root).get(parent.entityId);
      if (entity instanceof Y.Map) map = entity;
    }
    const item = map?._map.get(key);
    return item && !item.deleted ? item : undefined;
  }

  /** Location of the type an item (in store or update) holds, or null when it is not a shared type. */
  private locOfTypeItem(item: Y.Item, inUpdate: boolean): Loc | null {
    const key = `${item.id.client}:${item.id.clock}`;
    const cached = this.typeLocs.get(key);
    if (cached !== undefined) return cached;
    let loc: Loc | null = null;
    if (item.content instanceof Y.ContentType) {
      const { parent, parentSub } = inUpdate ? this.parentOfUpdateItem(item) : this.parentOfStoreItem(item);
      loc = parent ? this.childLoc(parent, parentSub, item.content, inUpdate) : null;
    }
    this.typeLocs.set(key, loc);
    return loc;
  }

  /** The location a type gets when it is stored at (parent, parentSub). */
  private childLoc(parent: Loc, parentSub: string | null, content: Y.ContentType, created: boolean): Loc | null {
    const ref = typeRef(content);
    if (parent.kind === 'root') {
      const spec = SCHEMA[parent.root];
      if (spec.kind === 'entities' && ref === YMAP_REF && parentSub !== null && isId(parentSub)) {
        return { kind: 'entity', root: parent.root, entityId: parentSub, created };
      }
      return null;
    }
    if (parent.kind === 'entity') {
      const spec = parentSub === null ? undefined : fieldSpec(parent.root, parentSub);
      if (spec?.kind === 'richtext' && ref === YXMLFRAGMENT_REF && parentSub !== null) {
        return { kind: 'richtext', root: parent.root, entityId: parent.entityId, key: parentSub };
      }
      return null;
    }
    // Inside a rich text every element and text stays in that rich text.
    return ref === YXMLELEMENT_REF || ref === YXMLTEXT_REF ? parent : null;
  }

  /** Parent location and key of an item that is already in the document. */
  private parentOfStoreItem(item: Y.Item): { parent: Loc | null; parentSub: string | null } {
    const parentType = item.parent as Y.AbstractType<unknown> | null;
    if (!parentType || typeof parentType !== 'object') return { parent: null, parentSub: null };
    const parentItem = parentType._item;
    if (parentItem === null) {
      const name = rootNameOf(parentType);
      return { parent: isRootName(name) ? { kind: 'root', root: name } : null, parentSub: item.parentSub };
    }
    return { parent: this.locOfTypeItem(parentItem, false), parentSub: item.parentSub };
  }

  /** Looks up an id in the update first, then in the document. */
  private lookup(id: Y.ID): { struct: Struct; inUpdate: boolean } | undefined {
    const inUpdate = this.index.find(id);
    if (inUpdate) return { struct: inUpdate, inUpdate: true };
    const inStore = findInStore(this.doc, id);
    return inStore ? { struct: inStore, inUpdate: false } : undefined;
  }

  /** Parent location and key of an item of the update: given, or implied by its neighbours. */
  parentOfUpdateItem(item: Y.Item): { parent: Loc | null; parentSub: string | null } {
    const cached = this.implied.get(item);
    if (cached) return cached;
    let result: { parent: Loc | null; parentSub: string | null };
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      if (!isRootName(parent)) throw new Unresolvable('unknown-path', `"${parent}" is not a part of a tafel`);
      result = { parent: { kind: 'root', root: parent }, parentSub: item.parentSub };
    } else if (parent instanceof Y.ID || (parent !== null && typeof parent === 'object' && 'client' in parent)) {
      const found = this.lookup(parent as Y.ID);
      if (!found) throw new Unresolvable('missing-dependency', 'the update builds on changes the relay does not have');
      if (!(found.struct instanceof Y.Item) || found.struct.content instanceof Y.ContentDeleted) {
        throw new Unresolvable('unknown-path', 'the change belongs to something that was removed');
      }
      if (!(found.struct.content instanceof Y.ContentType)) {
        throw new Unresolvable('unsupported-content', 'the parent of an item is not a shared type');
      }
      result = { parent: this.locOfTypeItem(found.struct, found.inUpdate), parentSub: item.parentSub };
    } else {
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) throw new Unresolvable('malformed', 'an item without parent or neighbours');
      const found = this.lookup(neighbour);
      if (!found) throw new Unresolvable('missing-dependency', 'the update builds on changes the relay does not have');
      if (!(found.struct instanceof Y.Item)) {
        throw new Unresolvable('unsupported-content', 'the update builds on content that was garbage collected');
      }
      result = found.inUpdate ? this.parentOfUpdateItem(found.struct) : this.parentOfStoreItem(found.struct);
    }
    this.implied.set(item, result);
    return result;
  }

  /** Turns one inserted item into its intent(s). */
  insert(item: Y.Item): void {
    const { parent, parentSub } = this.parentOfUpdateItem(item);
    if (!parent) throw new Unresolvable('unknown-path', 'the item lands outside the tafel schema');
    const content = item.content;

    if (parent.kind === 'richtext') {
      this.checkRichTextContent(item, parentSub);
      this.found.push({ intent: { op: 'editRichText', root: parent.root, entityId: parent.entityId, key: parent.key } });
      return;
    }
    if (parentSub === null) throw new Unresolvable('unknown-path', `${pathOfLoc(parent).join('/')} is a map, not a list`);
    const slot = this.slot(parent, parentSub);
    const live = this.endsLive(item);
    if (live) slot.live = true;
    // A deleted item without content (a value overwritten or removed inside the update, as a device
    // that collects garbage sends it) writes nothing. The last one of its key may remove the value
    // the relay holds there; whether the key ends removed is judged per slot (finish).
    if (content instanceof Y.ContentDeleted) {
      if (!this.superseded(item) && this.relayValue(parent, parentSub)) slot.removesRelayValue = true;
      return;
    }

    if (parent.kind === 'root') {
      const spec = SCHEMA[parent.root];
      if (spec.kind === 'settings') {
        for (const stored of this.values(content)) this.found.push({ intent: { op: 'setField', root: parent.root, entityId: null, key: parentSub, stored, creating: false } });
      } else if (spec.kind === 'frozen') {
        if (!isId(parentSub)) throw new Unresolvable('unknown-path', `"${parentSub}" is not an id`);
        for (const stored of this.values(content)) this.found.push({ intent: { op: 'createEntity', root: parent.root, entityId: parentSub, stored } });
      } else {
        if (!isId(parentSub)) throw new Unresolvable('unknown-path', `"${parentSub}" is not an id`);
        if (!(content instanceof Y.ContentType) || typeRef(content) !== YMAP_REF) {
          throw new Unresolvable('unsupported-content', `an entry of ${parent.root} must be a map`);
        }
        const key = `${parent.root}/${parentSub}`;
        if (this.newEntities.has(key)) throw new Unresolvable('malformed', 'an entity is created twice in one update');
        this.newEntities.set(key, { root: parent.root, entityId: parentSub, values: {}, keys: new Set(), live });
        this.found.push({ intent: { op: 'createEntity', root: parent.root, entityId: parentSub } });
      }
      return;
    }

    // parent.kind === 'entity'
    const created = this.newEntities.get(`${parent.root}/${parent.entityId}`);
    if (parent.created && !created) throw new Unresolvable('malformed', 'an entity map outside its list');
    const spec = fieldSpec(parent.root, parentSub);
    if (spec?.kind === 'richtext') {
      if (!(content instanceof Y.ContentType) || typeRef(content) !== YXMLFRAGMENT_REF) {
        throw new Unresolvable('unsupported-content', `"${parentSub}" must be a rich text`);
      }
      this.found.push({ intent: { op: 'setField', root: parent.root, entityId: parent.entityId, key: parentSub, stored: null, creating: parent.created } });
      return;
    }
    const values = this.values(content);
    for (const stored of values) {
      this.found.push({ intent: { op: 'setField', root: parent.root, entityId: parent.entityId, key: parentSub, stored, creating: parent.created } });
    }
    if (created && (live || !created.keys.has(parentSub))) {
      // What its other fields are judged against: the value the new entity ends with, or (when the
      // update removes it again) the last one written.
      created.values[parentSub] = (values.at(-1) as { v?: unknown } | null)?.v;
      if (live) created.keys.add(parentSub);
    }
  }

  /**
   * Settles every slot after the inserts and the delete set: a key that ends without a value
   * while the relay holds one is removed by this update (a field or an entity); a key that ends
   * with a value was overwritten, which its value's write stands for.
   */
  finish(): void {
    for (const slot of this.slots.values()) {
      if (slot.live || !slot.removesRelayValue) continue;
      const { parent, key } = slot;
      if (parent.kind === 'root') {
        const spec = SCHEMA[parent.root];
        this.found.push({
          intent: spec.kind === 'settings' ? { op: 'deleteField', root: parent.root, entityId: null, key } : { op: 'deleteEntity', root: parent.root, entityId: key },
        });
      } else if (parent.kind === 'entity') {
        this.found.push({ intent: { op: 'deleteField', root: parent.root, entityId: parent.entityId, key } });
      }
    }
  }

  /** Entities created by the update that it removes again: they were never there for anyone else. */
  deadEntities(): Set<string> {
    const dead = new Set<string>();
    for (const [key, e] of this.newEntities) if (!e.live) dead.add(key);
    return dead;
  }

  /** The plain values an item holds: one, or several when Yjs merged overwritten values into one run. */
  private values(content: Content): unknown[] {
    if (!(content instanceof Y.ContentAny)) throw new Unresolvable('unsupported-content', 'a field holds one plain value');
    if (content.arr.length === 0) throw new Unresolvable('malformed', 'a field without a value');
    return content.arr;
  }

  private checkRichTextContent(item: Y.Item, parentSub: string | null): void {
    const c = item.content;
    if (parentSub !== null) {
      // An attribute of an element (e.g. a heading's level).
      if (!RICHTEXT_ATTRIBUTES.has(parentSub)) throw new Unresolvable('unsupported-content', `attribute "${parentSub}" is not allowed`);
      if (c instanceof Y.ContentDeleted) return;
      if (!(c instanceof Y.ContentAny) || c.arr.length !== 1) throw new Unresolvable('unsupported-content', 'an attribute holds one value');
      if (JSON.stringify(c.arr[0] ?? null).length > RICHTEXT_MAX_ATTRIBUTE_BYTES) throw new Unresolvable('invalid-value', 'attribute too large');
      return;
    }
    if (c instanceof Y.ContentString) {
      if (c.str.length > RICHTEXT_MAX_INSERT) throw new Unresolvable('invalid-value', 'text insertion too large');
      return;
    }
    if (c instanceof Y.ContentDeleted) return;
    if (c instanceof Y.ContentFormat) {
      if (!RICHTEXT_MARKS.has(c.key)) throw new Unresolvable('unsupported-content', `mark "${c.key}" is not allowed`);
      if (JSON.stringify(c.value ?? null).length > RICHTEXT_MAX_ATTRIBUTE_BYTES) throw new Unresolvable('invalid-value', 'mark too large');
      return;
    }
    if (c instanceof Y.ContentType) {
      const t = c.type;
      if (t instanceof Y.XmlText) return;
      if (t instanceof Y.XmlElement && RICHTEXT_NODES.has(t.nodeName)) return;
      const name = t instanceof Y.XmlElement ? `element "${t.nodeName}"` : 'this kind of shared type';
      throw new Unresolvable('unsupported-content', `${name} is not allowed in a rich text`);
    }
    throw new Unresolvable('unsupported-content', 'this content is not allowed in a rich text');
  }

  /** Turns deletions of items already in the document into intents. */
  deleteRange(client: number, clock: number, len: number): void {
    const structs = this.doc.store.clients.get(client);
    const end = clock + len;
    const state = Y.getState(this.doc.store, client);
    if (end > state) {
      // Deleting items the relay has not seen, unless the update itself brings them.
      for (let c = Math.max(clock, state); c < end; ) {
        const s = this.index.find(Y.createID(client, c));
        if (!s) throw new Unresolvable('missing-dependency', 'the update deletes changes the relay does not have');
        c = s.id.clock + s.length;
      }
    }
    if (!structs || clock >= state) return;
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const s = structs[i]!;
      if (s.id.clock >= end) break;
      if (s instanceof Y.Item && !s.deleted) this.deleteItem(s);
    }
  }

  private deleteItem(item: Y.Item): void {
    // A child of something this update deletes too is judged with its ancestor.
    for (let t = (item.parent as Y.AbstractType<unknown>)._item; t !== null; t = (t.parent as Y.AbstractType<unknown>)._item) {
      if (!t.deleted && this.deleted.has(t.id.client, t.id.clock)) return;
    }
    const { parent, parentSub } = this.parentOfStoreItem(item);
    if (!parent) throw new Unresolvable('unknown-path', 'the deleted item lies outside the tafel schema');
    if (parent.kind === 'richtext') {
      this.found.push({ intent: { op: 'editRichText', root: parent.root, entityId: parent.entityId, key: parent.key } });
      return;
    }
    if (parentSub === null) throw new Unresolvable('unknown-path', 'the deleted item lies outside the tafel schema');
    // The value the relay holds at this key: removed, unless the update gives the key a new one.
    this.slot(parent, parentSub).removesRelayValue = true;
  }
}

interface NewEntity {
  readonly root: RootName;
  readonly entityId: string;
  /** the plain values the entity ends with (or was last given, when it is removed again) */
  readonly values: Record<string, unknown>;
  /** the keys that end with a value */
  readonly keys: Set<string>;
  /** false when the update removes the entity again */
  readonly live: boolean;
}

function overlay(base: RuleState, resolver: Resolver): RuleState {
  if (resolver.newEntities.size === 0) return base;
  return withCreatedEntities(base, (root, id) => resolver.newEntities.get(`${root}/${id}`)?.values);
}

interface Decoded {
  readonly structs: Struct[];
  readonly ds: DeleteSet;
}

function decode(update: Uint8Array): Decoded {
  const { structs, ds } = decodeUpdateFast(update) as { structs: Struct[]; ds: DeleteSet };
  return { structs, ds };
}

function resolveAll(doc: Y.Doc, decoded: Decoded): Resolver {
  const index = new UpdateIndex(decoded.structs);
  const resolver = new Resolver(doc, index, decoded.ds);
  const items: Y.Item[] = [];
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) throw new Unresolvable('missing-dependency', 'the update has gaps (skipped ranges)');
    if (s instanceof Y.GC) continue; // a range of already collected content: carries no data and no path
    const state = Y.getState(doc.store, s.id.client);
    if (s.id.clock + s.length <= state) continue; // already known: applying it is a no-op
    resolver.noteOrigin(s);
    items.push(s);
  }
  for (const item of items) resolver.insert(item);
  for (const [client, ranges] of decoded.ds.clients) {
    for (const r of ranges) resolver.deleteRange(client, r.clock, r.len);
  }
  resolver.finish();
  return resolver;
}

/** Every clientID must continue its own history without gaps and belong to the sender. */
function checkClients(doc: Y.Doc, structs: readonly Struct[], actor: Actor, bindings: ClientBindings, violations: Violation[]): number[] {
  const fresh: number[] = [];
  const nextClock = new Map<number, number>();
  for (const s of structs) {
    const client = s.id.client;
    let expected = nextClock.get(client);
    if (expected === undefined) {
      expected = Y.getState(doc.store, client);
      const bound = bindings.lidFor(client);
      if (bound !== undefined && bound !== actor.lidId) {
        violations.push({ path: [], code: 'client-id-taken', message: `clientID ${client} belongs to another lid` });
      } else if (bound === undefined) {
        if (expected > 0) {
          violations.push({ path: [], code: 'client-id-taken', message: `clientID ${client} is in use already` });
        } else {
          fresh.push(client);
        }
      }
    }
    if (s.id.clock > expected) {
      violations.push({ path: [], code: 'missing-dependency', message: `clientID ${client} skips from clock ${expected} to ${s.id.clock}` });
    }
    nextClock.set(client, Math.max(expected, s.id.clock + s.length));
  }
  return fresh;
}

const EMPTY_OK: ValidationResult = { ok: true, violations: [], newClientIds: [], writes: [] };

function rejected(violations: Violation[]): ValidationResult {
  return { ok: false, violations, newClientIds: [], writes: [] };
}

/**
 * Decides accept/reject for an incoming binary Yjs update (v1 encoding) WITHOUT applying it.
 * `clock` is the relay's: the time rules (withdrawing a peildatum within a day) go by it alone;
 * without one, nothing frozen is withdrawn.
 */
export function validateUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  actor: Actor | undefined,
  bindings: ClientBindings,
  clock?: RuleClock,
): ValidationResult {
  let decoded: Decoded;
  try {
    decoded = decode(update);
  } catch {
    return rejected([{ path: [], code: 'malformed', message: 'the update cannot be decoded' }]);
  }
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return EMPTY_OK;
  if (!actor) {
    return rejected([{ path: [], code: 'not-a-member', message: 'you are not a lid of this tafel' }]);
  }
  const violations: Violation[] = [];
  const newClientIds = checkClients(doc, decoded.structs, actor, bindings, violations);
  if (violations.length > 0) return rejected(violations);

  let resolver: Resolver;
  try {
    resolver = resolveAll(doc, decoded);
  } catch (e) {
    if (e instanceof Unresolvable) return rejected([{ path: [], code: e.code, message: e.message }]);
    return rejected([{ path: [], code: 'malformed', message: 'the update cannot be evaluated' }]);
  }

  const base: RuleState = docRuleStateAt(doc, clock);
  const state = overlay(base, resolver);
  for (const f of resolver.found) {
    // A creation is judged against the document as it is; its fields against the entity it creates.
    const d = decide(f.intent.op === 'createEntity' ? base : state, actor, f.intent);
    if (!d.ok) violations.push({ path: intentPath(f.intent), code: d.code, message: d.message });
  }
  const writes = lastingWrites(resolver);
  for (const e of resolver.newEntities.values()) {
    if (!e.live) continue;
    for (const key of requiredFields(e.root)) {
      if (!e.keys.has(key)) violations.push({ path: [e.root, e.entityId, key], code: 'missing-required', message: 'required when creating' });
    }
  }
  return violations.length > 0 ? rejected(dedupe(violations)) : { ok: true, violations: [], newClientIds, writes };
}

/** What the update leaves in the document: without the writes inside entities it creates and removes again. */
function lastingWrites(resolver: Resolver): WriteIntent[] {
  const dead = resolver.deadEntities();
  if (dead.size === 0) return resolver.found.map((f) => f.intent);
  return resolver.found
    .map((f) => f.intent)
    .filter((w) => !('entityId' in w) || w.entityId === null || !dead.has(`${w.root}/${w.entityId}`));
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const k = `${v.path.join('/')}|${v.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The writes an update would make, resolved against doc. Used by the client to list its unconfirmed changes. */
export function describeUpdate(doc: Y.Doc, update: Uint8Array): { writes: WriteIntent[] } {
  return { writes: lastingWrites(resolveAll(doc, decode(update))) };
}
