// The ownership rulebook of docs/domain.md, in one place. Everything asks it: the model's
// operations before they write, the UI before it offers an edit, and the relay's validator for
// every item of every incoming update. It decides from the path and the current state only.

import {
  fieldSpec,
  isEnvelope,
  SCHEMA,
  type EntityRule,
  type FieldSpec,
  type FrozenRootSpec,
  type RootName,
  type RootSpec,
  type WriterRule,
} from '../model/schema';
import type { Actor } from '../model/actor';
import type { Bloedgroep } from '../model/vocabulary';
import type { ValueProblem, ValueType } from '../model/values';

export type { Actor };

/** What the rulebook needs to know about the document. The model and the validator provide it. */
export interface RuleState {
  partijBloedgroep(partijId: string): Bloedgroep | undefined;
  /** The plain value (envelope's v) of a field, or undefined when unset. entityId null = tafel settings. */
  fieldValue(root: RootName, entityId: string | null, key: string): unknown;
  /** The lid who last wrote a field, or undefined when unset. */
  fieldAuthor(root: RootName, entityId: string, key: string): string | undefined;
  entityExists(root: RootName, entityId: string): boolean;
  /**
   * Time, for the rules that depend on it (withdrawing a peildatum within a day). The relay
   * passes its own clock and when it accepted each frozen entry; a client judges by its own clock
   * and the entry's own time (the relay has the last word). Without a clock nothing is withdrawn.
   */
  readonly clock?: RuleClock;
}

export interface RuleClock {
  /** Epoch milliseconds now. */
  readonly now: number;
  /** When a frozen entry was accepted (relay) or written (client); undefined when unknown. */
  frozenSince(root: RootName, entityId: string): number | undefined;
}

export type WriteIntent =
  | {
      readonly op: 'setField';
      readonly root: RootName;
      /** null for the tafel settings root */
      readonly entityId: string | null;
      readonly key: string;
      /** the whole stored envelope {v, by, p, at} */
      readonly stored: unknown;
      /** true when the entity is created by this actor in the same change */
      readonly creating: boolean;
    }
  | { readonly op: 'deleteField'; readonly root: RootName; readonly entityId: string | null; readonly key: string }
  | {
      readonly op: 'createEntity';
      readonly root: RootName;
      readonly entityId: string;
      /** for frozen roots (peildata): the stored envelope */
      readonly stored?: unknown;
    }
  | { readonly op: 'deleteEntity'; readonly root: RootName; readonly entityId: string }
  | { readonly op: 'editRichText'; readonly root: RootName; readonly entityId: string; readonly key: string };

export type ViolationCode =
  | 'not-a-member'
  | 'read-only'
  | 'not-owner'
  | 'unknown-path'
  | 'invalid-value'
  | 'forged-provenance'
  | 'immutable'
  | 'frozen'
  | 'missing-required'
  | 'bad-reference'
  | 'unsupported-content'
  | 'client-id-taken'
  | 'missing-dependency'
  | 'malformed'
  /** a value in the shape of an older schema version: the sender's app needs updating */
  | 'outdated-client'
  /** a field only the relay writes (network deliveries) */
  | 'relay-only';

export type Decision =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: ViolationCode;
      /** English, for logs and the relay's rejections. */
      readonly message: string;
      /** For invalid-value: what is wrong with the value, as a code with parameters. */
      readonly problem?: ValueProblem;
    };

const OK: Decision = { ok: true };
const deny = (code: ViolationCode, message: string): Decision => ({ ok: false, code, message });

export function isChair(actor: Actor): boolean {
  return actor.rol === 'voorzitter' || actor.rol === 'secretaris';
}

/** Gasten and leden of an adviseur partij read only; so does anyone whose partij is unknown. */
export function isReader(state: RuleState, actor: Actor): boolean {
  const bloedgroep = state.partijBloedgroep(actor.partijId);
  return actor.rol === 'gast' || bloedgroep === undefined || bloedgroep === 'adviseur';
}

function partijOf(state: RuleState, root: RootName, entityId: string, key: string): unknown {
  return state.fieldValue(root, entityId, key);
}

/** Writer rules that give a field to the partij named in another field of the same entity. */
type OwnedRule = Exclude<WriterRule, 'system' | 'chair' | 'iedereen' | 'reactieAuteur' | 'relay' | 'rapportageKernteam' | 'partijLeden'>;

/** Per such rule: the entity field naming the owning partij, whether the chair may too, and who that is. */
const OWNED_BY: Readonly<Record<OwnedRule, { readonly field: string; readonly orChair: boolean; readonly who: string }>> = {
  projectPubliek: { field: 'publiekEigenaar', orChair: false, who: "the project's public owner" },
  projectPrivaat: { field: 'privaatEigenaar', orChair: false, who: "the project's private owner" },
  eigenaarPrivaat: { field: 'publiekEigenaar', orChair: true, who: "the chair or the project's public owner" },
  knelpuntIndiener: { field: 'ingediendDoor', orChair: false, who: 'the partij that raised the knelpunt' },
  knelpuntStatus: { field: 'ingediendDoor', orChair: true, who: 'the raising partij or the chair' },
  agendapuntIndiener: { field: 'voorgesteldDoor', orChair: true, who: 'the proposing partij or the chair' },
  afspraakPartij: { field: 'partijId', orChair: true, who: 'the assigned partij or the chair' },
};

/** Does the writer rule let `actor` write to a field of entity `entityId`? */
function writerAllows(
  state: RuleState,
  actor: Actor,
  rule: WriterRule,
  root: RootName,
  entityId: string | null,
  key: string,
): Decision {
  switch (rule) {
    case 'system':
      return deny('not-owner', 'only the relay writes this');
    case 'relay':
      return deny('relay-only', 'only the relay writes this: it comes from another tafel');
    case 'chair':
      return isChair(actor) ? OK : deny('not-owner', 'only the voorzitter or secretaris may change this');
    case 'iedereen':
      return OK;
    case 'reactieAuteur': {
      if (entityId === null) return deny('unknown-path', 'a comment belongs to a knelpunt');
      const author = state.fieldAuthor(root, entityId, key);
      // A new comment may come from anyone; an existing one only from its author.
      if (author === undefined) return OK;
      return author === actor.lidId ? OK : deny('not-owner', 'only its author may change or remove a comment');
    }
    case 'rapportageKernteam': {
      if (isChair(actor)) return OK;
      const kernteam = entityId === null ? undefined : state.fieldValue(root, entityId, 'kernteam');
      return Array.isArray(kernteam) && kernteam.includes(actor.lidId) ? OK : deny('not-owner', 'only the chair and the kernteam write the rapportage');
    }
    case 'partijLeden':
      // The entity is the partij itself: its own leden, not the chair, keep its settings.
      return entityId !== null && entityId === actor.partijId ? OK : deny('not-owner', 'only leden of this partij may change this');
    default: {
      const owned = OWNED_BY[rule];
      if (owned.orChair && isChair(actor)) return OK;
      const p = entityId === null ? undefined : partijOf(state, root, entityId, owned.field);
      return p !== undefined && p !== null && p === actor.partijId ? OK : deny('not-owner', `only ${owned.who} may change this`);
    }
  }
}

/** Who may write a field: the answer to "who may?" where decide answers "may I?". */
export type FieldOwner =
  /** A partij (and, with orChair, also the voorzitter/secretaris). partijId null: not assigned yet. */
  | { readonly kind: 'partij'; readonly partijId: string | null; readonly orChair: boolean }
  | { readonly kind: 'chair' }
  | { readonly kind: 'iedereen' }
  | { readonly kind: 'system' }
  /** A comment: only whoever wrote it. */
  | { readonly kind: 'auteur' };

/** The entity field naming the partij that owns `key` (e.g. a project's privaatEigenaar), or null. */
export function ownerFieldOf(root: RootName, key: string): string | null {
  const rule = fieldSpec(root, key)?.writer;
  return rule !== undefined && Object.hasOwn(OWNED_BY, rule) ? OWNED_BY[rule as OwnedRule].field : null;
}

/** Whose is a field, so a locked field can say whose it is. Read from the same rules as decide. */
export function fieldOwner(state: RuleState, root: RootName, entityId: string | null, key: string): FieldOwner {
  const spec = fieldSpec(root, key);
  if (!spec) return { kind: 'system' };
  const rule = spec.writer;
  switch (rule) {
    case 'chair':
    case 'system':
    case 'iedereen':
      return { kind: rule };
    case 'reactieAuteur':
      return { kind: 'auteur' };
    case 'relay':
      // Carried from another tafel: nobody here owns it.
      return { kind: 'system' };
    // The chair names the kernteam; a lid outside it is told to ask the chair.
    case 'rapportageKernteam':
      return { kind: 'chair' };
    case 'partijLeden':
      return { kind: 'partij', partijId: entityId, orChair: false };
    default: {
      if (entityId === null) return { kind: 'system' };
      const owned = OWNED_BY[rule];
      const value = state.fieldValue(root, entityId, owned.field);
      return { kind: 'partij', partijId: typeof value === 'string' && value ? value : null, orChair: owned.orChair };
    }
  }
}

function entityRuleAllows(state: RuleState, actor: Actor, rule: EntityRule, root: RootName, entityId: string): Decision {
  switch (rule) {
    case 'chair':
      return isChair(actor) ? OK : deny('not-owner', 'only the voorzitter or secretaris may do this');
    case 'overheidOfChair':
      return isChair(actor) || state.partijBloedgroep(actor.partijId) === 'overheid'
        ? OK
        : deny('not-owner', 'only an overheid partij or the chair may create a project');
    case 'iedereen':
      return OK;
    case 'projectEigenaar':
      return isChair(actor) || partijOf(state, root, entityId, 'publiekEigenaar') === actor.partijId
        ? OK
        : deny('not-owner', "only the chair or the project's public owner may remove it");
    case 'agendapuntIndiener':
      return isChair(actor) || partijOf(state, root, entityId, 'voorgesteldDoor') === actor.partijId
        ? OK
        : deny('not-owner', 'only the proposing partij or the chair may remove this agenda item');
    case 'nobody':
      return deny('frozen', 'nobody may do this');
    case 'relay':
      return deny('relay-only', 'only the relay creates this: it comes from another tafel');
  }
}

/** Checks the envelope: value type, and that provenance names the actor, not someone else. */
export function checkStored(actor: Actor, spec: FieldSpec | { kind: 'plain'; type: ValueType; legacy?: ValueType }, stored: unknown): Decision {
  if (!isEnvelope(stored)) return deny('invalid-value', 'a value must be stored as {v, by, p, at}');
  if (stored.by !== actor.lidId || stored.p !== actor.partijId) {
    return deny('forged-provenance', 'the value claims to be written by another lid or partij');
  }
  if (spec.kind !== 'plain') return deny('unsupported-content', 'a rich text is not a plain value');
  const problem = spec.type.check(stored.v);
  if (!problem) return OK;
  // A value in the previous schema version's shape: the sender's app needs updating.
  if (spec.legacy && spec.legacy.check(stored.v) === null) {
    return deny('outdated-client', 'this value has the shape of an older schema version: update the app');
  }
  return { ok: false, code: 'invalid-value', message: problem.message, problem };
}

/** Cross-references a value must satisfy beyond its type: owners must be partijen of the right kind, etc. */
/** The bloedgroep of the partij a value names, if it names one. (Not a closure: the relay runs this per write, under tsx.) */
function bloedgroepOf(state: RuleState, id: unknown): Bloedgroep | undefined {
  return typeof id === 'string' ? state.partijBloedgroep(id) : undefined;
}

function checkReferences(state: RuleState, actor: Actor, root: RootName, key: string, value: unknown): Decision {
  if (root === 'projecten' && key === 'publiekEigenaar') {
    if (bloedgroepOf(state, value) !== 'overheid') return deny('bad-reference', 'the public owner must be an overheid partij');
    if (!isChair(actor) && value !== actor.partijId) return deny('not-owner', 'only the chair may give a project to another partij');
  }
  if (root === 'projecten' && key === 'privaatEigenaar' && value !== null) {
    const b = bloedgroepOf(state, value);
    if (b !== 'corporatie' && b !== 'markt') return deny('bad-reference', 'the private owner must be a corporatie or marktpartij');
  }
  if ((root === 'knelpunten' && key === 'ingediendDoor') || (root === 'agendapunten' && key === 'voorgesteldDoor')) {
    if (value !== actor.partijId) return deny('forged-provenance', 'it can only be raised in the name of your own partij');
  }
  if ((root === 'leden' && key === 'partijId') || (root === 'afspraken' && key === 'partijId')) {
    if (bloedgroepOf(state, value) === undefined) return deny('bad-reference', 'no such partij');
  }
  if (root === 'agendapunten' && key === 'vergaderingId' && (typeof value !== 'string' || !state.entityExists('vergaderingen', value))) {
    return deny('bad-reference', 'no such meeting');
  }
  return OK;
}

/** May the actor edit this field of an existing entity at all (before any value is chosen)? The UI asks this. */
export function mayEditField(state: RuleState, actor: Actor, root: RootName, entityId: string | null, key: string): Decision {
  const reader = readerDecision(state, actor);
  if (reader) return reader;
  const rootSpec = SCHEMA[root];
  if (rootSpec.kind === 'frozen') return deny('frozen', 'a peildatum is never changed');
  const spec = fieldSpec(root, key);
  if (!spec) return deny('unknown-path', `"${key}" is not a field of ${root}`);
  if ((rootSpec.kind === 'settings') !== (entityId === null)) return deny('unknown-path', 'wrong place for this field');
  if (spec.kind === 'plain' && spec.immutable) return deny('immutable', `"${key}" is set once, when created`);
  const locked = lockedDecision(state, root, entityId);
  if (locked) return locked;
  return writerAllows(state, actor, spec.writer, root, entityId, key);
}

/** May the actor create (or remove) an entity of this root? The UI asks this before offering the button. */
export function mayCreate(state: RuleState, actor: Actor, root: RootName): Decision {
  const reader = readerDecision(state, actor);
  if (reader) return reader;
  const rootSpec = SCHEMA[root];
  if (rootSpec.kind === 'settings') return deny('unknown-path', 'the tafel settings are not a list');
  return entityRuleAllows(state, actor, rootSpec.create, root, '');
}

export function mayRemove(state: RuleState, actor: Actor, root: RootName, entityId: string): Decision {
  return decide(state, actor, { op: 'deleteEntity', root, entityId });
}

/** A vastgestelde rapportage (see lockedWhen in the schema) never changes again. */
function lockedDecision(state: RuleState, root: RootName, entityId: string | null): Decision | null {
  const spec: RootSpec = SCHEMA[root];
  if (spec.kind !== 'entities' || !spec.lockedWhen || entityId === null) return null;
  return state.fieldValue(root, entityId, spec.lockedWhen.key) === spec.lockedWhen.value
    ? deny('frozen', 'this is vastgesteld and never changes')
    : null;
}

/** Withdrawing a frozen entry: only where the schema allows it, by the chair, within its term, by the clock. */
function withdrawDecision(state: RuleState, actor: Actor, root: RootName, entityId: string): Decision {
  const spec: RootSpec = SCHEMA[root];
  const term = spec.kind === 'frozen' ? spec.withdrawWithinMs : undefined;
  if (term === undefined) return deny('frozen', 'a frozen entry is never changed or removed');
  if (!isChair(actor)) return deny('not-owner', 'only the voorzitter or secretaris may withdraw this');
  const since = state.clock?.frozenSince(root, entityId);
  if (!state.clock || since === undefined || state.clock.now - since > term) {
    return deny('frozen', 'the term to withdraw this has passed; it never changes now');
  }
  return OK;
}

/** A frozen entry whose key must follow from its value, and whose date may not lie ahead. */
function frozenKeyDecision(state: RuleState, root: RootName, entityId: string, stored: unknown): Decision {
  const spec: RootSpec = SCHEMA[root];
  if (spec.kind !== 'frozen') return OK;
  const value = (stored as { v?: unknown } | null)?.v;
  if (spec.keyFor && !spec.keyFor(entityId, value)) return deny('invalid-value', 'this entry is not stored under the key its value gives');
  if (root === 'peildata' && state.clock) {
    // A little slack for time zones: the relay's UTC date may still be yesterday in the Netherlands.
    const uiterste = new Date(state.clock.now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const datum = (value as { datum?: unknown } | null)?.datum;
    if (typeof datum === 'string' && datum > uiterste) return deny('invalid-value', 'a peildatum may not lie in the future');
  }
  return OK;
}

function readerDecision(state: RuleState, actor: Actor): Decision | null {
  if (!isReader(state, actor)) return null;
  return state.partijBloedgroep(actor.partijId) === undefined && actor.rol !== 'gast'
    ? deny('not-a-member', 'your partij is not at this tafel')
    : deny('read-only', 'gasten and adviseurs can only read');
}

/** The one question everything asks: may this actor make this write? */
export function decide(state: RuleState, actor: Actor, intent: WriteIntent): Decision {
  const reader = readerDecision(state, actor);
  if (reader) return reader;
  const rootSpec = SCHEMA[intent.root];
  switch (intent.op) {
    case 'createEntity': {
      if (rootSpec.kind === 'settings') return deny('unknown-path', 'the tafel settings are not a list');
      if (rootSpec.kind === 'frozen') {
        if (state.entityExists(intent.root, intent.entityId)) return deny('frozen', 'a peildatum is never changed');
        const allowed = entityRuleAllows(state, actor, rootSpec.create, intent.root, intent.entityId);
        if (!allowed.ok) return allowed;
        const stored = checkStored(actor, { kind: 'plain', type: rootSpec.type, legacy: (rootSpec as FrozenRootSpec).legacy }, intent.stored);
        return stored.ok ? frozenKeyDecision(state, intent.root, intent.entityId, intent.stored) : stored;
      }
      if (state.entityExists(intent.root, intent.entityId)) return deny('immutable', 'an entity with this id exists already');
      return entityRuleAllows(state, actor, rootSpec.create, intent.root, intent.entityId);
    }
    case 'deleteEntity': {
      if (rootSpec.kind === 'frozen') return withdrawDecision(state, actor, intent.root, intent.entityId);
      if (rootSpec.kind === 'settings') return deny('unknown-path', 'the tafel settings are not a list');
      return lockedDecision(state, intent.root, intent.entityId) ?? entityRuleAllows(state, actor, rootSpec.remove, intent.root, intent.entityId);
    }
    case 'setField':
    case 'deleteField':
    case 'editRichText': {
      if (rootSpec.kind === 'frozen') return deny('frozen', 'a peildatum is never changed');
      const spec = fieldSpec(intent.root, intent.key);
      if (!spec) return deny('unknown-path', `"${intent.key}" is not a field of ${intent.root}`);
      if ((rootSpec.kind === 'settings') !== (intent.entityId === null)) return deny('unknown-path', 'wrong place for this field');
      const locked = lockedDecision(state, intent.root, intent.entityId);
      if (locked) return locked;
      if (intent.op === 'editRichText') {
        if (spec.kind !== 'richtext') return deny('unsupported-content', `"${intent.key}" is not a rich text`);
        return writerAllows(state, actor, spec.writer, intent.root, intent.entityId, intent.key);
      }
      if (spec.kind === 'richtext') {
        // The text itself comes with its entity; later it is only edited inside.
        return intent.op === 'setField' && intent.creating
          ? OK
          : deny('immutable', 'a rich text is created with its entity and only edited inside');
      }
      const creating = intent.op === 'setField' && intent.creating;
      if (spec.immutable && !creating) return deny('immutable', `"${intent.key}" is set once, when created`);
      if (intent.op === 'deleteField' && spec.required) return deny('missing-required', `"${intent.key}" cannot be removed`);
      // The creator of a project names its public owner and fills in its public part at creation,
      // even when that is the chair; checkReferences keeps a non-chair to their own partij.
      const creatorWritesPublic =
        creating && intent.root === 'projecten' && (spec.writer === 'projectPubliek' || intent.key === 'publiekEigenaar');
      // Set-once fields (who raised it, which meeting) are the creator's; checkReferences bounds their values.
      const creatorSetsOnce = creating && spec.immutable === true;
      if (!creatorWritesPublic && !creatorSetsOnce) {
        const allowed = writerAllows(state, actor, spec.writer, intent.root, intent.entityId, intent.key);
        if (!allowed.ok) return allowed;
      }
      if (intent.op === 'deleteField') return OK;
      const stored = checkStored(actor, spec, intent.stored);
      if (!stored.ok) return stored;
      return checkReferences(state, actor, intent.root, intent.key, (intent.stored as { v: unknown }).v);
    }
  }
}

/** Required fields an entity of `root` must get in the change that creates it. */
export function requiredFields(root: RootName): string[] {
  const spec = SCHEMA[root];
  if (spec.kind !== 'entities') return [];
  return Object.entries(spec.fields)
    .filter(([, f]) => f.kind === 'plain' && f.required)
    .map(([k]) => k);
}

/** Rich texts an entity of `root` gets when it is created. */
export function richTextFields(root: RootName): string[] {
  const spec = SCHEMA[root];
  if (spec.kind !== 'entities') return [];
  return Object.entries(spec.fields)
    .filter(([, f]) => f.kind === 'richtext')
    .map(([k]) => k);
}
