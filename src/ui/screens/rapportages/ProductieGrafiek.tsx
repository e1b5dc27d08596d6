// The rapportage's production chart: verwachte productie against the woondeal per jaarschijf as
// bars. It is decoration for sighted readers; the numbers are in the table next to it, which is
// what screen readers and the tagged PDF carry (the chart itself is hidden from them).

import type { RapportageCijfers } from '../../../model';
import { strings } from '../../strings';

const S = strings.rapportage;
const KLEUR = { verwacht: '#1f5fa8', doel: '#9bb7d4' } as const;
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
              <rect x={x} y={y(r.verwacht)} width={BALK} height={HOOGTE - y(r.verwacht)} fill={KLEUR.verwacht} />
              {r.doel !== null && <rect x={x + BALK} y={y(r.doel)} width={BALK} height={HOOGTE - y(r.doel)} fill={KLEUR.doel} />}
              <text x={x + BALK} y={HOOGTE + 16} fontSize="11" textAnchor="middle">
                {r.jaarschijf}
              </text>
            </g>
          );
        })}
        <line x1="10" x2={breedte} y1={HOOGTE} y2={HOOGTE} stroke="#333" />
      </svg>
      {/* The legend, for whoever reads the bars (on paper too). */}
      <figcaption className="grafiek__legenda">
        {(['verwacht', 'doel'] as const).map((k) => (
          <span key={k}>
            <span className="grafiek__kleur" style={{ background: KLEUR[k] }} />
            {S[k]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
