// The gemeente's planning grid (public part: per jaartal, homes by woningtype x prijscategorie)
// set against the developer's opleveringen (private part). The gap between the two is the
// planningsoptimisme the monitor exists to expose, so the project page flags every year where
// they differ.

import type { Project } from './reads';
import {
  DEFAULT_PRIJSGRENZEN,
  GRID_WONINGTYPES,
  PRIJSCATEGORIE_SEGMENT,
  PRIJSCATEGORIEEN,
  SEGMENTEN,
  type Prijscategorie,
  type Prijsgrenzen,
  type Segment,
} from './vocabulary';

/** Homes in one jaartal of the grid, without sloop (demolition is not production). */
export function gridTotaal(jaar: Readonly<Record<string, number>>): number {
  let n = 0;
  for (const [cell, count] of Object.entries(jaar)) if (cell !== 'sloop') n += count;
  return n;
}

/** Homes per prijscategorie in one jaartal, over all woningtypes. */
export function perCategorie(jaar: Readonly<Record<string, number>>): Record<Prijscategorie, number> {
  const out = Object.fromEntries(PRIJSCATEGORIEEN.map((c) => [c, 0])) as Record<Prijscategorie, number>;
  for (const w of GRID_WONINGTYPES) for (const c of PRIJSCATEGORIEEN) out[c] += jaar[`${w}.${c}`] ?? 0;
  return out;
}

/** The grid's homes per segment over all years; categories without a segment are left out. */
export function segmentenUitGrid(planning: Project['planning']): Record<Segment, number> {
  const out = Object.fromEntries(SEGMENTEN.map((s) => [s, 0])) as Record<Segment, number>;
  for (const jaar of Object.values(planning)) {
    for (const [c, n] of Object.entries(perCategorie(jaar)) as [Prijscategorie, number][]) {
      const s = PRIJSCATEGORIE_SEGMENT[c];
      if (s) out[s] += n;
    }
  }
  return out;
}

/** The price category boundaries in force in a year: its own, else the latest earlier year's, else the earliest known. */
export function prijsgrenzenVoor(jaar: number, perJaar: Readonly<Record<string, Prijsgrenzen>> = DEFAULT_PRIJSGRENZEN): Prijsgrenzen | null {
  const jaren = Object.keys(perJaar)
    .map(Number)
    .sort((a, b) => a - b);
  if (jaren.length === 0) return null;
  const geldig = jaren.filter((j) => j <= jaar).at(-1) ?? jaren[0]!;
  return perJaar[String(geldig)] ?? null;
}

export interface PlanningJaar {
  readonly jaar: number;
  /** homes in the gemeente's grid for this year; null when the grid has no entry for it */
  readonly gemeente: number | null;
  /** homes the developer plans to deliver this year; null when it has no entry for it */
  readonly ontwikkelaar: number | null;
  /** ontwikkelaar - gemeente, counting a missing side as 0 */
  readonly verschil: number;
  readonly wijktAf: boolean;
}

/** The gemeente's grid beside the developer's opleveringen, every year either names. */
export function planningVergelijking(p: Pick<Project, 'planning' | 'opleveringen'>): PlanningJaar[] {
  const jaren = new Set<number>([...Object.keys(p.planning).map(Number), ...Object.keys(p.opleveringen).map(Number)]);
  return [...jaren]
    .sort((a, b) => a - b)
    .map((jaar) => {
      const g = p.planning[jaar];
      const gemeente = g ? gridTotaal(g) : null;
      const ontwikkelaar = p.opleveringen[jaar] ?? null;
      const verschil = (ontwikkelaar ?? 0) - (gemeente ?? 0);
      return { jaar, gemeente, ontwikkelaar, verschil, wijktAf: verschil !== 0 };
    });
}
