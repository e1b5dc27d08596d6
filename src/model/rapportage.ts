// The half-yearly rapportage's figures, generated from the tafel as it was on a peildatum and
// frozen with the report (the cijfers field is set once, at the start). Production,
// betaalbaarheid and plancapaciteit come from the peildatum's snapshot; slippage compares it with
// the peildatum of the previous rapportage (or the peildatum before, for the first report);
// knelpunten, escalations, besluiten and afspraken are those of the period up to the peildatum:
// what happened after it (a knelpunt raised or solved, an answer, a meeting) is not in the report,
// also when the chair starts it weeks later.
//
// Vertrouwelijkheid: the report goes to the woondeal partijen. Projects that may not leave the
// tafel (src/model/vertrouwelijkheid.ts) are counted, never named; private parts (a developer's
// opleveringen) appear only summed over projects.

import * as Y from 'yjs';
import { entityMap } from './doc';
import { escalatiesVanKnelpunt, platteTekst, type Bezorging } from './netwerkReads';
import { betaalbaarheid, plancapaciteit, slippage, slippagePerJaarschijf, verwachteProductie, type Betaalbaarheid, type Plancapaciteit } from './analytics';
import { entities, entity, readAfspraken, readKnelpunten, readPartijen, readPeildata, readTafel, readVergaderingen, type Knelpunt, type Peildatum, type PeildatumProject, type Project, type ProvenanceMap, type Reactie } from './reads';
import { RAPPORTAGE_TEKSTEN, REACTIE_PREFIX, type RapportageTekst } from './schema';
import { readBesluiten, vergelijkNummers } from './verslag';
import {
  OPEN_KNELPUNT_STATUSSEN,
  THEMAS,
  type AfspraakStatus,
  type Escalatieniveau,
  type Koersoordeel,
  type KnelpuntStatus,
  type Planstatus,
  type RapportageStatus,
  type Segment,
  type Thema,
} from './vocabulary';

/** "2026-H1" -> its first and last day. */
export function periodeGrenzen(periode: string): { van: string; tot: string } {
  const jaar = periode.slice(0, 4);
  return periode.endsWith('H1') ? { van: `${jaar}-01-01`, tot: `${jaar}-06-30` } : { van: `${jaar}-07-01`, tot: `${jaar}-12-31` };
}

/** The half year a date falls in. */
export function periodeVan(datum: string): string {
  return `${datum.slice(0, 4)}-H${Number(datum.slice(5, 7)) <= 6 ? 1 : 2}`;
}

export interface SlippageRegel {
  /** null: the project may not be named outside the tafel. */
  readonly naam: string | null;
  readonly soort: 'vertraagd' | 'versneld' | 'nieuw' | 'vervallen';
  readonly verschuivingJaren: number;
  readonly woningenVoor: number;
  readonly woningenNa: number;
  readonly themas: readonly Thema[];
}

export interface RapportageCijfers {
  readonly versie: 1;
  readonly tafelNaam: string;
  readonly periode: string;
  readonly van: string;
  readonly tot: string;
  readonly peildatum: string;
  readonly vorigePeildatum: string | null;
  readonly productie: readonly { jaarschijf: number; gepland: number; verwacht: number; doel: number | null }[];
  /** null when the snapshot predates segment counts. */
  readonly betaalbaarheid: Betaalbaarheid | null;
  readonly plancapaciteit: Plancapaciteit & { readonly zachteCapaciteit: number; readonly vanafJaar: number };
  readonly slippage: {
    readonly telling: Readonly<Record<SlippageRegel['soort'] | 'gelijk', number>>;
    readonly perJaarschijf: readonly { jaarschijf: number; voor: number; na: number }[];
    readonly projecten: readonly SlippageRegel[];
    /** Knelpunt themes behind the delayed projects: how many delayed projects each touches. */
    readonly themas: readonly { thema: Thema; projecten: number }[];
  } | null;
  readonly knelpunten: readonly { thema: Thema; nieuw: number; opgelost: number; open: number }[];
  readonly escalaties: readonly { titel: string; thema: Thema | null; niveau: Escalatieniveau; sinds: string; status: KnelpuntStatus; antwoord: string | null }[];
  readonly besluiten: readonly { nummer: string | null; tekst: string; vergadering: string; datum: string }[];
  readonly afspraken: readonly { wat: string; partij: string; deadline: string | null; status: AfspraakStatus }[];
  readonly projecten: {
    readonly genoemd: readonly { naam: string; planstatus: Planstatus | null; woningen: number }[];
    /** Projects that may not leave the tafel: counted, with their homes, not named. */
    readonly nietGedeeld: number;
    readonly nietGedeeldWoningen: number;
    readonly totaal: number;
  };
}

const dag = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));

/** A snapshot's project in the shape the analytics read. */
function alsProject(id: string, p: PeildatumProject): Project {
  const s = p.segmenten;
  return {
    id,
    publiekEigenaar: p.publiekEigenaar ?? '',
    privaatEigenaar: p.privaatEigenaar,
    naam: p.naam,
    gemeente: '',
    locatie: '',
    planstatus: p.planstatus,
    omgevingsvergunning: null,
    novex: false,
    woningenSocialeHuur: s?.['sociale huur'] ?? 0,
    woningenMiddenhuur: s?.middenhuur ?? 0,
    woningenBetaalbareKoop: s?.['betaalbare koop'] ?? 0,
    woningenVrijeSectorHuur: s?.['vrije sector huur'] ?? 0,
    woningenVrijeSectorKoop: s?.['vrije sector koop'] ?? 0,
    woningtype: null,
    publiekeBelemmeringen: [],
    publiekeOpmerkingen: '',
    projectfase: null,
    plantype: null,
    knelpunten: [],
    realisatiekans: null,
    sleutelproject: false,
    vertrouwelijkheid: null,
    cbsGemeentecode: null,
    externeIds: [],
    contour: null,
    bronwaarden: {},
    planning: {},
    startBouw: null,
    startVerkoop: null,
    financieleHaalbaarheid: null,
    bouwstatus: p.bouwstatus ?? null,
    privateBelemmeringen: [],
    privateOpmerkingen: '',
    opleveringen: Object.fromEntries(Object.entries(p.opleveringen).map(([j, n]) => [Number(j), n])),
    provenance: {},
  };
}

/** A snapshot from before segment counts: plan capacity falls back to its total of homes. */
function capaciteitsProject(id: string, p: PeildatumProject): Project {
  const pr = alsProject(id, p);
  return p.segmenten ? pr : { ...pr, woningenVrijeSectorKoop: p.woningen };
}

const deelbaar = (p: PeildatumProject) => p.deelbaar !== false;

export interface RapportageBron {
  readonly periode: string;
  readonly peildatumId: string;
}

/** The peildatum the previous rapportage stood on, or the latest peildatum before this one. */
function vorigePeildatum(doc: Y.Doc, huidig: Peildatum): Peildatum | null {
  const peildata = readPeildata(doc);
  const vorigeRapportage = readRapportages(doc)
    .map((r) => peildata.find((p) => p.id === r.peildatumId))
    .filter((p): p is Peildatum => p !== undefined && p.datum < huidig.datum)
    .sort((a, b) => b.datum.localeCompare(a.datum))[0];
  return vorigeRapportage ?? peildata.filter((p) => p.datum < huidig.datum).at(-1) ?? null;
}

/** Generates every section's figures for a rapportage. Pure over the document. */
export function genereerCijfers(doc: Y.Doc, bron: RapportageBron): RapportageCijfers {
  const peildatum = readPeildata(doc).find((p) => p.id === bron.peildatumId);
  if (!peildatum) throw new Error(`no peildatum ${bron.peildatumId}`);
  const { van, tot } = periodeGrenzen(bron.periode);
  const tafel = readTafel(doc);
  const snapshot = Object.entries(peildatum.projecten);
  const projecten = snapshot.map(([id, p]) => alsProject(id, p));
  const vanafJaar = Number(peildatum.datum.slice(0, 4));

  const productie = verwachteProductie(projecten, tafel);
  const metSegmenten = snapshot.filter(([, p]) => p.segmenten !== undefined);
  const betaalbaar = metSegmenten.length > 0 ? betaalbaarheid(metSegmenten.map(([id, p]) => alsProject(id, p))) : null;
  const capaciteit = plancapaciteit(snapshot.map(([id, p]) => capaciteitsProject(id, p)), tafel.woondealDoelen, vanafJaar);

  const knelpunten = readKnelpunten(doc);
  const vorige = vorigePeildatum(doc, peildatum);
  let slip: RapportageCijfers['slippage'] = null;
  if (vorige) {
    const regels = slippage(vorige.projecten, peildatum.projecten);
    const themasVan = (projectId: string) => [...new Set(knelpunten.filter((k) => k.thema && k.projecten.includes(projectId)).map((k) => k.thema as Thema))];
    const telling = { vertraagd: 0, versneld: 0, gelijk: 0, nieuw: 0, vervallen: 0 };
    for (const r of regels) telling[r.soort]++;
    const themaTelling = new Map<Thema, number>();
    for (const r of regels.filter((x) => x.soort === 'vertraagd')) for (const t of themasVan(r.projectId)) themaTelling.set(t, (themaTelling.get(t) ?? 0) + 1);
    const naamVan = (id: string) => {
      const p = peildatum.projecten[id] ?? vorige.projecten[id];
      return p && deelbaar(p) ? p.naam : null;
    };
    slip = {
      telling,
      perJaarschijf: slippagePerJaarschijf(vorige.projecten, peildatum.projecten),
      projecten: regels
        .filter((r) => r.soort !== 'gelijk')
        .map((r) => ({
          naam: naamVan(r.projectId),
          soort: r.soort as SlippageRegel['soort'],
          verschuivingJaren: Math.round(r.verschuivingJaren * 100) / 100,
          woningenVoor: r.woningenVoor,
          woningenNa: r.woningenNa,
          themas: themasVan(r.projectId),
        })),
      themas: [...themaTelling].map(([thema, n]) => ({ thema, projecten: n })).sort((a, b) => b.projecten - a.projecten || THEMAS.indexOf(a.thema) - THEMAS.indexOf(b.thema)),
    };
  }

  // The period as far as the peildatum: what came later is not in the report.
  const stand = peildatum.datum;
  const eind = stand < tot ? stand : tot;

  // Knelpunten per theme: raised in the period, solved in it, open on the peildatum. A knelpunt
  // closed after the peildatum was still open on it.
  const perThema = new Map<Thema, { nieuw: number; opgelost: number; open: number }>();
  const tel = (t: Thema) => perThema.get(t) ?? perThema.set(t, { nieuw: 0, opgelost: 0, open: 0 }).get(t)!;
  for (const k of knelpunten) {
    if (!k.thema) continue;
    const gemeld = dag(k.provenance.ingediendDoor?.at ?? k.provenance.titel?.at);
    if (gemeld > stand) continue;
    const statusDag = dag(k.provenance.status?.at);
    if (gemeld >= van && gemeld <= eind) tel(k.thema).nieuw++;
    if (k.status === 'opgelost' && statusDag >= van && statusDag <= eind) tel(k.thema).opgelost++;
    if (OPEN_KNELPUNT_STATUSSEN.includes(k.status) || statusDag > stand) tel(k.thema).open++;
  }

  const escalaties = knelpunten
    .filter((k) => k.escalatie !== 'tafel' && dag(k.provenance.escalatie?.at) <= stand)
    .map((k) => ({
      titel: k.titel,
      thema: k.thema,
      niveau: k.escalatie,
      sinds: dag(k.provenance.escalatie?.at),
      // A status set after the peildatum is not in the report: on the peildatum it was escalated.
      status: dag(k.provenance.status?.at) > stand ? ('geescaleerd' as const) : k.status,
      antwoord: escalatieAntwoord(doc, k, stand),
    }))
    .sort((a, b) => a.sinds.localeCompare(b.sinds));

  const vergaderingen = readVergaderingen(doc).filter((v) => v.datum >= van && v.datum <= eind);
  const inPeriode = new Map(vergaderingen.map((v) => [v.id, v]));
  const besluiten = readBesluiten(doc)
    .filter((b) => inPeriode.has(b.vergaderingId))
    .map((b) => ({ nummer: b.nummer, tekst: b.tekst, vergadering: inPeriode.get(b.vergaderingId)!.titel, datum: inPeriode.get(b.vergaderingId)!.datum }))
    .sort((a, b) => (a.nummer && b.nummer ? vergelijkNummers(a.nummer, b.nummer) : a.datum.localeCompare(b.datum)));
  const partijNaam = new Map(readPartijen(doc).map((p) => [p.id, p.naam]));
  // An afspraak's status is the one it has when the rapportage is started: the document keeps no
  // earlier status (its history is at the relay).
  const afspraken = readAfspraken(doc)
    .filter((a) => (a.vergaderingId ? inPeriode.has(a.vergaderingId) : dag(a.provenance.wat?.at) >= van && dag(a.provenance.wat?.at) <= eind))
    .map((a) => ({ wat: a.wat, partij: partijNaam.get(a.partijId) ?? '', deadline: a.deadline, status: a.status }))
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));

  const genoemd = snapshot
    .filter(([, p]) => deelbaar(p))
    .map(([, p]) => ({ naam: p.naam, planstatus: p.planstatus, woningen: p.woningen }))
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const verborgen = snapshot.filter(([, p]) => !deelbaar(p));

  return {
    versie: 1,
    tafelNaam: tafel.naam,
    periode: bron.periode,
    van,
    tot,
    peildatum: peildatum.datum,
    vorigePeildatum: vorige?.datum ?? null,
    productie: productie.map((r) => ({ ...r, verwacht: Math.round(r.verwacht) })),
    betaalbaarheid: betaalbaar,
    plancapaciteit: { ...capaciteit, zachteCapaciteit: capaciteit.capaciteit - capaciteit.hardeCapaciteit, vanafJaar },
    slippage: slip,
    knelpunten: THEMAS.filter((t) => perThema.has(t)).map((thema) => ({ thema, ...perThema.get(thema)! })),
    escalaties,
    besluiten,
    afspraken,
    projecten: {
      genoemd,
      nietGedeeld: verborgen.length,
      nietGedeeldWoningen: verborgen.reduce((s, [, p]) => s + p.woningen, 0),
      totaal: snapshot.length,
    },
  };
}

/**
 * The answer to an escalation on the peildatum: the addressed tafel's answer to the latest request
 * sent up the ladder (docs/network.md), or else the first comment on the knelpunt written after
 * it was escalated (an escalation without a request, or to a rung outside the app).
 */
function escalatieAntwoord(doc: Y.Doc, k: Knelpunt, stand: string): string | null {
  const sinds = k.provenance.escalatie?.at;
  if (sinds === undefined) return null;
  const verzoek = escalatiesVanKnelpunt(doc, k.id)
    .filter((e) => dag(e.provenance.niveau?.at) <= stand)
    .at(-1);
  const terug = verzoek?.terugmelding;
  if (terug?.antwoord && dag(terug.op) <= stand) return terug.antwoord;
  return k.reacties.find((r) => r.at > sinds && dag(r.at) <= stand)?.tekst ?? null;
}

export interface Rapportage {
  readonly id: string;
  readonly periode: string;
  readonly peildatumId: string;
  readonly cijfers: RapportageCijfers | null;
  readonly status: RapportageStatus;
  readonly vastgesteldOp: string | null;
  readonly kernteam: readonly string[];
  readonly koersoordeel: Koersoordeel | null;
  /** Whether its summary reached the landelijke tafel; null until the relay has carried it. */
  readonly bezorging: Bezorging | null;
  readonly reacties: readonly Reactie[];
  readonly provenance: ProvenanceMap;
}

function buildRapportage(id: string, f: Parameters<Parameters<typeof entities>[2]>[1]): Rapportage {
  const reacties: Reactie[] = [];
  for (const key of f.keys) {
    if (!key.startsWith(REACTIE_PREFIX)) continue;
    const prov = f.provenance[key];
    if (prov) reacties.push({ id: key.slice(REACTIE_PREFIX.length), tekst: f.get(key, { tekst: '' }).tekst, ...prov });
  }
  reacties.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const cijfers = f.get<RapportageCijfers | null>('cijfers', null);
  return {
    id,
    periode: f.get('periode', ''),
    peildatumId: f.get('peildatumId', ''),
    cijfers: cijfers && cijfers.versie === 1 ? cijfers : null,
    status: f.get('status', 'concept'),
    vastgesteldOp: f.get('vastgesteldOp', null),
    kernteam: f.get('kernteam', []),
    koersoordeel: f.get('koersoordeel', null),
    bezorging: f.get('bezorging', null),
    reacties,
    provenance: f.provenance,
  };
}

/** Rapportages, newest period first. */
export const readRapportages = (doc: Y.Doc): Rapportage[] =>
  entities(doc, 'rapportages', buildRapportage).sort((a, b) => b.periode.localeCompare(a.periode) || (b.provenance.periode?.at ?? 0) - (a.provenance.periode?.at ?? 0));
export const readRapportage = (doc: Y.Doc, id: string): Rapportage | undefined => entity(doc, 'rapportages', id, buildRapportage);

export { RAPPORTAGE_TEKSTEN, type RapportageTekst };

/** The key figures of a rapportage: its summary section, and what the landsdeel overview compares. */
export interface Kerncijfers {
  readonly verwachtTotaal: number;
  readonly doelTotaal: number;
  readonly plancapaciteitRatio: number | null;
  readonly aandeelBetaalbaar: number | null;
  readonly openKnelpunten: number;
  readonly openEscalaties: number;
}

export function kerncijfers(c: RapportageCijfers): Kerncijfers {
  return {
    verwachtTotaal: c.productie.reduce((s, p) => s + p.verwacht, 0),
    doelTotaal: c.productie.reduce((s, p) => s + (p.doel ?? 0), 0),
    plancapaciteitRatio: c.plancapaciteit.ratio,
    aandeelBetaalbaar: c.betaalbaarheid?.aandeelBetaalbaar ?? null,
    openKnelpunten: c.knelpunten.reduce((s, k) => s + k.open, 0),
    openEscalaties: c.escalaties.filter((e) => e.status !== 'opgelost' && e.status !== 'vervallen').length,
  };
}

/** The narrative that travels with the summary (plain text): the judgement and the asks. */
export const SAMENVATTING_TEKSTEN = ['samenvatting', 'vragen'] as const satisfies readonly RapportageTekst[];
/** A narrative longer than this travels cut (and says so); the field at the landelijke tafel holds it. */
const MAX_TEKST = 20_000;

/**
 * What leaves the tafel for the landelijke tafel's landsdeel lid when the chair sets a rapportage
 * vastgesteld (docs/rapportage.md, docs/network.md): the koersoordeel, the key figures and the
 * figures behind them. It is built from the frozen cijfers, which already follow the rule of the
 * printed rapportage: private parts only as totals over projects (production, segments, capacity),
 * projects that may not leave the tafel counted with their homes, never named. It names no project
 * in slippage (counts and themes only), carries no besluiten, afspraken or escalation texts (the
 * escalations travel on their own), and of the narrative only the summary and the asks.
 */
export interface RapportageSamenvatting extends Kerncijfers {
  readonly versie: 1;
  readonly rapportageId: string;
  readonly tafelNaam: string;
  readonly periode: string;
  readonly peildatum: string;
  readonly vastgesteldOp: string;
  readonly koersoordeel: Koersoordeel | null;
  readonly productie: RapportageCijfers['productie'];
  readonly betaalbaarheid: Betaalbaarheid | null;
  readonly plancapaciteit: RapportageCijfers['plancapaciteit'];
  readonly slippage: { readonly telling: NonNullable<RapportageCijfers['slippage']>['telling']; readonly themas: NonNullable<RapportageCijfers['slippage']>['themas'] } | null;
  readonly knelpunten: RapportageCijfers['knelpunten'];
  readonly projecten: RapportageCijfers['projecten'];
  readonly teksten: Readonly<Record<(typeof SAMENVATTING_TEKSTEN)[number], string>>;
}

function tekstVan(doc: Y.Doc, rapportageId: string, veld: RapportageTekst): string {
  const t = entityMap(doc, 'rapportages', rapportageId)?.get(veld);
  const tekst = t instanceof Y.XmlFragment ? platteTekst(t) : '';
  return tekst.length <= MAX_TEKST ? tekst : `${tekst.slice(0, MAX_TEKST - 1)}…`;
}

/** The summary of a vastgestelde rapportage; null for a concept (nothing leaves before it is vastgesteld). */
export function rapportageSamenvatting(doc: Y.Doc, rapportageId: string): RapportageSamenvatting | null {
  const r = readRapportage(doc, rapportageId);
  const c = r?.cijfers;
  if (!r || r.status !== 'vastgesteld' || !c) return null;
  return {
    versie: 1,
    rapportageId: r.id,
    tafelNaam: c.tafelNaam,
    periode: c.periode,
    peildatum: c.peildatum,
    vastgesteldOp: r.vastgesteldOp ?? '',
    koersoordeel: r.koersoordeel,
    ...kerncijfers(c),
    productie: c.productie,
    betaalbaarheid: c.betaalbaarheid,
    plancapaciteit: c.plancapaciteit,
    slippage: c.slippage && { telling: c.slippage.telling, themas: c.slippage.themas },
    knelpunten: c.knelpunten,
    projecten: {
      genoemd: c.projecten.genoemd,
      nietGedeeld: c.projecten.nietGedeeld,
      nietGedeeldWoningen: c.projecten.nietGedeeldWoningen,
      totaal: c.projecten.totaal,
    },
    teksten: Object.fromEntries(SAMENVATTING_TEKSTEN.map((veld) => [veld, tekstVan(doc, r.id, veld)])) as RapportageSamenvatting['teksten'],
  };
}

export type { Segment };
