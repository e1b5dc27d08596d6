// Verwachte productie per jaarschijf: planned and expected homes as bars, the woondeal target as a line.

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProductieJaar } from '../../../model';
import { EmptyState } from '../../components/EmptyState';
import { aantal, strings } from '../../strings';
import { KLEUR, legendaTekst } from './kleuren';

const S = strings.dashboard;

export function ProductieKaart({ rijen }: { rijen: readonly ProductieJaar[] }) {
  const data = rijen.map((r) => ({ ...r, verwacht: Math.round(r.verwacht) }));
  return (
    <section className="card dashboard-kaart dashboard-kaart--breed" aria-labelledby="db-productie">
      <h2 id="db-productie">{S.productie}</h2>
      <p className="muted">{S.productieUitleg}</p>
      {rijen.length === 0 ? (
        <EmptyState title={S.geenProductie}>
          <p>{S.geenProductieActie}</p>
        </EmptyState>
      ) : (
        <>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={300}>
              <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="jaarschijf" />
                <YAxis tickFormatter={(v: number) => aantal(v)} width={64} />
                <Tooltip formatter={(v) => aantal(Number(v))} />
                <Legend formatter={legendaTekst} />
                <Bar dataKey="gepland" name={S.gepland} fill={KLEUR.gepland} isAnimationActive={false} />
                <Bar dataKey="verwacht" name={S.verwacht} fill={KLEUR.verwacht} isAnimationActive={false} />
                <Line dataKey="doel" name={S.doel} stroke={KLEUR.doel} strokeWidth={3} strokeDasharray="6 3" dot={{ r: 4 }} connectNulls isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <details className="chart-tabel" open={false}>
            <summary>{S.alsTabel}</summary>
            <table className="table">
              <caption className="visually-hidden">{S.productie}</caption>
              <thead>
                <tr>
                  <th scope="col">{S.jaarschijf}</th>
                  <th scope="col" className="num">
                    {S.gepland}
                  </th>
                  <th scope="col" className="num">
                    {S.verwacht}
                  </th>
                  <th scope="col" className="num">
                    {S.doel}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((r) => (
                  <tr key={r.jaarschijf}>
                    <th scope="row">{r.jaarschijf}</th>
                    <td className="num">{aantal(r.gepland)}</td>
                    <td className="num">{aantal(r.verwacht)}</td>
                    <td className="num">{r.doel === null ? S.geenDoel : aantal(r.doel)}</td>
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
