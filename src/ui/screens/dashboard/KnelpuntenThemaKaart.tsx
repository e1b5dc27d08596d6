// Knelpunten per theme: open and total, most open first.

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ThemaTelling } from '../../../model';
import { strings, waarde } from '../../strings';
import { KLEUR, legendaTekst } from './kleuren';

const S = strings.dashboard;

export function KnelpuntenThemaKaart({ rijen }: { rijen: readonly ThemaTelling[] }) {
  const data = rijen.map((r) => ({ thema: waarde(r.thema), open: r.open, totaal: r.totaal }));
  return (
    <section className="card dashboard-kaart" aria-labelledby="db-thema">
      <h2 id="db-thema">{S.knelpuntenPerThema}</h2>
      {rijen.length === 0 ? (
        <p>{S.geenKnelpunten}</p>
      ) : (
        <>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={Math.max(160, 44 * data.length + 60)}>
              <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="thema" width={160} />
                <Tooltip />
                <Legend formatter={legendaTekst} />
                <Bar dataKey="open" name={S.open} fill={KLEUR.open} isAnimationActive={false} />
                <Bar dataKey="totaal" name={S.totaal} fill={KLEUR.totaal} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details className="chart-tabel">
            <summary>{S.alsTabel}</summary>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{S.thema}</th>
                  <th scope="col" className="num">
                    {S.open}
                  </th>
                  <th scope="col" className="num">
                    {S.totaal}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.thema}>
                    <th scope="row">{d.thema}</th>
                    <td className="num">{d.open}</td>
                    <td className="num">{d.totaal}</td>
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
