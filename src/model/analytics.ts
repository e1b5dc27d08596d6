// The numbers a versnellingstafel steers on (docs/domain.md, "The planmonitor and its
// analytics"), as pure functions over the model's reads. The chair's settings (realisatiekansen,
// woondeal targets, rode-draad threshold) come in as arguments, so every figure on the dashboard
// follows the tafel's own rules.

import { addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { perSegment } from './planmonitorRijen';
import { magBuitenDeTafel } from './vertrouwelijkheid';
import { totaalWoningen, type Knelpunt, type PeildatumProject, type Project, type TafelInstellingen, type Vergadering } from './reads';
import {
  BETAALBARE_SEGMENTEN,
  hardheid,
  OPEN_KNELPUNT_STATUSSEN,
  SEGMENTEN,
  ZACHTSTE_PLANSTATUS,
  THEMAS,
  type Planstatus,
  type Segment,
  type Thema,
} from './vocabulary';

/** The national norm: plan capacity must be at least 130% of the remaining target. */
export const PLANCAPACITEIT_NORM = 1.3;
/** Woondeal target: two thirds of new homes betaalbaar. */
export const BETAALBAAR_DOEL = 2 / 3;
/** Woondeal aim: 30% sociale huur. */
export const SOCIALE_HUUR_DOEL = 0.3;
/** A theme raised by this many distinct partijen is a rode draad, whatever the project count. */
export const RODE_DRAAD_PARTIJEN = 2;

/**
 * The tafel's realisation probability for a planstatus. A project without a planstatus is treated
 * as the softest plan with a location-free status of its own (4B idee/optie): a plan nobody has
 * classified yet is at best an idea.
 */
export function realisatiekans(planstatus: Planstatus | null, kansen: Readonly<Record<Planstatus, number>>): number {
  return kansen[planstatus ?? ZACHTSTE_PLANSTATUS];
}

/** A project's realisation probability: its own when the gemeente set one, else the tafel's for its planstatus. */
export function projectKans(p: Pick<Project, 'planstatus' | 'realisatiekans'>, kansen: Readonly<Record<Planstatus, number>>): number {
  return p.realisatiekans ?? realisatiekans(p.planstatus, kansen);
}

export interface ProductieJaar {
  readonly jaarschijf: number;
  /** Homes planned for delivery in this year, as the private owners entered them. */
  readonly gepland: number;
  /** Planned homes weighted by the realisation probability of each project's planstatus. */
  readonly verwacht: number;
  /** Woondeal target for this year, or null when the tafel has none for it. */
  readonly doel: number | null;
}

/** Verwachte productie per jaarschijf against the woondeal target, every year that has either. */
export function verwachteProductie(projecten: readonly Project[], tafel: Pick<TafelInstellingen, 'woondealDoelen' | 'realisatiekansen'>): ProductieJaar[] {
  const gepland = new Map<number, number>();
  const verwacht = new Map<number, number>();
  for (const p of projecten) {
    const kans = projectKans(p, tafel.realisatiekansen);
    for (const [jaar, n] of Object.entries(p.opleveringen)) {
      const j = Number(jaar);
      gepland.set(j, (gepland.get(j) ?? 0) + n);
      verwacht.set(j, (verwacht.get(j) ?? 0) + n * kans);
    }
  }
  const jaren = new Set<number>([...gepland.keys(), ...Object.keys(tafel.woondealDoelen).map(Number)]);
  return [...jaren]
    .sort((a, b) => a - b)
    .map((jaarschijf) => ({
      jaarschijf,
      gepland: gepland.get(jaarschijf) ?? 0,
      verwacht: verwacht.get(jaarschijf) ?? 0,
      doel: tafel.woondealDoelen[String(jaarschijf)] ?? null,
    }));
}

/**
 * The homes a project still adds to the plan capacity: its homes per segment, or, where the
 * municipality has not split them into segments yet, the opleveringen its developer planned.
 * Projects already delivered add nothing.
 */
export function capaciteitVan(p: Project): number {
  if (p.bouwstatus === 'opgeleverd') return 0;
  const perSegment = totaalWoningen(p);
  if (perSegment > 0) return perSegment;
  return Object.values(p.opleveringen).reduce((s, n) => s + n, 0);
}

export interface Plancapaciteit {
  /** Homes in all plans not yet delivered. */
  readonly capaciteit: number;
  /** The part of it in harde plannen (planstatus 1x onherroepelijk or 2x vastgesteld). */
  readonly hardeCapaciteit: number;
  /** Sum of the woondeal targets from `vanafJaar` on. */
  readonly resterendDoel: number;
  /** capaciteit / resterendDoel; null when there is no remaining target. */
  readonly ratio: number | null;
  readonly norm: number;
  /** null when there is no remaining target to compare with. */
  readonly voldoetAanNorm: boolean | null;
  /** Homes of plan capacity still missing to reach the norm (0 when met). */
  readonly tekort: number;
}

export function plancapaciteit(projecten: readonly Project[], woondealDoelen: Readonly<Record<string, number>>, vanafJaar: number): Plancapaciteit {
  let capaciteit = 0;
  let hardeCapaciteit = 0;
  for (const p of projecten) {
    const c = capaciteitVan(p);
    capaciteit += c;
    if (hardheid(p.planstatus) === 'hard') hardeCapaciteit += c;
  }
  const resterendDoel = Object.entries(woondealDoelen)
    .filter(([jaar]) => Number(jaar) >= vanafJaar)
    .reduce((s, [, n]) => s + n, 0);
  const ratio = resterendDoel > 0 ? capaciteit / resterendDoel : null;
  return {
    capaciteit,
    hardeCapaciteit,
    resterendDoel,
    ratio,
    norm: PLANCAPACITEIT_NORM,
    voldoetAanNorm: ratio === null ? null : ratio >= PLANCAPACITEIT_NORM,
    tekort: Math.max(0, Math.ceil(resterendDoel * PLANCAPACITEIT_NORM - capaciteit)),
  };
}

const SEGMENT_VELD: Readonly<Record<Segment, keyof Project>> = {
  'sociale huur': 'woningenSocialeHuur',
  middenhuur: 'woningenMiddenhuur',
  'betaalbare koop': 'woningenBetaalbareKoop',
  'vrije sector huur': 'woningenVrijeSectorHuur',
  'vrije sector koop': 'woningenVrijeSectorKoop',
};

export interface Betaalbaarheid {
  readonly perSegment: Readonly<Record<Segment, number>>;
  readonly totaal: number;
  /** Share of betaalbare segments; null when no homes are split into segments. */
  readonly aandeelBetaalbaar: number | null;
  readonly aandeelSocialeHuur: number | null;
  readonly doelBetaalbaar: number;
  readonly doelSocialeHuur: number;
}

/** Share betaalbaar (target two thirds) and sociale huur (30%) over all homes in the monitor. */
export function betaalbaarheid(projecten: readonly Project[]): Betaalbaarheid {
  const perSegment = Object.fromEntries(SEGMENTEN.map((s) => [s, 0])) as Record<Segment, number>;
  for (const p of projecten) {
    for (const s of SEGMENTEN) perSegment[s] += p[SEGMENT_VELD[s]] as number;
  }
  const totaal = SEGMENTEN.reduce((sum, s) => sum + perSegment[s], 0);
  const betaalbaar = BETAALBARE_SEGMENTEN.reduce((sum, s) => sum + perSegment[s], 0);
  return {
    perSegment,
    totaal,
    aandeelBetaalbaar: totaal > 0 ? betaalbaar / totaal : null,
    aandeelSocialeHuur: totaal > 0 ? perSegment['sociale huur'] / totaal : null,
    doelBetaalbaar: BETAALBAAR_DOEL,
    doelSocialeHuur: SOCIALE_HUUR_DOEL,
  };
}

export interface ThemaTelling {
  readonly thema: Thema;
  readonly totaal: number;
  /** gesignaleerd, in behandeling or geescaleerd */
  readonly open: number;
}

/** Knelpunten per theme, most open first; themes without any knelpunt are left out. */
export function knelpuntenPerThema(knelpunten: readonly Knelpunt[]): ThemaTelling[] {
  const totaal = new Map<Thema, number>();
  const open = new Map<Thema, number>();
  for (const k of knelpunten) {
    if (!k.thema) continue;
    totaal.set(k.thema, (totaal.get(k.thema) ?? 0) + 1);
    if (OPEN_KNELPUNT_STATUSSEN.includes(k.status)) open.set(k.thema, (open.get(k.thema) ?? 0) + 1);
  }
  return THEMAS.filter((t) => totaal.has(t))
    .map((thema) => ({ thema, totaal: totaal.get(thema) ?? 0, open: open.get(thema) ?? 0 }))
    .sort((a, b) => b.open - a.open || b.totaal - a.totaal || THEMAS.indexOf(a.thema) - THEMAS.indexOf(b.thema));
}

export type RodeDraadReden = 'projecten' | 'partijen';

export interface RodeDraad {
  readonly thema: Thema;
  /** Distinct projects the theme's knelpunten are linked to. */
  readonly projecten: readonly string[];
  /** Distinct partijen that raised a knelpunt on the theme. */
  readonly partijen: readonly string[];
  readonly knelpunten: readonly string[];
  /** How many of those knelpunten still need attention. */
  readonly open: number;
  /** Which criteria made it a rode draad. */
  readonly redenen: readonly RodeDraadReden[];
}

/**
 * Themes that recur: linked to at least `drempel` distinct projects, or raised by at least two
 * partijen. Vervallen knelpunten do not count (they turned out not to be one); opgeloste ones do,
 * because a theme solved project by project again and again still asks for a structural answer.
 * Most projects first.
 */
export function rodeDraden(knelpunten: readonly Knelpunt[], drempel: number): RodeDraad[] {
  const perThema = new Map<Thema, Knelpunt[]>();
  for (const k of knelpunten) {
    if (!k.thema || k.status === 'vervallen') continue;
    perThema.set(k.thema, [...(perThema.get(k.thema) ?? []), k]);
  }
  const out: RodeDraad[] = [];
  for (const [thema, lijst] of perThema) {
    const projecten = [...new Set(lijst.flatMap((k) => k.projecten))];
    const partijen = [...new Set(lijst.map((k) => k.ingediendDoor).filter((p) => p !== ''))];
    const redenen: RodeDraadReden[] = [];
    if (projecten.length >= drempel) redenen.push('projecten');
    if (partijen.length >= RODE_DRAAD_PARTIJEN) redenen.push('partijen');
    if (redenen.length === 0) continue;
    out.push({
      thema,
      projecten,
      partijen,
      knelpunten: lijst.map((k) => k.id),
      open: lijst.filter((k) => OPEN_KNELPUNT_STATUSSEN.includes(k.status)).length,
      redenen,
    });
  }
  return out.sort((a, b) => b.projecten.length - a.projecten.length || b.partijen.length - a.partijen.length || THEMAS.indexOf(a.thema) - THEMAS.indexOf(b.thema));
}

/** One project as a peildatum keeps it. */
export function peildatumProject(p: Project): PeildatumProject {
  return {
    naam: p.naam,
    planstatus: p.planstatus,
    publiekEigenaar: p.publiekEigenaar || null,
    privaatEigenaar: p.privaatEigenaar,
    woningen: totaalWoningen(p),
    opleveringen: Object.fromEntries(Object.entries(p.opleveringen).map(([j, n]) => [String(j), n])),
    segmenten: perSegment(p),
    bouwstatus: p.bouwstatus,
    deelbaar: magBuitenDeTafel(p),
  };
}

/** The state of the planmonitor in the shape of a peildatum, to compare "now" with a snapshot. */
export function alsPeildatumProjecten(projecten: readonly Project[]): Record<string, PeildatumProject> {
  return Object.fromEntries(projecten.map((p) => [p.id, peildatumProject(p)]));
}

export type SlippageSoort = 'vertraagd' | 'versneld' | 'gelijk' | 'nieuw' | 'vervallen';

export interface ProjectSlippage {
  readonly projectId: string;
  readonly naam: string;
  readonly soort: SlippageSoort;
  /** Planned homes over all jaarschijven, before and after. */
  readonly woningenVoor: number;
  readonly woningenNa: number;
  /** Delivery-weighted mean year, before and after; null without planned opleveringen. */
  readonly gemiddeldJaarVoor: number | null;
  readonly gemiddeldJaarNa: number | null;
  /** Years the weighted delivery moved (positive: later). 0 when either side has no planning. */
  readonly verschuivingJaren: number;
  /** Change per jaarschijf (after minus before), only the years that changed. */
  readonly perJaarschijf: Readonly<Record<string, number>>;
}

function gemiddeldJaar(opleveringen: Readonly<Record<string, number>>): number | null {
  let n = 0;
  let som = 0;
  for (const [jaar, aantal] of Object.entries(opleveringen)) {
    n += aantal;
    som += Number(jaar) * aantal;
  }
  return n > 0 ? som / n : null;
}

const somVan = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((s, n) => s + n, 0);

/** Below this many years a shift counts as unchanged: rounding, not planningsoptimisme. */
const SLIPPAGE_DREMPEL_JAREN = 0.01;

/**
 * How each project's planned opleveringen moved between two states of the monitor (two peildata,
 * or a peildatum and now): the "planningsoptimisme" the monitor exists to expose. Most delayed first.
 */
export function slippage(
  voor: Readonly<Record<string, PeildatumProject>>,
  na: Readonly<Record<string, PeildatumProject>>,
): ProjectSlippage[] {
  const ids = new Set([...Object.keys(voor), ...Object.keys(na)]);
  const out: ProjectSlippage[] = [];
  for (const projectId of ids) {
    const a = voor[projectId];
    const b = na[projectId];
    const oa = a?.opleveringen ?? {};
    const ob = b?.opleveringen ?? {};
    const perJaarschijf: Record<string, number> = {};
    for (const jaar of new Set([...Object.keys(oa), ...Object.keys(ob)])) {
      const d = (ob[jaar] ?? 0) - (oa[jaar] ?? 0);
      if (d !== 0) perJaarschijf[jaar] = d;
    }
    const gemiddeldJaarVoor = gemiddeldJaar(oa);
    const gemiddeldJaarNa = gemiddeldJaar(ob);
    const verschuivingJaren = gemiddeldJaarVoor !== null && gemiddeldJaarNa !== null ? gemiddeldJaarNa - gemiddeldJaarVoor : 0;
    let soort: SlippageSoort;
    if (!a) soort = 'nieuw';
    else if (!b) soort = 'vervallen';
    else if (verschuivingJaren > SLIPPAGE_DREMPEL_JAREN) soort = 'vertraagd';
    else if (verschuivingJaren < -SLIPPAGE_DREMPEL_JAREN) soort = 'versneld';
    else soort = 'gelijk';
    out.push({
      projectId,
      naam: (b ?? a)?.naam ?? '',
      soort,
      woningenVoor: somVan(oa),
      woningenNa: somVan(ob),
      gemiddeldJaarVoor,
      gemiddeldJaarNa,
      verschuivingJaren,
      perJaarschijf,
    });
  }
  return out.sort((x, y) => y.verschuivingJaren - x.verschuivingJaren || x.naam.localeCompare(y.naam, 'nl'));
}

/** Planned homes per jaarschijf summed over all projects, before and after: where the delivery went. */
export function slippagePerJaarschijf(
  voor: Readonly<Record<string, PeildatumProject>>,
  na: Readonly<Record<string, PeildatumProject>>,
): { jaarschijf: number; voor: number; na: number }[] {
  const tel = (s: Readonly<Record<string, PeildatumProject>>) => {
    const m = new Map<number, number>();
    for (const p of Object.values(s)) for (const [j, n] of Object.entries(p.opleveringen)) m.set(Number(j), (m.get(Number(j)) ?? 0) + n);
    return m;
  };
  const a = tel(voor);
  const b = tel(na);
  return [...new Set([...a.keys(), ...b.keys()])]
    .sort((x, y) => x - y)
    .map((jaarschijf) => ({ jaarschijf, voor: a.get(jaarschijf) ?? 0, na: b.get(jaarschijf) ?? 0 }));
}

export type CadansStatus = 'op-schema' | 'te-lang-geleden' | 'nog-nooit';

export interface Cadans<V = Vergadering> {
  readonly status: CadansStatus;
  /** The most recent meeting on or before today that was not cancelled. */
  readonly laatste: V | null;
  /** The first meeting after today that was not cancelled. */
  readonly volgende: V | null;
  readonly dagenSindsLaatste: number | null;
  /** The last day the next meeting should take place to keep the quarterly rhythm. */
  readonly uiterlijkVolgende: string | null;
}

/**
 * The quarterly rhythm: warn when the last meeting is more than a quarter (three calendar months)
 * ago. A meeting counts from its date unless cancelled, also when the chair has not yet marked it
 * gehouden: the tablet should not nag because of bookkeeping. `vandaag` is "YYYY-MM-DD".
 */
export function cadans<V extends Pick<Vergadering, 'status' | 'datum'> = Vergadering>(vergaderingen: readonly V[], vandaag: string): Cadans<V> {
  const geldig = vergaderingen.filter((v) => v.status !== 'geannuleerd' && v.datum !== '').sort((a, b) => a.datum.localeCompare(b.datum));
  const verleden = geldig.filter((v) => v.datum <= vandaag);
  const laatste = verleden[verleden.length - 1] ?? null;
  const volgende = geldig.find((v) => v.datum > vandaag) ?? null;
  if (!laatste) return { status: 'nog-nooit', laatste: null, volgende, dagenSindsLaatste: null, uiterlijkVolgende: null };
  const grens = addMonths(parseISO(laatste.datum), 3);
  const dag = parseISO(vandaag);
  return {
    status: differenceInCalendarDays(dag, grens) > 0 ? 'te-lang-geleden' : 'op-schema',
    laatste,
    volgende,
    dagenSindsLaatste: differenceInCalendarDays(dag, parseISO(laatste.datum)),
    uiterlijkVolgende: format(grens, 'yyyy-MM-dd'),
  };
}
