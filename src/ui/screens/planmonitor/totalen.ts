// The totals row of the planmonitor grid (issue 16): the sums of the rows the filters show.

import type { ProjectRij } from './planmonitorView';

export interface Totalen {
  readonly projecten: number;
  readonly woningen: number;
  readonly betaalbaar: number;
  readonly openKnelpunten: number;
  /** first and last jaarschijf with planned opleveringen over all rows; null when none */
  readonly van: number | null;
  readonly tot: number | null;
}

export function planmonitorTotalen(rijen: readonly ProjectRij[]): Totalen {
  let woningen = 0;
  let betaalbaar = 0;
  let openKnelpunten = 0;
  let van: number | null = null;
  let tot: number | null = null;
  for (const r of rijen) {
    woningen += r.woningen;
    betaalbaar += r.betaalbaar;
    openKnelpunten += r.openKnelpunten;
    if (r.opleveringVan !== null) van = van === null ? r.opleveringVan : Math.min(van, r.opleveringVan);
    const laatste = r.opleveringTot ?? r.opleveringVan;
    if (laatste !== null) tot = tot === null ? laatste : Math.max(tot, laatste);
  }
  return { projecten: rijen.length, woningen, betaalbaar, openKnelpunten, van, tot };
}
