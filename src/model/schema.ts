// The shape of a tafel document: every root, every entity field, its value type and which rule
// of the ownership rulebook (src/ownership/rulebook.ts) decides who may write it.
//
// Layout rules that make ownership decidable from the path and races harmless:
// - every root is a Y.Map; entities live under a random id as one Y.Map each;
// - every field is a plain value wrapped in a provenance envelope {v, by, p, at};
// - the only nested shared types are rich texts, created together with their entity by its
//   creator, so two partijen never race to create a shared type under the same key.

import * as v from './values';
import * as mv from './monitorValues';
import type { ValueType } from './values';
import {
  AANWEZIGHEID,
  AFSPRAAK_STATUSSEN,
  BLOEDGROEPEN,
  BOUWSTATUSSEN,
  ESCALATIENIVEAUS,
  FINANCIELE_HAALBAARHEID,
  KNELPUNT_STATUSSEN,
  KOERSOORDELEN,
  VORIGE_NOTULEN,
  OMGEVINGSVERGUNNING,
  PLANSTATUSSEN,
  PLANSTATUSSEN_V1,
  PLANTYPES,
  PROJECT_KNELPUNTEN,
  PROJECTFASEN,
  RAPPORTAGE_STATUSSEN,
  ROLLEN,
  SEGMENTEN,
  THEMAS,
  VERGADERSTATUSSEN,
  VERTROUWELIJKHEDEN,
  WONINGTYPES,
} from './vocabulary';
import {
  BEZORGING,
  ESCALATIE_DYNAMIC,
  ESCALATIE_FIELDS,
  KOPPELING_FIELDS,
  LID_NETWERK_FIELDS,
  ONTVANGEN_ESCALATIE_FIELDS,
  ONTVANGEN_RAPPORTAGE_FIELDS,
  TAFEL_NETWERK_FIELDS,
} from './netwerkSchema';

export const SCHEMA_VERSION = 2;

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
 * - rapportageKernteam: the chair or a lid the chair named in the rapportage's kernteam
 * - partijLeden: leden of the partij the entity is (a partij's own settings, e.g. its import mappings)
 * - iedereen: every lid who may write at all (not gast, not adviseur)
 * - relay: nobody but the relay, which carries it from another tafel (docs/network.md)
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
  | 'rapportageKernteam'
  | 'partijLeden'
  | 'iedereen'
  | 'relay';

export interface PlainFieldSpec {
  readonly kind: 'plain';
  readonly type: ValueType;
  readonly writer: WriterRule;
  /** Set only when the entity is created; never changed afterwards. */
  readonly immutable?: boolean;
  /** Must be set in the same change that creates the entity. */
  readonly required?: boolean;
  /**
   * The type this field had in the previous schema version. A value that fails `type` but passes
   * this one comes from an app that has not been updated: the relay says so (code outdated-client).
   */
  readonly legacy?: ValueType;
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
export type EntityRule = 'chair' | 'overheidOfChair' | 'iedereen' | 'projectEigenaar' | 'agendapuntIndiener' | 'nobody' | 'relay';

export interface EntityRootSpec {
  readonly kind: 'entities';
  readonly create: EntityRule;
  readonly remove: EntityRule;
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly dynamic?: readonly DynamicFieldSpec[];
  /** Once field `key` holds `value` (a vastgestelde rapportage), nothing of the entity changes any more. */
  readonly lockedWhen?: { readonly key: string; readonly value: string };
}

/** A root whose entries are single frozen plain values (peildata). */
export interface FrozenRootSpec {
  readonly kind: 'frozen';
  readonly create: EntityRule;
  readonly type: ValueType;
  /** The type in the previous schema version (see PlainFieldSpec.legacy). */
  readonly legacy?: ValueType;
  /**
   * The key an entry must be stored under, given its value; null when the value allows none.
   * Entries whose key follows from their meaning (a peildatum's date, a besluit's number) cannot
   * exist twice: a second creation under the same key is refused like any change to a frozen entry.
   */
  readonly keyFor?: (id: string, value: unknown) => boolean;
  /** The chair may withdraw an entry within this many milliseconds of the relay accepting it. */
  readonly withdrawWithinMs?: number;
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

/** Characters of a name or title, and of a short text (forms show and check it before writing). */
export const NAAM_MAX = 200;
/** Characters of a besluit or of what an afspraak says. */
export const AFSPRAAK_MAX = 2000;

const NAAM = v.text(NAAM_MAX, { minLength: 1 });
const KORT = v.text(NAAM_MAX);
const LANG = v.text(20_000);

export const TAFEL_FIELDS = {
  schemaVersion: plain(v.integerBetween(1, 1000), 'system'),
  naam: plain(NAAM, 'chair'),
  regio: plain(KORT, 'chair'),
  woondealDoelen: plain(v.doelenPerJaarschijf, 'chair'),
  realisatiekansen: plain(v.probabilities(PLANSTATUSSEN), 'chair', { legacy: v.probabilities(PLANSTATUSSEN_V1) }),
  prijsgrenzen: plain(mv.prijsgrenzenPerJaar, 'chair'),
  rodeDraadDrempel: plain(v.integerBetween(2, 50), 'chair'),
  ...TAFEL_NETWERK_FIELDS,
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
  ...LID_NETWERK_FIELDS,
} satisfies Record<string, FieldSpec>;

const BELEMMERINGEN = v.textList(20, 100);

export const PROJECT_PUBLIEK_FIELDS = {
  naam: plain(NAAM, 'projectPubliek', { required: true }),
  gemeente: plain(KORT, 'projectPubliek'),
  locatie: plain(KORT, 'projectPubliek'),
  planstatus: plain(v.oneOf(PLANSTATUSSEN), 'projectPubliek', { legacy: v.oneOf(PLANSTATUSSEN_V1) }),
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
  // Schema version 2: the monitors' vocabulary (../shared/domain.md, "The monitors tables already keep").
  projectfase: plain(v.oneOf(PROJECTFASEN, { nullable: true }), 'projectPubliek'),
  plantype: plain(v.oneOf(PLANTYPES, { nullable: true }), 'projectPubliek'),
  knelpunten: plain(mv.subsetOf(PROJECT_KNELPUNTEN), 'projectPubliek'),
  realisatiekans: plain(mv.kansOfNull, 'projectPubliek'),
  sleutelproject: plain(v.bool, 'projectPubliek'),
  vertrouwelijkheid: plain(v.oneOf(VERTROUWELIJKHEDEN, { nullable: true }), 'projectPubliek'),
  cbsGemeentecode: plain(mv.cbsGemeentecode, 'projectPubliek'),
  externeIds: plain(mv.externeIds, 'projectPubliek'),
  contour: plain(v.jsonUpTo(400_000, mv.contour), 'projectPubliek'),
  bronwaarden: plain(mv.bronwaarden, 'projectPubliek'),
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
/** The gemeente's planning grid: key "planning.<jaartal>", value woningtype x prijscategorie -> homes. */
export const PLANNING_PREFIX = 'planning.';
/** Comments on a knelpunt: key "reactie.<id>". */
export const REACTIE_PREFIX = 'reactie.';
/**
 * A partij's saved import mappings: key "importKoppeling.<layout>", where <layout> is a short hash
 * of the file's column names (importKoppelingSleutel), so the next file with the same columns, by
 * any lid of that partij on any device or through the CLI, is mapped the same way.
 */
export const IMPORT_KOPPELING_PREFIX = 'importKoppeling.';

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
  startTijd: plain(v.tijd, 'chair'),
  eindTijd: plain(v.tijd, 'chair'),
  /** The approval of the previous meeting's notulen (see readNotulenGoedkeuring). */
  vorigeNotulen: plain(v.oneOf(VORIGE_NOTULEN, { nullable: true }), 'chair'),
} satisfies Record<string, FieldSpec>;

/** Attendance of a meeting: key "aanwezigheid.<lidId>", value aanwezig / afgemeld. */
export const AANWEZIGHEID_PREFIX = 'aanwezigheid.';

/** A besluit taken at a meeting, per agendapunt. Its number lives in besluitnummers. */
export const BESLUIT_FIELDS = {
  vergaderingId: plain(v.idRef(), 'chair', { immutable: true, required: true }),
  agendapuntId: plain(v.idRef({ nullable: true }), 'chair'),
  tekst: plain(v.text(AFSPRAAK_MAX, { minLength: 1 }), 'chair', { required: true }),
} satisfies Record<string, PlainFieldSpec>;

/** A besluit number ("2026-014") is the key of its entry in besluitnummers. */
export const BESLUITNUMMER_PATTERN = /^(\d{4})-(\d{3,5})$/;
export const BESLUITNUMMER_TYPE = v.record({ besluitId: v.idRef(), vergaderingId: v.idRef() });

export const AGENDAPUNT_FIELDS = {
  vergaderingId: plain(v.idRef(), 'agendapuntIndiener', { immutable: true, required: true }),
  voorgesteldDoor: plain(v.idRef(), 'agendapuntIndiener', { immutable: true, required: true }),
  titel: plain(NAAM, 'agendapuntIndiener', { required: true }),
  knelpunten: plain(v.idList(50), 'agendapuntIndiener'),
  projecten: plain(v.idList(50), 'agendapuntIndiener'),
  escalaties: plain(v.idList(50), 'agendapuntIndiener'),
  toelichting: { kind: 'richtext', writer: 'agendapuntIndiener' },
} satisfies Record<string, FieldSpec>;

export const AFSPRAAK_FIELDS = {
  wat: plain(v.text(AFSPRAAK_MAX, { minLength: 1 }), 'chair', { required: true }),
  partijId: plain(v.idRef(), 'chair', { required: true }),
  deadline: plain(v.isoDate({ nullable: true }), 'chair'),
  vergaderingId: plain(v.idRef({ nullable: true }), 'chair'),
  knelpuntId: plain(v.idRef({ nullable: true }), 'chair'),
  escalatieId: plain(v.idRef({ nullable: true }), 'chair'),
  status: plain(v.oneOf(AFSPRAAK_STATUSSEN), 'afspraakPartij', { required: true }),
  voortgang: plain(LANG, 'afspraakPartij'),
} satisfies Record<string, PlainFieldSpec>;

/**
 * One project's state frozen at a peildatum: the fields that analytics and slippage need. A
 * peildatum is never rewritten, so snapshots taken under schema version 1 keep their planstatus;
 * reads map it to the national list (PLANSTATUS_V1_NAAR_V2).
 */
export const PEILDATUM_PROJECT = v.record({
  naam: v.text(200),
  planstatus: v.oneOf([...PLANSTATUSSEN, ...PLANSTATUSSEN_V1], { nullable: true }),
  publiekEigenaar: v.idRef({ nullable: true }),
  privaatEigenaar: v.idRef({ nullable: true }),
  woningen: v.count(10_000_000),
  opleveringen: v.doelenPerJaarschijf,
  /** Since the rapportage: homes per segment, bouwstatus and whether it may be named outside the tafel. */
  segmenten: v.optional(v.record(Object.fromEntries(SEGMENTEN.map((s) => [s, v.count(10_000_000)])))),
  bouwstatus: v.optional(v.oneOf(BOUWSTATUSSEN, { nullable: true })),
  deelbaar: v.optional(v.bool),
});

/** A peildatum is stored under the key its date gives, so one date has one snapshot. */
export function peildatumKey(datum: string): string {
  return `peildatum-${datum}`;
}

/** Peildata can be withdrawn by the chair within a day (a mis-tap); after that never. */
export const PEILDATUM_INTREKTERMIJN_MS = 24 * 60 * 60 * 1000;

const peildatumType = (project: ValueType) => v.jsonUpTo(
  8_000_000,
  v.record({
    datum: v.isoDate(),
    projecten: {
      describe: `object: project id -> ${project.describe}`,
      check: (x) => {
        const err = v.anyObject.check(x);
        if (err) return err;
        for (const [id, p] of Object.entries(x as Record<string, unknown>)) {
          if (!v.isId(id)) return v.problem('not-allowed', `"${id}" is not a project id`);
          const e = project.check(p);
          if (e) return v.within(`project ${id}`, e);
        }
        return null;
      },
    },
  }),
);
export const PEILDATUM_TYPE = peildatumType(PEILDATUM_PROJECT);

/**
 * A removed lid's name, frozen under their lid id: what they wrote stays, and provenance lines
 * (which name the lid by id) keep saying who wrote it.
 */
export const OUD_LID_TYPE = v.record({ naam: NAAM });

/** The narrative sections of a rapportage, each a rich text the kernteam co-edits. */
export const RAPPORTAGE_TEKSTEN = ['samenvatting', 'productie', 'slippage', 'knelpunten', 'besluiten', 'ontsloten', 'vragen'] as const;
export type RapportageTekst = (typeof RAPPORTAGE_TEKSTEN)[number];

export const RAPPORTAGE_FIELDS = {
  periode: plain(v.halfjaar, 'chair', { immutable: true, required: true }),
  peildatumId: plain(v.idRef(), 'chair', { immutable: true, required: true }),
  /** The figures of every section as generated at the start: frozen with the report. */
  cijfers: plain(v.jsonUpTo(2_000_000, v.anyObject), 'chair', { immutable: true, required: true }),
  status: plain(v.oneOf(RAPPORTAGE_STATUSSEN), 'chair', { required: true }),
  vastgesteldOp: plain(v.isoDate({ nullable: true }), 'chair'),
  kernteam: plain(v.idList(30), 'chair'),
  koersoordeel: plain(v.oneOf(KOERSOORDELEN, { nullable: true }), 'rapportageKernteam'),
  /** Whether the vastgestelde rapportage's summary reached the landelijke tafel (docs/network.md). */
  bezorging: plain(BEZORGING, 'relay'),
  ...(Object.fromEntries(RAPPORTAGE_TEKSTEN.map((k) => [k, { kind: 'richtext', writer: 'rapportageKernteam' }])) as Record<
    RapportageTekst,
    RichTextSpec
  >),
} satisfies Record<string, FieldSpec>;

export const SCHEMA = {
  tafel: { kind: 'settings', fields: TAFEL_FIELDS },
  partijen: {
    kind: 'entities',
    create: 'chair',
    remove: 'chair',
    fields: PARTIJ_FIELDS,
    dynamic: [{ prefix: IMPORT_KOPPELING_PREFIX, suffix: (rest) => /^[a-z0-9]{4,16}$/.test(rest), field: plain(mv.importKoppeling, 'partijLeden') }],
  },
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
      {
        prefix: PLANNING_PREFIX,
        suffix: (rest) => /^\d{4}$/.test(rest) && v.isJaarschijf(Number(rest)),
        field: plain(mv.planningJaar, 'projectPubliek'),
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
  vergaderingen: {
    kind: 'entities',
    create: 'chair',
    remove: 'chair',
    fields: VERGADERING_FIELDS,
    dynamic: [{ prefix: AANWEZIGHEID_PREFIX, suffix: v.isId, field: plain(v.oneOf(AANWEZIGHEID, { nullable: true }), 'chair') }],
  },
  agendapunten: { kind: 'entities', create: 'iedereen', remove: 'agendapuntIndiener', fields: AGENDAPUNT_FIELDS },
  afspraken: { kind: 'entities', create: 'chair', remove: 'chair', fields: AFSPRAAK_FIELDS },
  peildata: {
    kind: 'frozen',
    create: 'chair',
    type: PEILDATUM_TYPE,
    keyFor: (id, value) => {
      const datum = (value as { datum?: unknown } | null)?.datum;
      return typeof datum === 'string' && id === peildatumKey(datum);
    },
    withdrawWithinMs: PEILDATUM_INTREKTERMIJN_MS,
  },
  oudLeden: { kind: 'frozen', create: 'chair', type: OUD_LID_TYPE },
  koppelingen: { kind: 'entities', create: 'relay', remove: 'nobody', fields: KOPPELING_FIELDS },
  escalaties: { kind: 'entities', create: 'chair', remove: 'nobody', fields: ESCALATIE_FIELDS, dynamic: ESCALATIE_DYNAMIC },
  ontvangenEscalaties: { kind: 'entities', create: 'relay', remove: 'nobody', fields: ONTVANGEN_ESCALATIE_FIELDS, dynamic: ESCALATIE_DYNAMIC },
  ontvangenRapportages: { kind: 'entities', create: 'relay', remove: 'nobody', fields: ONTVANGEN_RAPPORTAGE_FIELDS },
  besluiten: { kind: 'entities', create: 'chair', remove: 'chair', fields: BESLUIT_FIELDS },
  besluitnummers: { kind: 'frozen', create: 'chair', type: BESLUITNUMMER_TYPE, keyFor: (id) => BESLUITNUMMER_PATTERN.test(id) },
  rapportages: {
    kind: 'entities',
    create: 'chair',
    remove: 'chair',
    fields: RAPPORTAGE_FIELDS,
    dynamic: [
      {
        prefix: REACTIE_PREFIX,
        suffix: v.isId,
        field: plain(v.record({ tekst: v.text(5000, { minLength: 1 }) }), 'reactieAuteur'),
      },
    ],
    lockedWhen: { key: 'status', value: 'vastgesteld' },
  },
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
/** Provenance of the values the relay carries from another tafel (writer rule "relay"). */
export const RELAY_AUTHOR = 'relay';

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
