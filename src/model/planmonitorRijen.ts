// The planmonitor's rows as data: one row per project, with what the grid shows, filters and sorts
// on. Built here, in the model, because two places need the very same rows: the live grid (from
// the document) and the read model an open renders before the document is in memory
// (src/model/readModel.ts); identical rows are what lets the grid switch without a jump.

import { hardheid, OPEN_KNELPUNT_STATUSSEN, type Hardheid, type Planstatus, type ProjectKnelpunt, type Segment } from './vocabulary';
import { totaalWoningen, type Knelpunt, type Project } from './reads';

export interface ProjectRij {
  readonly id: string;
  readonly naam: string;
  readonly gemeente: string;
  readonly locatie: string;
  readonly planstatus: Planstatus | null;
  /** Harde or zachte plancapaciteit, derived from the planstatus. */
  readonly hardheid: Hardheid;
  /** The monitors' knelpunten of the plan (multi-select on the project). */
  readonly projectKnelpunten: readonly ProjectKnelpunt[];
  readonly sleutelproject: boolean;
  readonly woningen: number;
  /** Homes in the betaalbare segments (sociale huur, middenhuur, betaalbare koop). */
  readonly betaalbaar: number;
  readonly perSegment: Readonly<Record<Segment, number>>;
  /** First and last jaarschijf with planned opleveringen; null when none are planned. */
  readonly opleveringVan: number | null;
  readonly opleveringTot: number | null;
  readonly publiekEigenaar: string;
  readonly privaatEigenaar: string | null;
  readonly openKnelpunten: number;
  /** Lower-case naam, gemeente and locatie, for the search box. */
  readonly zoektekst: string;
}

export function perSegment(p: Project): Record<Segment, number> {
  return {
    'sociale huur': p.woningenSocialeHuur,
    middenhuur: p.woningenMiddenhuur,
    'betaalbare koop': p.woningenBetaalbareKoop,
    'vrije sector huur': p.woningenVrijeSectorHuur,
    'vrije sector koop': p.woningenVrijeSectorKoop,
  };
}

/** Open knelpunten per project id. */
export function openKnelpuntenPerProject(knelpunten: readonly Knelpunt[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of knelpunten) {
    if (!OPEN_KNELPUNT_STATUSSEN.includes(k.status)) continue;
    for (const id of new Set(k.projecten)) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

type BasisRij = Omit<ProjectRij, 'openKnelpunten'>;

// Project objects from readProjectenCached stay the same while unchanged, so their row part is
// computed once; only the knelpunt counts are applied on every change.
const basisRijen = new WeakMap<Project, BasisRij>();

function basisRij(p: Project): BasisRij {
  const hit = basisRijen.get(p);
  if (hit) return hit;
  const jaren = Object.entries(p.opleveringen)
    .filter(([, n]) => n > 0)
    .map(([j]) => Number(j));
  const segs = perSegment(p);
  const rij: BasisRij = {
    id: p.id,
    naam: p.naam,
    gemeente: p.gemeente,
    locatie: p.locatie,
    planstatus: p.planstatus,
    hardheid: hardheid(p.planstatus),
    projectKnelpunten: p.knelpunten,
    sleutelproject: p.sleutelproject,
    woningen: totaalWoningen(p),
    betaalbaar: segs['sociale huur'] + segs.middenhuur + segs['betaalbare koop'],
    perSegment: segs,
    opleveringVan: jaren.length ? Math.min(...jaren) : null,
    opleveringTot: jaren.length ? Math.max(...jaren) : null,
    publiekEigenaar: p.publiekEigenaar,
    privaatEigenaar: p.privaatEigenaar,
    zoektekst: `${p.naam}\n${p.gemeente}\n${p.locatie}`.toLocaleLowerCase('nl'),
  };
  basisRijen.set(p, rij);
  return rij;
}

export function buildRijen(projecten: readonly Project[], knelpunten: readonly Knelpunt[]): ProjectRij[] {
  const open = openKnelpuntenPerProject(knelpunten);
  return projecten.map((p) => ({ ...basisRij(p), openKnelpunten: open.get(p.id) ?? 0 }));
}

