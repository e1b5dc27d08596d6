// Betaalbaarheid: the share of betaalbare homes and of sociale huur against the woondeal targets,
// and the homes per segment.

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEGMENTEN, type Betaalbaarheid } from '../../../model';
import { aantal, procent, strings, waarde } from '../../strings';
import { SEGMENT_KLEUR } from './kleuren';

const S = strings.dashboard;

function Aandeel({ label, aandeel, doel }: { label: string; aandeel: number; doel: number }) {
  const goed = aandeel >= doel - 1e-9;
  return (
    <div className={`aandeel ${goed ? 'kpi--goed' : 'kpi--slecht'}`}>
      <p className="aandeel__label">{label}</p>
      <p className="aandeel__getal">
        {procent(aandeel)} <span className="muted">({S.doelAandeel(procent(doel))})</span>
      </p>
      <div className="aandeel__schaal" aria-hidden="true">
        <span className="aandeel__waarde" style={{ width: `${Math.min(100, aandeel * 100)}%` }} />
        <span className="aandeel__doel" style={{ left: `${doel * 100}%` }} />
      </div>
    </div>
  );
}

export function BetaalbaarheidKaart({ b }: { b: Betaalbaarheid }) {
  const data = SEGMENTEN.map((s) => ({ segment: waarde(s), key: s, woningen: b.perSegment[s] }));
  return (
    <section className="card dashboard-kaart" aria-labelledby="db-betaalbaar">
      <h2 id="db-betaalbaar">{S.betaalbaarheid}</h2>
      <p className="muted">{S.betaalbaarheidUitleg}</p>
      {b.aandeelBetaalbaar === null || b.aandeelSocialeHuur === null ? (
        <p>{S.geenWoningen}</p>
      ) : (
        <>
          <Aandeel label={S.aandeelBetaalbaar} aandeel={b.aandeelBetaalbaar} doel={b.doelBetaalbaar} />
          <Aandeel label={S.aandeelSocialeHuur} aandeel={b.aandeelSocialeHuur} doel={b.doelSocialeHuur} />
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={200}>
              <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 4 }}>
                <XAxis type="number" tickFormatter={(v: number) => aantal(v)} />
                <YAxis type="category" dataKey="segment" width={130} />
                <Tooltip formatter={(v) => aantal(Number(v))} />
                <Bar dataKey="woningen" name={S.aantalWoningen} isAnimationActive={false}>
                  {data.map((d) => (
                    <Cell key={d.key} fill={SEGMENT_KLEUR[d.key]} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details className="chart-tabel">
            <summary>{S.alsTabel}</summary>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{S.segment}</th>
                  <th scope="col" className="num">
                    {S.aantalWoningen}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">{d.segment}</th>
                    <td className="num">{aantal(d.woningen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
