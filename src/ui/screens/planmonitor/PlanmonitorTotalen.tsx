// The last row of the planmonitor grid: totals of the projects shown, kept in view at the bottom
// of the screen while the rows scroll (issue 16).

import { useMemo } from 'react';
import { aantal, strings } from '../../strings';
import type { ProjectRij } from './planmonitorView';
import { planmonitorTotalen } from './totalen';

const t = strings.planmonitor;

export function PlanmonitorTotalen({ rijen }: { rijen: readonly ProjectRij[] }) {
  const som = useMemo(() => planmonitorTotalen(rijen), [rijen]);
  return (
    <div role="rowgroup" className="grid-foot">
      <div role="row" className="grid-row" aria-rowindex={rijen.length + 2}>
        <div role="rowheader" className="grid-cell col-naam">
          {strings.planmonitorTotaal.totaal(som.projecten)}
        </div>
        <div role="cell" className="grid-cell narrow-hidden" />
        <div role="cell" className="grid-cell" />
        <div role="cell" className="grid-cell num">
          {aantal(som.woningen)}
        </div>
        <div role="cell" className="grid-cell num narrow-hidden">
          {aantal(som.betaalbaar)}
        </div>
        <div role="cell" className="grid-cell">
          {som.van === null ? '' : t.oplevering(som.van, som.tot ?? som.van)}
        </div>
        <div role="cell" className="grid-cell narrow-hidden" />
        <div role="cell" className="grid-cell" />
        <div role="cell" className="grid-cell num">
          {aantal(som.openKnelpunten)}
        </div>
      </div>
    </div>
  );
}
