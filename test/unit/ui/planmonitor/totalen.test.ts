// Issue 16, defect 10: the planmonitor grid has a totals row over the rows the filters show.

import { describe, expect, it } from 'vitest';
import { planmonitorTotalen } from '../../../../src/ui/screens/planmonitor/totalen';
import type { ProjectRij } from '../../../../src/ui/screens/planmonitor/planmonitorView';

const rij = (woningen: number, betaalbaar: number, knelpunten: number, van: number | null, tot: number | null): ProjectRij =>
  ({ woningen, betaalbaar, openKnelpunten: knelpunten, opleveringVan: van, opleveringTot: tot }) as ProjectRij;

describe('planmonitor totals', () => {
  it('sums homes, betaalbaar and open knelpunten and spans the opleveringen', () => {
    expect(planmonitorTotalen([rij(132, 60, 2, 2028, 2029), rij(64, 64, 0, 2026, null), rij(10, 0, 1, null, null)])).toEqual({
      projecten: 3,
      woningen: 206,
      betaalbaar: 124,
      openKnelpunten: 3,
      van: 2026,
      tot: 2029,
    });
  });

  it('is zero for no rows', () => {
    expect(planmonitorTotalen([])).toEqual({ projecten: 0, woningen: 0, betaalbaar: 0, openKnelpunten: 0, van: null, tot: null });
  });
});
