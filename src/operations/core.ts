// The one path by which the model writes: every change is a list of intents, each judged by the
// ownership rulebook and the value types first; only when all pass is the change applied, in one
// Yjs transaction. An operation that throws has changed nothing.

import * as Y from 'yjs';
import { decide, requiredFields, richTextFields, type Actor, type RuleState, type WriteIntent } from '../ownership/rulebook';
import { entityMap, root } from '../model/doc';
import { docRuleState, withCreatedEntities } from '../ownership/ruleState';
import { intentPath } from '../ownership/intentPath';
import { NotFoundError, OwnershipError, ValidationError } from './errors';
import { newId } from '../model/ids';
import { problem } from '../model/values';
import { SCHEMA, type Envelope, type RootName } from '../model/schema';

/** Origin of transactions made by the model, so listeners can tell local edits from remote ones. */
export const LOCAL_ORIGIN = Symbol('aan-tafel-local');

export function envelope<T>(actor: Actor, value: T, now: number = Date.now()): Envelope<T> {
  return { v: value, by: actor.lidId, p: actor.partijId, at: now };
}

/** Throws the typed error for a denied intent. */
export function assertAllowed(state: RuleState, actor: Actor, intent: WriteIntent): void {
  const d = decide(state, actor, intent);
  if (d.ok) return;
  if (d.code === 'invalid-value') throw new ValidationError(d.problem ?? problem('not-allowed', d.message), intentPath(intent));
  throw new OwnershipError(d.code, d.message, intentPath(intent));
}

/** Sets plain fields of an existing entity (entityId null: the tafel settings). */
export function setFields(
  doc: Y.Doc,
  actor: Actor,
  rootName: RootName,
  entityId: string | null,
  values: Readonly<Record<string, unknown>>,
  now: number = Date.now(),
): void {
  const map = entityId === null ? root(doc, rootName) : entityMap(doc, rootName, entityId);
  if (!map) throw new NotFoundError([rootName, entityId ?? '']);
  const state = docRuleState(doc);
  const writes = Object.entries(values).map(([key, value]) => {
    const stored = envelope(actor, value, now);
    assertAllowed(state, actor, { op: 'setField', root: rootName, entityId, key, stored, creating: false });
    return [key, stored] as const;
  });
  doc.transact(() => {
    for (const [key, stored] of writes) map.set(key, stored);
  }, LOCAL_ORIGIN);
}

/** Removes optional fields of an existing entity (e.g. an oplevering for a jaarschijf). */
export function deleteFields(doc: Y.Doc, actor: Actor, rootName: RootName, entityId: string, keys: readonly string[]): void {
  const map = entityMap(doc, rootName, entityId);
  if (!map) throw new NotFoundError([rootName, entityId]);
  const state = docRuleState(doc);
  for (const key of keys) assertAllowed(state, actor, { op: 'deleteField', root: rootName, entityId, key });
  doc.transact(() => {
    for (const key of keys) map.delete(key);
  }, LOCAL_ORIGIN);
}

/** Creates an entity with its fields and, where the schema has them, its rich texts. Returns its id. */
export function createEntity(
  doc: Y.Doc,
  actor: Actor,
  rootName: RootName,
  values: Readonly<Record<string, unknown>>,
  now: number = Date.now(),
): string {
  return createEntityWithId(doc, actor, rootName, newId(), values, now);
}

/**
 * createEntity under an id chosen before: the client's sync re-creates an entity the relay
 * rejected under its original id, so the other changes that refer to it still fit.
 */
export function createEntityWithId(
  doc: Y.Doc,
  actor: Actor,
  rootName: RootName,
  id: string,
  values: Readonly<Record<string, unknown>>,
  now: number = Date.now(),
): string {
  const base = docRuleState(doc);
  assertAllowed(base, actor, { op: 'createEntity', root: rootName, entityId: id });
  const state = withCreatedEntities(base, (r, e) => (r === rootName && e === id ? values : undefined));
  for (const key of requiredFields(rootName)) {
    if (values[key] === undefined) throw new ValidationError(problem('empty', 'required when creating'), [rootName, id, key]);
  }
  const writes = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const stored = envelope(actor, value, now);
      assertAllowed(state, actor, { op: 'setField', root: rootName, entityId: id, key, stored, creating: true });
      return [key, stored] as const;
    });
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    root(doc, rootName).set(id, map);
    for (const [key, stored] of writes) map.set(key, stored);
    for (const key of richTextFields(rootName)) map.set(key, new Y.XmlFragment());
  }, LOCAL_ORIGIN);
  return id;
}

export function deleteEntity(doc: Y.Doc, actor: Actor, rootName: RootName, entityId: string): void {
  if (!root(doc, rootName).has(entityId)) throw new NotFoundError([rootName, entityId]);
  assertAllowed(docRuleState(doc), actor, { op: 'deleteEntity', root: rootName, entityId });
  doc.transact(() => root(doc, rootName).delete(entityId), LOCAL_ORIGIN);
}

/** Adds one frozen value (a peildatum) under a new id. */
export function addFrozen(doc: Y.Doc, actor: Actor, rootName: RootName, value: unknown, now: number = Date.now()): string {
  return addFrozenWithId(doc, actor, rootName, newId(), value, now);
}

/** addFrozen under an id chosen before (see createEntityWithId). */
export function addFrozenWithId(doc: Y.Doc, actor: Actor, rootName: RootName, id: string, value: unknown, now: number = Date.now()): string {
  if (SCHEMA[rootName].kind !== 'frozen') throw new ValidationError(problem('not-allowed', 'not a frozen root'), [rootName]);
  const stored = envelope(actor, value, now);
  assertAllowed(docRuleState(doc), actor, { op: 'createEntity', root: rootName, entityId: id, stored });
  doc.transact(() => root(doc, rootName).set(id, stored), LOCAL_ORIGIN);
  return id;
}

/** The rich text of an entity, for editors to bind to. Undefined when the entity is gone. */
export function richText(doc: Y.Doc, rootName: RootName, entityId: string, key: string): Y.XmlFragment | undefined {
  const t = entityMap(doc, rootName, entityId)?.get(key);
  return t instanceof Y.XmlFragment ? t : undefined;
}
