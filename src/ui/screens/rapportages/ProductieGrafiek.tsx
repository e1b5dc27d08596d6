// The rapportage's production chart: verwachte productie against the woondeal per jaarschijf as
// bars. It is decoration for sighted readers; the numbers are in the table next to it, which is
// what screen readers and the tagged PDF carry (the chart itself is hidden from them).

import type { RapportageCijfers } from '../../../model';

const HOOGTE = 160;
const BALK = 18;

export function ProductieGrafiek({ rijen }: { rijen: RapportageCijfers['productie'] }) {
  if (rijen.length === 0) return null;
  const max = Math.max(1, ...rijen.flatMap((r) => [r.verwacht, r.doel ?? 0]));
  const breedte = rijen.length * (BALK * 2 + 16) + 40;
  const y = (n: number) => HOOGTE - (n / max) * (HOOGTE - 10);
  return (
    <figure className="grafiek" aria-hidden="true">
      <svg viewBox={`0 0 ${breedte} ${HOOGTE + 24}`} width={breedte} height={HOOGTE + 24} role="presentation">
        {rijen.map((r, i) => {
          const x = 20 + i * (BALK * 2 + 16);
          return (
            <g key={r.jaarschijf}>
              <rect x={x} y={y(r.verwacht)} width={BALK} height={HOOGTE - y(r.verwacht)} fill="#1f5fa8" />
              {r.doel !== null && <rect x={x + BALK} y={y(r.doel)} width={BALK} height={HOOGTE - y(r.doel)} fill="#9bb7d4" />}
              <text x={x + BALK} y={HOOGTE + 16} fontSize="11" textAnchor="middle">
                {r.jaarschijf}
              </text>
            </g>
          );
        })}
        <line x1="10" x2={breedte} y1={HOOGTE} y2={HOOGTE} stroke="#333" />
      </svg>
    </figure>
  );
}
