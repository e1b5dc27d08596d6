// The shape of a tafel document: every root, every entity field, its value type and which rule
// of the ownership rulebook (src/ownership/rulebook.ts) decides who may write it.
//
// Layout rules that make ownership decidable from the path and races harmless:
// - every root is a Y.Map; entities live under a random id as one Y.Map each;
// - every field is a plain value wrapped in a provenance envelope {v, by, p, at};
// - the only nested shared types are rich texts, created together with their entity by its
//   creator, so two partijen never race to create a shared type under the same key.

import * as v from './values';
import type { ValueType } from './values';
import {
  AFSPRAAK_STATUSSEN,
  BLOEDGROEPEN,
  BOUWSTATUSSEN,
  ESCALATIENIVEAUS,
  FINANCIELE_HAALBAARHEID,
  KNELPUNT_STATUSSEN,
  OMGEVINGSVERGUNNING,
  PLANSTATUSSEN,
  ROLLEN,
  THEMAS,
  VERGADERSTATUSSEN,
  WONINGTYPES,
} from './vocabulary';

export const SCHEMA_VERSION = 1;

/**
 * Names of the writer rules. Their meaning lives in one place: src/ownership/rulebook.ts.
 * - system: nobody through the relay (written when the relay creates the tafel)
 * - chair: voorzitter or secretaris
 * - projectPubliek / projectPrivaat: leden of the project's public / private owner partij
 * - eigenaarPrivaat: the chair or the public owner partij
 * - knelpuntIndiener: the partij that raised the knelpunt
 * - knelpuntStatus: the raising partij or the chair
 * - reactieAuteur: anyone may add; only the author lid may change or remove
 * - agendapuntIndiener: the proposing partij or the chair
 * - afspraakPartij: the assigned partij or the chair
 * - iedereen: every lid who may write at all (not gast, not adviseur)
 */
export type WriterRule =
  | 'system'
  | 'chair'
  | 'projectPubliek'
  | 'projectPrivaat'
  | 'eigenaarPrivaat'
  | 'knelpuntIndiener'
  | 'knelpuntStatus'
  | 'reactieAuteur'
  | 'agendapuntIndiener'
  | 'afspraakPartij'
  | 'iedereen';

export interface PlainFieldSpec {
  readonly kind: 'plain';
  readonly type: ValueType;
  readonly writer: WriterRule;
  /** Set only when the entity is created; never changed afterwards. */
  readonly immutable?: boolean;
  /** Must be set in the same change that creates the entity. */
  readonly required?: boolean;
}

export interface RichTextSpec {
  readonly kind: 'richtext';
  /** Who may edit inside the text (the text itself is created with its entity). */
  readonly writer: WriterRule;
}

export type FieldSpec = PlainFieldSpec | RichTextSpec;

/** Keys made of a prefix and a variable part, e.g. "oplevering.2027" or "reactie.<id>". */
export interface DynamicFieldSpec {
  readonly prefix: string;
  readonly suffix: (rest: string) => boolean;
  readonly field: PlainFieldSpec;
}

/** Who may create or delete an entity of a root (see the rulebook for their meaning). */
export type EntityRule = 'chair' | 'overheidOfChair' | 'iedereen' | 'projectEigenaar' | 'agendapuntIndiener' | 'nobody';

export interface EntityRootSpec {
  readonly kind: 'entities';
  readonly create: EntityRule;
  readonly remove: EntityRule;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly dynamic?: readonly DynamicFieldSpec[];
}

/** A root whose entries are single frozen plain values (peildata). */
export interface FrozenRootSpec {
  readonly kind: 'frozen';
  readonly create: EntityRule;
  readonly type: ValueType;
}

/** A root that is itself one map of fields (the tafel settings). */
export interface SettingsRootSpec {
  readonly kind: 'settings';
  readonly fields: Readonly<Record<string, PlainFieldSpec>>;
}

export type RootSpec = EntityRootSpec | FrozenRootSpec | SettingsRootSpec;

const plain = (type: ValueType, writer: WriterRule, extra: Partial<PlainFieldSpec> = {}): PlainFieldSpec => ({
  kind: 'plain',
  type,
  writer,
  ...extra,
});

const NAAM = v.text(200, { minLength: 1 });
const KORT = v.text(200);
const LANG = v.text(20_000);

export const TAFEL_FIELDS = {
  schemaVersion: plain(v.integerBetween(1, 1000), 'system'),
  naam: plain(NAAM, 'chair'),
  regio: plain(KORT, 'chair'),
  woondealDoelen: plain(v.doelenPerJaarschijf, 'chair'),
  realisatiekansen: plain(v.probabilities(PLANSTATUSSEN), 'chair'),
  rodeDraadDrempel: plain(v.integerBetween(2, 50), 'chair'),
} satisfies Record<string, PlainFieldSpec>;

export const PARTIJ_FIELDS = {
  naam: plain(NAAM, 'chair', { required: true }),
  bloedgroep: plain(v.oneOf(BLOEDGROEPEN), 'chair', { required: true }),
} satisfies Record<string, FieldSpec>;

export const LID_FIELDS = {
  naam: plain(NAAM, 'chair', { required: true }),
  partijId: plain(v.idRef(), 'chair', { required: true }),
  rol: plain(v.oneOf(ROLLEN), 'chair', { required: true }),
  functie: plain(KORT, 'chair'),
} satisfies Record<string, FieldSpec>;

const BELEMMERINGEN = v.textList(20, 100);

export const PROJECT_PUBLIEK_FIELDS = {
  naam: plain(NAAM, 'projectPubliek', { required: true }),
  gemeente: plain(KORT, 'projectPubliek'),
  locatie: plain(KORT, 'projectPubliek'),
  planstatus: plain(v.oneOf(PLANSTATUSSEN), 'projectPubliek'),
  omgevingsvergunning: plain(v.oneOf(OMGEVINGSVERGUNNING), 'projectPubliek'),
  novex: plain(v.bool, 'projectPubliek'),
  woningenSocialeHuur: plain(v.count(), 'projectPubliek'),
  woningenMiddenhuur: plain(v.count(), 'projectPubliek'),
  woningenBetaalbareKoop: plain(v.count(), 'projectPubliek'),
  woningenVrijeSectorHuur: plain(v.count(), 'projectPubliek'),
  woningenVrijeSectorKoop: plain(v.count(), 'projectPubliek'),
  woningtype: plain(v.oneOf(WONINGTYPES, { nullable: true }), 'projectPubliek'),
  publiekeBelemmeringen: plain(BELEMMERINGEN, 'projectPubliek'),
  publiekeOpmerkingen: plain(LANG, 'projectPubliek'),
} satisfies Record<string, PlainFieldSpec>;

export const PROJECT_PRIVAAT_FIELDS = {
  startBouw: plain(v.kwartaal, 'projectPrivaat'),
  startVerkoop: plain(v.kwartaal, 'projectPrivaat'),
  financieleHaalbaarheid: plain(v.oneOf(FINANCIELE_HAALBAARHEID, { nullable: true }), 'projectPrivaat'),
  bouwstatus: plain(v.oneOf(BOUWSTATUSSEN, { nullable: true }), 'projectPrivaat'),
  privateBelemmeringen: plain(BELEMMERINGEN, 'projectPrivaat'),
  privateOpmerkingen: plain(LANG, 'projectPrivaat'),
} satisfies Record<string, PlainFieldSpec>;

export const PROJECT_EIGENAAR_FIELDS = {
  publiekEigenaar: plain(v.idRef(), 'chair', { required: true }),
  privaatEigenaar: plain(v.idRef({ nullable: true }), 'eigenaarPrivaat'),
} satisfies Record<string, PlainFieldSpec>;

/** Planned opleveringen: key "oplevering.<jaarschijf>", value a count of homes. */
export const OPLEVERING_PREFIX = 'oplevering.';
/** Comments on a knelpunt: key "reactie.<id>". */
export const REACTIE_PREFIX = 'reactie.';

export const KNELPUNT_FIELDS = {
  ingediendDoor: plain(v.idRef(), 'knelpuntIndiener', { immutable: true, required: true }),
  titel: plain(NAAM, 'knelpuntIndiener', { required: true }),
  beschrijving: plain(LANG, 'knelpuntIndiener'),
  thema: plain(v.oneOf(THEMAS), 'knelpuntIndiener', { required: true }),
  projecten: plain(v.idList(200), 'knelpuntIndiener'),
  status: plain(v.oneOf(KNELPUNT_STATUSSEN), 'knelpuntStatus', { required: true }),
  escalatie: plain(v.oneOf(ESCALATIENIVEAUS), 'chair'),
} satisfies Record<string, PlainFieldSpec>;

export const VERGADERING_FIELDS = {
  titel: plain(NAAM, 'chair', { required: true }),
  datum: plain(v.isoDate(), 'chair', { required: true }),
  locatie: plain(KORT, 'chair'),
  status: plain(v.oneOf(VERGADERSTATUSSEN), 'chair', { required: true }),
  agendaVolgorde: plain(v.idList(200), 'chair'),
  agendaVastgesteld: plain(v.bool, 'chair'),
  notulen: { kind: 'richtext', writer: 'iedereen' },
} satisfies Record<string, FieldSpec>;

export const AGENDAPUNT_FIELDS = {
  vergaderingId: plain(v.idRef(), 'agendapuntIndiener', { immutable: true, required: true }),
  voorgesteldDoor: plain(v.idRef(), 'agendapuntIndiener', { immutable: true, required: true }),
  titel: plain(NAAM, 'agendapuntIndiener', { required: true }),
  knelpunten: plain(v.idList(50), 'agendapuntIndiener'),
  projecten: plain(v.idList(50), 'agendapuntIndiener'),
  toelichting: { kind: 'richtext', writer: 'agendapuntIndiener' },
} satisfies Record<string, FieldSpec>;

export const AFSPRAAK_FIELDS = {
  wat: plain(v.text(2000, { minLength: 1 }), 'chair', { required: true }),
  partijId: plain(v.idRef(), 'chair', { required: true }),
  deadline: plain(v.isoDate({ nullable: true }), 'chair'),
  vergaderingId: plain(v.idRef({ nullable: true }), 'chair'),
  knelpuntId: plain(v.idRef({ nullable: true }), 'chair'),
  status: plain(v.oneOf(AFSPRAAK_STATUSSEN), 'afspraakPartij', { required: true }),
  voortgang: plain(LANG, 'afspraakPartij'),
} satisfies Record<string, PlainFieldSpec>;

/** One project's state frozen at a peildatum: the fields that analytics and slippage need. */
export const PEILDATUM_PROJECT = v.record({
  naam: v.text(200),
  planstatus: v.oneOf(PLANSTATUSSEN, { nullable: true }),
  publiekEigenaar: v.idRef({ nullable: true }),
  privaatEigenaar: v.idRef({ nullable: true }),
  woningen: v.count(10_000_000),
  opleveringen: v.doelenPerJaarschijf,
});

export const PEILDATUM_TYPE = v.jsonUpTo(
  8_000_000,
  v.record({
    datum: v.isoDate(),
    projecten: {
      describe: `object: project id -> ${PEILDATUM_PROJECT.describe}`,
      check: (x) => {
        const err = v.anyObject.check(x);
        if (err) return err;
        for (const [id, p] of Object.entries(x as Record<string, unknown>)) {
          if (!v.isId(id)) return v.problem('not-allowed', `"${id}" is not a project id`);
          const e = PEILDATUM_PROJECT.check(p);
          if (e) return v.within(`project ${id}`, e);
        }
        return null;
      },
    },
  }),
);

/**
 * A removed lid's name, frozen under their lid id: what they wrote stays, and provenance lines
 * (which name the lid by id) keep saying who wrote it.
 */
export const OUD_LID_TYPE = v.record({ naam: NAAM });

export const SCHEMA = {
  tafel: { kind: 'settings', fields: TAFEL_FIELDS },
  partijen: { kind: 'entities', create: 'chair', remove: 'chair', fields: PARTIJ_FIELDS },
  leden: { kind: 'entities', create: 'chair', remove: 'chair', fields: LID_FIELDS },
  projecten: {
    kind: 'entities',
    create: 'overheidOfChair',
    remove: 'projectEigenaar',
    fields: { ...PROJECT_EIGENAAR_FIELDS, ...PROJECT_PUBLIEK_FIELDS, ...PROJECT_PRIVAAT_FIELDS },
    dynamic: [
      {
        prefix: OPLEVERING_PREFIX,
        suffix: (rest) => /^\d{4}$/.test(rest) && v.isJaarschijf(Number(rest)),
        field: plain(v.count(), 'projectPrivaat'),
      },
    ],
  },
  knelpunten: {
    kind: 'entities',
    create: 'iedereen',
    remove: 'chair',
    fields: KNELPUNT_FIELDS,
    dynamic: [
      {
        prefix: REACTIE_PREFIX,
        suffix: v.isId,
        field: plain(v.record({ tekst: v.text(5000, { minLength: 1 }) }), 'reactieAuteur'),
      },
    ],
  },
  vergaderingen: { kind: 'entities', create: 'chair', remove: 'chair', fields: VERGADERING_FIELDS },
  agendapunten: { kind: 'entities', create: 'iedereen', remove: 'agendapuntIndiener', fields: AGENDAPUNT_FIELDS },
  afspraken: { kind: 'entities', create: 'chair', remove: 'chair', fields: AFSPRAAK_FIELDS },
  peildata: { kind: 'frozen', create: 'chair', type: PEILDATUM_TYPE },
  oudLeden: { kind: 'frozen', create: 'chair', type: OUD_LID_TYPE },
} as const satisfies Record<string, RootSpec>;

export type RootName = keyof typeof SCHEMA;
export const ROOT_NAMES = Object.keys(SCHEMA) as RootName[];
export type EntityRootName = {
  [K in RootName]: (typeof SCHEMA)[K] extends EntityRootSpec ? K : never;
}[RootName];

export function isRootName(name: string): name is RootName {
  return Object.prototype.hasOwnProperty.call(SCHEMA, name);
}

/** The spec of a field of an entity root, including dynamic keys; undefined when not in the schema. */
export function fieldSpec(root: RootName, key: string): FieldSpec | undefined {
  const spec: RootSpec = SCHEMA[root];
  if (spec.kind === 'frozen') return undefined;
  if (Object.prototype.hasOwnProperty.call(spec.fields, key)) return spec.fields[key];
  if (spec.kind === 'entities' && spec.dynamic) {
    for (const d of spec.dynamic) {
      if (key.startsWith(d.prefix) && d.suffix(key.slice(d.prefix.length))) return d.field;
    }
  }
  return undefined;
}

/** Every value a field holds is wrapped with its provenance: which lid, which partij, when. */
export interface Envelope<T = unknown> {
  readonly v: T;
  /** lid id of the writer */
  readonly by: string;
  /** partij id of the writer */
  readonly p: string;
  /** epoch milliseconds at the writer's device */
  readonly at: number;
}

/** Provenance of the values the relay writes itself (tafel creation, demo seed). */
export const SYSTEM_AUTHOR = 'systeem';

export function isEnvelope(x: unknown): x is Envelope {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const keys = Object.keys(x);
  if (keys.length !== 4) return false;
  const e = x as Record<string, unknown>;
  return (
    'v' in e &&
    typeof e.by === 'string' &&
    typeof e.p === 'string' &&
    typeof e.at === 'number' &&
    Number.isFinite(e.at) &&
    e.at >= 0
  );
}
