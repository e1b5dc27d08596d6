// Typed reads: the document as plain, frozen objects for the UI and analytics. Values that are
// unset or (in an old or damaged document) not of their type read as their empty default, so the
// UI never has to render garbage.

import * as Y from 'yjs';
import { root } from './doc';
import {
  fieldSpec,
  isEnvelope,
  OPLEVERING_PREFIX,
  PLANNING_PREFIX,
  REACTIE_PREFIX,
  type Envelope,
  type RootName,
} from './schema';
import {
  DEFAULT_REALISATIEKANSEN,
  DEFAULT_PRIJSGRENZEN,
  DEFAULT_RODE_DRAAD_DREMPEL,
  PLANSTATUS_V1_NAAR_V2,
  PLANSTATUSSEN_V1,
  type AfspraakStatus,
  type Bloedgroep,
  type Bouwstatus,
  type Escalatieniveau,
  type FinancieleHaalbaarheid,
  type KnelpuntStatus,
  type Omgevingsvergunning,
  type Planstatus,
  type PlanstatusV1,
  type Plantype,
  type Prijsgrenzen,
  type ProjectKnelpunt,
  type Projectfase,
  type Rol,
  type Segment,
  type Thema,
  type Vergaderstatus,
  type Vertrouwelijkheid,
  type Woningtype,
} from './vocabulary';
import type { Contour, ExternId } from './monitorValues';
import type { Landsdeel } from './netwerk';

/** Who last wrote a field, and when. */
export interface Provenance {
  readonly by: string;
  readonly p: string;
  readonly at: number;
}

export type ProvenanceMap = Readonly<Record<string, Provenance>>;

export interface Fields {
  readonly get: <T>(key: string, fallback: T) => T;
  readonly provenance: ProvenanceMap;
  readonly keys: readonly string[];
}

/** Reads the envelopes of one map, checking each value against the schema. */
export function fieldsOf(rootName: RootName, map: Y.Map<unknown>): Fields {
  return fieldsFrom(rootName, map.entries());
}

/** The same for envelopes from elsewhere (an entity as it stood on a date, src/model/standOp.ts). */
export function fieldsFrom(rootName: RootName, envelopes: Iterable<[string, unknown]>): Fields {
  const values: Record<string, unknown> = {};
  const provenance: Record<string, Provenance> = {};
  for (const [key, stored] of envelopes) {
    if (!isEnvelope(stored)) continue;
    const spec = fieldSpec(rootName, key);
    if (!spec || spec.kind !== 'plain' || spec.type.check(stored.v) !== null) continue;
    values[key] = stored.v;
    provenance[key] = { by: stored.by, p: stored.p, at: stored.at };
  }
  return {
    get: <T,>(key: string, fallback: T) => (key in values ? (values[key] as T) : fallback),
    provenance: Object.freeze(provenance),
    keys: Object.keys(values),
  };
}

export function entities<T>(doc: Y.Doc, rootName: RootName, build: (id: string, f: Fields, map: Y.Map<unknown>) => T): T[] {
  const out: T[] = [];
  for (const [id, map] of root(doc, rootName).entries()) {
    if (map instanceof Y.Map) out.push(Object.freeze(build(id, fieldsOf(rootName, map), map)));
  }
  return out;
}

export function entity<T>(doc: Y.Doc, rootName: RootName, id: string, build: (id: string, f: Fields, map: Y.Map<unknown>) => T): T | undefined {
  const map = root(doc, rootName).get(id);
  return map instanceof Y.Map ? Object.freeze(build(id, fieldsOf(rootName, map), map)) : undefined;
}

export interface TafelInstellingen {
  readonly schemaVersion: number;
  readonly naam: string;
  readonly regio: string;
  readonly woondealDoelen: Readonly<Record<string, number>>;
  readonly realisatiekansen: Readonly<Record<Planstatus, number>>;
  readonly rodeDraadDrempel: number;
  /** Price category boundaries per year (see prijsgrenzenVoor). */
  readonly prijsgrenzen: Readonly<Record<string, Prijsgrenzen>>;
  readonly provenance: ProvenanceMap;
}

export function readTafel(doc: Y.Doc): TafelInstellingen {
  const f = fieldsOf('tafel', root(doc, 'tafel'));
  return Object.freeze({
    schemaVersion: f.get('schemaVersion', 0),
    naam: f.get('naam', ''),
    regio: f.get('regio', ''),
    woondealDoelen: f.get('woondealDoelen', {}),
    realisatiekansen: f.get('realisatiekansen', DEFAULT_REALISATIEKANSEN),
    rodeDraadDrempel: f.get('rodeDraadDrempel', DEFAULT_RODE_DRAAD_DREMPEL),
    prijsgrenzen: f.get('prijsgrenzen', DEFAULT_PRIJSGRENZEN),
    provenance: f.provenance,
  });
}

export interface Partij {
  readonly id: string;
  readonly naam: string;
  readonly bloedgroep: Bloedgroep;
  readonly provenance: ProvenanceMap;
}

const buildPartij = (id: string, f: Fields): Partij => ({
  id,
  naam: f.get('naam', ''),
  bloedgroep: f.get('bloedgroep', 'adviseur'),
  provenance: f.provenance,
});
export const readPartijen = (doc: Y.Doc): Partij[] => entities(doc, 'partijen', buildPartij);
export const readPartij = (doc: Y.Doc, id: string): Partij | undefined => entity(doc, 'partijen', id, buildPartij);

export interface Lid {
  readonly id: string;
  readonly naam: string;
  readonly partijId: string;
  readonly rol: Rol;
  readonly functie: string;
  /** At the landelijke tafel: the landsdeel this lid is the contact for. */
  readonly landsdeel: Landsdeel | null;
  readonly provenance: ProvenanceMap;
}

const buildLid = (id: string, f: Fields): Lid => ({
  id,
  naam: f.get('naam', ''),
  partijId: f.get('partijId', ''),
  rol: f.get('rol', 'gast'),
  functie: f.get('functie', ''),
  landsdeel: f.get('landsdeel', null),
  provenance: f.provenance,
});
export const readLeden = (doc: Y.Doc): Lid[] => entities(doc, 'leden', buildLid);
export const readLid = (doc: Y.Doc, id: string): Lid | undefined => entity(doc, 'leden', id, buildLid);

export interface Project {
  readonly id: string;
  readonly publiekEigenaar: string;
  readonly privaatEigenaar: string | null;
  readonly naam: string;
  readonly gemeente: string;
  readonly locatie: string;
  readonly planstatus: Planstatus | null;
  readonly omgevingsvergunning: Omgevingsvergunning | null;
  readonly novex: boolean;
  readonly woningenSocialeHuur: number;
  readonly woningenMiddenhuur: number;
  readonly woningenBetaalbareKoop: number;
  readonly woningenVrijeSectorHuur: number;
  readonly woningenVrijeSectorKoop: number;
  readonly woningtype: Woningtype | null;
  readonly publiekeBelemmeringen: readonly string[];
  readonly publiekeOpmerkingen: string;
  readonly projectfase: Projectfase | null;
  readonly plantype: Plantype | null;
  /** The monitors' knelpunten of this plan (multi-select), not the tafel's knelpunten register. */
  readonly knelpunten: readonly ProjectKnelpunt[];
  /** Overrides the tafel's realisatiekans for the planstatus; null: use the tafel's. */
  readonly realisatiekans: number | null;
  readonly sleutelproject: boolean;
  readonly vertrouwelijkheid: Vertrouwelijkheid | null;
  readonly cbsGemeentecode: string | null;
  readonly externeIds: readonly ExternId[];
  readonly contour: Contour | null;
  /** Original values from a source file or an older schema, as written there. */
  readonly bronwaarden: Readonly<Record<string, string>>;
  /** The gemeente's planning grid per jaartal: cell ("meergezins.huur1", "sloop") -> homes. */
  readonly planning: Readonly<Record<number, Readonly<Record<string, number>>>>;
  readonly startBouw: string | null;
  readonly startVerkoop: string | null;
  readonly financieleHaalbaarheid: FinancieleHaalbaarheid | null;
  readonly bouwstatus: Bouwstatus | null;
  readonly privateBelemmeringen: readonly string[];
  readonly privateOpmerkingen: string;
  /** Planned homes per jaarschijf. */
  readonly opleveringen: Readonly<Record<number, number>>;
  readonly provenance: ProvenanceMap;
}

export function buildProject(id: string, f: Fields): Project {
  const opleveringen: Record<number, number> = {};
  const planning: Record<number, Record<string, number>> = {};
  for (const key of f.keys) {
    if (key.startsWith(OPLEVERING_PREFIX)) opleveringen[Number(key.slice(OPLEVERING_PREFIX.length))] = f.get(key, 0);
    else if (key.startsWith(PLANNING_PREFIX)) planning[Number(key.slice(PLANNING_PREFIX.length))] = f.get(key, {});
  }
  return {
    id,
    publiekEigenaar: f.get('publiekEigenaar', ''),
    privaatEigenaar: f.get('privaatEigenaar', null),
    naam: f.get('naam', ''),
    gemeente: f.get('gemeente', ''),
    locatie: f.get('locatie', ''),
    planstatus: f.get('planstatus', null),
    omgevingsvergunning: f.get('omgevingsvergunning', null),
    novex: f.get('novex', false),
    woningenSocialeHuur: f.get('woningenSocialeHuur', 0),
    woningenMiddenhuur: f.get('woningenMiddenhuur', 0),
    woningenBetaalbareKoop: f.get('woningenBetaalbareKoop', 0),
    woningenVrijeSectorHuur: f.get('woningenVrijeSectorHuur', 0),
    woningenVrijeSectorKoop: f.get('woningenVrijeSectorKoop', 0),
    woningtype: f.get('woningtype', null),
    publiekeBelemmeringen: f.get('publiekeBelemmeringen', []),
    publiekeOpmerkingen: f.get('publiekeOpmerkingen', ''),
    projectfase: f.get('projectfase', null),
    plantype: f.get('plantype', null),
    knelpunten: f.get('knelpunten', []),
    realisatiekans: f.get('realisatiekans', null),
    sleutelproject: f.get('sleutelproject', false),
    vertrouwelijkheid: f.get('vertrouwelijkheid', null),
    cbsGemeentecode: f.get('cbsGemeentecode', null),
    externeIds: f.get('externeIds', []),
    contour: f.get('contour', null),
    bronwaarden: f.get('bronwaarden', {}),
    planning: Object.freeze(planning),
    startBouw: f.get('startBouw', null),
    startVerkoop: f.get('startVerkoop', null),
    financieleHaalbaarheid: f.get('financieleHaalbaarheid', null),
    bouwstatus: f.get('bouwstatus', null),
    privateBelemmeringen: f.get('privateBelemmeringen', []),
    privateOpmerkingen: f.get('privateOpmerkingen', ''),
    opleveringen: Object.freeze(opleveringen),
    provenance: f.provenance,
  };
}
export const readProjecten = (doc: Y.Doc): Project[] => entities(doc, 'projecten', buildProject);
export const readProject = (doc: Y.Doc, id: string): Project | undefined => entity(doc, 'projecten', id, buildProject);

/** Total planned homes of a project over all segments. */
export function totaalWoningen(p: Project): number {
  return (
    p.woningenSocialeHuur + p.woningenMiddenhuur + p.woningenBetaalbareKoop + p.woningenVrijeSectorHuur + p.woningenVrijeSectorKoop
  );
}

export interface Reactie {
  readonly id: string;
  readonly tekst: string;
  readonly by: string;
  readonly p: string;
  readonly at: number;
}

export interface Knelpunt {
  readonly id: string;
  readonly ingediendDoor: string;
  readonly titel: string;
  readonly beschrijving: string;
  readonly thema: Thema | null;
  readonly projecten: readonly string[];
  readonly status: KnelpuntStatus;
  readonly escalatie: Escalatieniveau;
  /** Oldest first. */
  readonly reacties: readonly Reactie[];
  readonly provenance: ProvenanceMap;
}

export function buildKnelpunt(id: string, f: Fields): Knelpunt {
  const reacties: Reactie[] = [];
  for (const key of f.keys) {
    if (!key.startsWith(REACTIE_PREFIX)) continue;
    const prov = f.provenance[key];
    if (prov) reacties.push({ id: key.slice(REACTIE_PREFIX.length), tekst: f.get(key, { tekst: '' }).tekst, ...prov });
  }
  reacties.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return {
    id,
    ingediendDoor: f.get('ingediendDoor', ''),
    titel: f.get('titel', ''),
    beschrijving: f.get('beschrijving', ''),
    thema: f.get('thema', null),
    projecten: f.get('projecten', []),
    status: f.get('status', 'gesignaleerd'),
    escalatie: f.get('escalatie', 'tafel'),
    reacties,
    provenance: f.provenance,
  };
}
export const readKnelpunten = (doc: Y.Doc): Knelpunt[] => entities(doc, 'knelpunten', buildKnelpunt);
export const readKnelpunt = (doc: Y.Doc, id: string): Knelpunt | undefined => entity(doc, 'knelpunten', id, buildKnelpunt);

export interface Vergadering {
  readonly id: string;
  readonly titel: string;
  readonly datum: string;
  readonly locatie: string;
  readonly status: Vergaderstatus;
  readonly agendaVolgorde: readonly string[];
  readonly agendaVastgesteld: boolean;
  readonly provenance: ProvenanceMap;
}

const buildVergadering = (id: string, f: Fields): Vergadering => ({
  id,
  titel: f.get('titel', ''),
  datum: f.get('datum', ''),
  locatie: f.get('locatie', ''),
  status: f.get('status', 'gepland'),
  agendaVolgorde: f.get('agendaVolgorde', []),
  agendaVastgesteld: f.get('agendaVastgesteld', false),
  provenance: f.provenance,
});
/** Meetings, earliest first. */
export const readVergaderingen = (doc: Y.Doc): Vergadering[] =>
  entities(doc, 'vergaderingen', buildVergadering).sort((a, b) => a.datum.localeCompare(b.datum));
export const readVergadering = (doc: Y.Doc, id: string): Vergadering | undefined => entity(doc, 'vergaderingen', id, buildVergadering);

export interface Agendapunt {
  readonly id: string;
  readonly vergaderingId: string;
  readonly voorgesteldDoor: string;
  readonly titel: string;
  readonly knelpunten: readonly string[];
  readonly projecten: readonly string[];
  readonly provenance: ProvenanceMap;
}

const buildAgendapunt = (id: string, f: Fields): Agendapunt => ({
  id,
  vergaderingId: f.get('vergaderingId', ''),
  voorgesteldDoor: f.get('voorgesteldDoor', ''),
  titel: f.get('titel', ''),
  knelpunten: f.get('knelpunten', []),
  projecten: f.get('projecten', []),
  provenance: f.provenance,
});
export const readAgendapunt = (doc: Y.Doc, id: string): Agendapunt | undefined => entity(doc, 'agendapunten', id, buildAgendapunt);

/** A meeting's agenda: the chair's order first, then items not yet ordered, oldest proposal first. */
export function readAgenda(doc: Y.Doc, vergaderingId: string): Agendapunt[] {
  const items = entities(doc, 'agendapunten', buildAgendapunt).filter((a) => a.vergaderingId === vergaderingId);
  const order = readVergadering(doc, vergaderingId)?.agendaVolgorde ?? [];
  const rank = (a: Agendapunt) => {
    const i = order.indexOf(a.id);
    return i === -1 ? order.length : i;
  };
  return items.sort((a, b) => rank(a) - rank(b) || (a.provenance.titel?.at ?? 0) - (b.provenance.titel?.at ?? 0));
}

export interface Afspraak {
  readonly id: string;
  readonly wat: string;
  readonly partijId: string;
  readonly deadline: string | null;
  readonly vergaderingId: string | null;
  readonly knelpuntId: string | null;
  /** At the landelijke tafel: the received escalation this afspraak is about. */
  readonly escalatieId: string | null;
  readonly status: AfspraakStatus;
  readonly voortgang: string;
  readonly provenance: ProvenanceMap;
}

const buildAfspraak = (id: string, f: Fields): Afspraak => ({
  id,
  wat: f.get('wat', ''),
  partijId: f.get('partijId', ''),
  deadline: f.get('deadline', null),
  vergaderingId: f.get('vergaderingId', null),
  knelpuntId: f.get('knelpuntId', null),
  escalatieId: f.get('escalatieId', null),
  status: f.get('status', 'open'),
  voortgang: f.get('voortgang', ''),
  provenance: f.provenance,
});
export const readAfspraken = (doc: Y.Doc): Afspraak[] => entities(doc, 'afspraken', buildAfspraak);
export const readAfspraak = (doc: Y.Doc, id: string): Afspraak | undefined => entity(doc, 'afspraken', id, buildAfspraak);

export interface PeildatumProject {
  readonly naam: string;
  readonly planstatus: Planstatus | null;
  readonly publiekEigenaar: string | null;
  readonly privaatEigenaar: string | null;
  readonly woningen: number;
  readonly opleveringen: Readonly<Record<string, number>>;
  /** Absent in snapshots made before the rapportage existed. */
  readonly segmenten?: Readonly<Record<Segment, number>>;
  readonly bouwstatus?: Bouwstatus | null;
  readonly deelbaar?: boolean;
}

export interface Peildatum {
  readonly id: string;
  readonly datum: string;
  readonly projecten: Readonly<Record<string, PeildatumProject>>;
  readonly provenance: Provenance;
}

/** Names of removed leden by lid id (see removeLid), for provenance lines of what they wrote. */
export function readOudLeden(doc: Y.Doc): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [id, stored] of root(doc, 'oudLeden').entries()) {
    const naam = isEnvelope(stored) ? (stored.v as { naam?: unknown } | null)?.naam : undefined;
    if (typeof naam === 'string') out.set(id, naam);
  }
  return out;
}

/** A snapshot taken under schema version 1 keeps its old planstatus; read it in the national list. */
function nationaleStatussen(projecten: Record<string, PeildatumProject>): Record<string, PeildatumProject> {
  const old = (s: unknown): s is PlanstatusV1 => (PLANSTATUSSEN_V1 as readonly unknown[]).includes(s);
  if (!Object.values(projecten).some((p) => old(p.planstatus))) return projecten;
  return Object.fromEntries(
    Object.entries(projecten).map(([id, p]) => [id, old(p.planstatus) ? { ...p, planstatus: PLANSTATUS_V1_NAAR_V2[p.planstatus] } : p]),
  );
}

/** Frozen monitor snapshots, oldest first. */
export function readPeildata(doc: Y.Doc): Peildatum[] {
  const out: Peildatum[] = [];
  for (const [id, stored] of root(doc, 'peildata').entries()) {
    if (!isEnvelope(stored)) continue;
    const e = stored as Envelope<{ datum: string; projecten: Record<string, PeildatumProject> }>;
    if (typeof e.v?.datum !== 'string') continue;
    out.push(Object.freeze({ id, datum: e.v.datum, projecten: nationaleStatussen(e.v.projecten), provenance: { by: e.by, p: e.p, at: e.at } }));
  }
  return out.sort((a, b) => a.datum.localeCompare(b.datum));
}
