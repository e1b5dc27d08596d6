// Carrying local changes over to a rebuilt document. When the relay rejects an update, that
// update and every later one of the same Yjs clientID can never be applied there. So the client
// starts a fresh document from the relay's state (new clientID) and moves each local change the
// relay does not have into it: as a new write through the model's operations, judged by the
// rulebook against the state now in force. What is no longer permitted lands in the conflict
// inbox with the value the user entered, the value in force and the reason.
//
// Rich texts (notulen, toelichting) are carried over by re-encoding their items under the fresh
// clientID when nobody else edited that text meanwhile (see richtext-carry.ts); otherwise their
// local text goes into the inbox, so nothing typed is lost.

import * as Y from 'yjs';
import { envelopeAt, entityMap, root } from '../model/doc';
import { actorForLid } from '../model';
import { docRuleState } from '../ownership/ruleState';
import { NotFoundError, OwnershipError, ValidationError } from '../operations/errors';
import { addFrozenWithId, assertAllowed, createEntityWithId, deleteEntity, deleteFields, envelope, LOCAL_ORIGIN, richText, setFields } from '../operations/core';
import { isEnvelope, SCHEMA, type Envelope, type RootName } from '../model/schema';
import { describeUpdate } from '../ownership/validator';
import { fieldPath } from '../ownership/intentPath';
import type { Actor, WriteIntent } from '../ownership/rulebook';
import type { ConflictCause, ConflictSubject } from './codes';
import { sameValue, stableJson } from '../model/sameValue';
import { carryRichText } from './richtext-carry';
import type { ConflictEntry } from './store';

export interface CarryOverOptions {
  readonly tafelId: string;
  readonly lidId: string;
  /** put everything into the inbox (the relay rejected the previous carry-over too) */
  readonly strict: boolean;
  readonly now: number;
}

export interface CarryOverResult {
  /** local changes written again into the fresh document */
  readonly reapplied: number;
  readonly conflicts: ConflictEntry[];
}

/** The local changes of `oldDoc` that `fresh` lacks, as the update that would bring them. */
export function localChanges(oldDoc: Y.Doc, fresh: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(oldDoc, Y.encodeStateVector(fresh));
}

/** Moves every local change of `oldDoc` missing in `fresh` into `fresh`, or into conflict entries. */
export function carryOver(oldDoc: Y.Doc, fresh: Y.Doc, opts: CarryOverOptions): CarryOverResult {
  const update = localChanges(oldDoc, fresh);
  let writes: WriteIntent[];
  try {
    writes = describeUpdate(fresh, update).writes;
  } catch {
    return unreadable(update, opts);
  }
  return new CarryOver(oldDoc, fresh, update, opts).run(writes);
}

type LocalSet = Extract<WriteIntent, { op: 'setField' }> & { readonly stored: Envelope };

/** Per field, the local write with the latest time: what the user entered last. */
function latestPerField(sets: readonly Extract<WriteIntent, { op: 'setField' }>[]): LocalSet[] {
  const latest = new Map<string, LocalSet>();
  for (const s of sets) {
    if (!isEnvelope(s.stored)) continue;
    const slot = `${s.root}/${s.entityId ?? ''}/${s.key}`;
    const prev = latest.get(slot);
    if (!prev || s.stored.at >= prev.stored.at) latest.set(slot, s as LocalSet);
  }
  return [...latest.values()];
}

class CarryOver {
  private reapplied = 0;
  private readonly conflicts: ConflictEntry[] = [];
  private readonly actor: Actor | undefined;

  constructor(
    private readonly oldDoc: Y.Doc,
    private readonly fresh: Y.Doc,
    private readonly update: Uint8Array,
    private readonly opts: CarryOverOptions,
  ) {
    this.actor = actorForLid(fresh, opts.lidId);
  }

  run(writes: readonly WriteIntent[]): CarryOverResult {
    const created = new Map<string, { root: RootName; entityId: string; values: Record<string, unknown>; at: number }>();
    const frozen: { root: RootName; entityId: string; stored: unknown }[] = [];
    const sets: Extract<WriteIntent, { op: 'setField' }>[] = [];
    const fieldDeletes: Extract<WriteIntent, { op: 'deleteField' }>[] = [];
    const entityDeletes = new Map<string, Extract<WriteIntent, { op: 'deleteEntity' }>>();
    const texts = new Map<string, { root: RootName; entityId: string; key: string }>();

    for (const w of writes) {
      switch (w.op) {
        case 'createEntity':
          if (SCHEMA[w.root].kind === 'frozen') frozen.push({ root: w.root, entityId: w.entityId, stored: w.stored });
          else created.set(`${w.root}/${w.entityId}`, { root: w.root, entityId: w.entityId, values: {}, at: this.opts.now });
          break;
        case 'setField': {
          const c = w.entityId === null ? undefined : created.get(`${w.root}/${w.entityId}`);
          if (c && w.creating) {
            // Rich texts come with their entity; plain values are collected for its creation.
            if (isEnvelope(w.stored)) {
              c.values[w.key] = w.stored.v;
              c.at = w.stored.at;
            }
          } else {
            sets.push(w);
          }
          break;
        }
        case 'deleteField':
          fieldDeletes.push(w);
          break;
        case 'deleteEntity':
          entityDeletes.set(`${w.root}/${w.entityId}`, w);
          break;
        case 'editRichText':
          texts.set(`${w.root}/${w.entityId}/${w.key}`, { root: w.root, entityId: w.entityId, key: w.key });
          break;
      }
    }

    // One transaction: one update for the relay and one notification for the UI. The model's
    // operations still judge each write against the state the earlier ones left.
    this.fresh.transact(() => {
      for (const c of created.values()) this.create(c.root, c.entityId, c.values, c.at);
      for (const f of frozen) this.freeze(f.root, f.entityId, f.stored);
      for (const s of latestPerField(sets)) this.set(s.root, s.entityId, s.key, s.stored.v, s.stored.at, this.lostLocally(s));
      for (const d of fieldDeletes) this.deleteField(d.root, d.entityId, d.key);
      for (const t of texts.values()) this.text(t.root, t.entityId, t.key);
      for (const d of entityDeletes.values()) this.deleteEntity(d.root, d.entityId);
    }, LOCAL_ORIGIN);
    return { reapplied: this.reapplied, conflicts: this.conflicts };
  }

  /** Runs one model operation as the current actor; a refusal becomes a conflict entry. */
  private attempt(path: string[], entered: unknown, current: unknown, op: (actor: Actor) => void): void {
    const denial = this.tryOp(op);
    if (denial === null) {
      this.reapplied++;
      return;
    }
    this.conflict(path, entered, current, denial);
  }

  private tryOp(op: (actor: Actor) => void): ConflictCause | null {
    if (this.opts.strict) return { code: 'rejected-again' };
    if (!this.actor) return { code: 'not-a-member' };
    try {
      op(this.actor);
      return null;
    } catch (e) {
      if (e instanceof OwnershipError) return { code: e.code };
      if (e instanceof ValidationError) return { code: 'invalid-value' };
      if (e instanceof NotFoundError) return { code: 'gone' };
      throw e;
    }
  }

  private create(rootName: RootName, entityId: string, values: Record<string, unknown>, at: number): void {
    if (root(this.fresh, rootName).has(entityId)) {
      // Already there (carried over before, e.g. by another tab): only its differing fields count.
      for (const [key, v] of Object.entries(values)) this.set(rootName, entityId, key, v, at);
      return;
    }
    this.attempt([rootName, entityId], values, null, (actor) => createEntityWithId(this.fresh, actor, rootName, entityId, values, at));
  }

  private freeze(rootName: RootName, entityId: string, stored: unknown): void {
    if (root(this.fresh, rootName).has(entityId) || !isEnvelope(stored)) return;
    this.attempt([rootName, entityId], stored.v, null, (actor) => addFrozenWithId(this.fresh, actor, rootName, entityId, stored.v, stored.at));
  }

  /**
   * Was this local write already replaced in the old document by someone else's concurrent write?
   * (It arrived from the relay before the rejection did.) Then it is not written again, but the
   * value the user entered still goes to the inbox.
   */
  private lostLocally(s: LocalSet): boolean {
    const visible = envelopeAt(this.oldDoc, s.root, s.entityId, s.key);
    return !visible || visible.by !== s.stored.by || visible.at !== s.stored.at || !sameValue(visible.v, s.stored.v);
  }

  private set(rootName: RootName, entityId: string | null, key: string, v: unknown, at: number, lost = false): void {
    const current = envelopeAt(this.fresh, rootName, entityId, key);
    if (current && sameValue(current.v, v)) return;
    if (lost) {
      this.conflict(fieldPath(rootName, entityId, key), v, current?.v ?? null, this.denialOfLost(rootName, entityId, key, v, at));
      return;
    }
    this.attempt(fieldPath(rootName, entityId, key), v, current?.v ?? null, (actor) =>
      setFields(this.fresh, actor, rootName, entityId, { [key]: v }, at),
    );
  }

  /** Why a write lost locally is not written again: the rulebook's reason, or the concurrent write. */
  private denialOfLost(rootName: RootName, entityId: string | null, key: string, v: unknown, at: number): ConflictCause {
    const intent = (actor: Actor): WriteIntent => ({ op: 'setField', root: rootName, entityId, key, stored: envelope(actor, v, at), creating: false });
    const denial = this.tryOp((actor) => assertAllowed(docRuleState(this.fresh), actor, intent(actor)));
    return denial ?? { code: 'concurrent' };
  }

  private deleteField(rootName: RootName, entityId: string | null, key: string): void {
    const map = entityId === null ? root(this.fresh, rootName) : entityMap(this.fresh, rootName, entityId);
    if (!map?.has(key) || entityId === null) return;
    const current = envelopeAt(this.fresh, rootName, entityId, key);
    this.attempt(fieldPath(rootName, entityId, key), null, current?.v ?? null, (actor) => deleteFields(this.fresh, actor, rootName, entityId, [key]));
  }

  private deleteEntity(rootName: RootName, entityId: string): void {
    if (!root(this.fresh, rootName).has(entityId)) return;
    const subject: ConflictSubject = { kind: 'removal', root: rootName, naam: entityNaam(this.fresh, rootName, entityId) };
    const denial = this.tryOp((actor) => deleteEntity(this.fresh, actor, rootName, entityId));
    if (denial === null) this.reapplied++;
    else this.conflict([rootName, entityId], null, snapshotEntity(this.fresh, rootName, entityId), denial, subject);
  }

  private text(rootName: RootName, entityId: string, key: string): void {
    const local = richText(this.oldDoc, rootName, entityId, key);
    if (!local) return;
    const inForce = richText(this.fresh, rootName, entityId, key);
    const permitted =
      inForce !== undefined &&
      this.tryOp((actor) => assertAllowed(docRuleState(this.fresh), actor, { op: 'editRichText', root: rootName, entityId, key })) === null;
    if (permitted && carryRichText(this.oldDoc, local, this.fresh, inForce, this.update, (d) => richText(d, rootName, entityId, key))) {
      this.reapplied++;
      return;
    }
    const entered = plainText(local);
    const current = inForce ? plainText(inForce) : null;
    if (entered === current) return;
    this.conflict([rootName, entityId, key], entered, current, { code: 'text-not-merged' });
  }

  private conflict(path: string[], entered: unknown, current: unknown, cause: ConflictCause, subject?: ConflictSubject): void {
    this.conflicts.push(conflictEntry(this.opts, path, subject ?? subjectOf(this.oldDoc, path), entered, current, cause));
  }
}

/** When the local changes cannot even be described, they are kept whole in one entry. */
function unreadable(update: Uint8Array, opts: CarryOverOptions): CarryOverResult {
  const entry = conflictEntry(opts, [], { kind: 'local-changes' }, base64(update), null, { code: 'unreadable' });
  return { reapplied: 0, conflicts: [entry] };
}

function conflictEntry(
  opts: CarryOverOptions,
  path: string[],
  subject: ConflictSubject,
  enteredValue: unknown,
  currentValue: unknown,
  cause: ConflictCause,
): ConflictEntry {
  // The id is derived from what was entered: carrying the same change over twice (another tab,
  // a rebuild interrupted and repeated) gives the same entry, not a duplicate.
  const id = `${opts.tafelId}:${hash(`${path.join('/')}|${stableJson(enteredValue)}`)}`;
  return { id, tafelId: opts.tafelId, path, subject, enteredValue, currentValue, cause, at: opts.now };
}

function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822507);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The name people know an entity by (naam, titel, wat, datum) in `doc`, or null. */
function entityNaam(doc: Y.Doc, rootName: RootName, entityId: string): string | null {
  for (const key of ['naam', 'titel', 'wat', 'datum']) {
    const v = envelopeAt(doc, rootName, entityId, key)?.v;
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

/** What a path is about, with the names in `doc`: a field, a setting, a new entity. */
function subjectOf(doc: Y.Doc, path: readonly string[]): ConflictSubject {
  const [rootName, a, b] = path as [RootName, string | undefined, string | undefined];
  if (SCHEMA[rootName].kind === 'settings') return { kind: 'setting', root: rootName, key: a ?? '' };
  if (a === undefined) return { kind: 'list', root: rootName };
  if (b === undefined) return { kind: 'new', root: rootName, naam: entityNaam(doc, rootName, a) };
  return { kind: 'field', root: rootName, naam: entityNaam(doc, rootName, a), key: b };
}

/** The plain values of an entity, to show what is in force when a removal was refused. */
function snapshotEntity(doc: Y.Doc, rootName: RootName, entityId: string): Record<string, unknown> | null {
  const map = entityMap(doc, rootName, entityId);
  if (!map) return null;
  const out: Record<string, unknown> = {};
  for (const [key, stored] of map.entries()) if (isEnvelope(stored)) out[key] = stored.v;
  return out;
}

/** The text of a rich text, one line per block, for people to copy from the inbox. */
export function plainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const text = (child.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
        lines.push(text);
      } else if (child instanceof Y.XmlElement) {
        walk(child);
      }
    }
  };
  walk(fragment);
  return lines.join('\n');
}
