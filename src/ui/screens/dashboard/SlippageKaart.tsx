// Slippage: how planned opleveringen moved since a frozen peildatum (default: the latest).

import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { alsPeildatumProjecten, readPeildata, slippage, slippagePerJaarschijf, type Project } from '../../../model';
import { aantal, strings } from '../../strings';
import { useRead, useTafel } from '../../tafel';
import { datumLang } from '../vergaderingen/datum';
import { KLEUR, legendaTekst } from './kleuren';
import { PeildatumVastleggen } from './PeildatumVastleggen';

const S = strings.dashboard;
const MAX_RIJEN = 10;

export function SlippageKaart({ projecten }: { projecten: readonly Project[] }) {
  const id = useId();
  const { tafelId } = useTafel();
  const peildata = useRead(readPeildata);
  const [gekozen, setGekozen] = useState<string>('');
  const peildatum = peildata.find((p) => p.id === gekozen) ?? peildata[peildata.length - 1];
  const nu = useMemo(() => alsPeildatumProjecten(projecten), [projecten]);
  const rijen = useMemo(() => (peildatum ? slippage(peildatum.projecten, nu) : []), [peildatum, nu]);
  const perJaar = useMemo(() => (peildatum ? slippagePerJaarschijf(peildatum.projecten, nu) : []), [peildatum, nu]);
  const vertraagd = rijen.filter((r) => r.soort === 'vertraagd');
  const versneld = rijen.filter((r) => r.soort === 'versneld');

  return (
    <section className="card dashboard-kaart dashboard-kaart--breed" aria-labelledby="db-slippage">
      <h2 id="db-slippage">{S.slippage}</h2>
      <p className="muted">{S.slippageUitleg}</p>
      {!peildatum ? (
        <p>{S.geenPeildata}</p>
      ) : (
        <>
          <div className="form-row slippage__keuze">
            <label htmlFor={id}>{S.peildatumLabel}</label>
            <select id={id} value={peildatum.id} onChange={(e) => setGekozen(e.target.value)}>
              {peildata.map((p) => (
                <option key={p.id} value={p.id}>
                  {datumLang(p.datum)}
                </option>
              ))}
            </select>
          </div>
          <p className="row">
            <span className="status-pill status-geescaleerd">{S.vertraagd(vertraagd.length)}</span>
            <span className="status-pill status-opgelost">{S.versneld(versneld.length)}</span>
          </p>
          <div className="chart" aria-hidden="true">
            <ResponsiveContainer width="100%" height={240}>
              <BarChart accessibilityLayer={false} data={perJaar} margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="jaarschijf" />
                <YAxis tickFormatter={(v: number) => aantal(v)} width={64} />
                <Tooltip formatter={(v) => aantal(Number(v))} />
                <Legend formatter={legendaTekst} />
                <Bar dataKey="voor" name={datumLang(peildatum.datum)} fill={KLEUR.voor} isAnimationActive={false} />
                <Bar dataKey="na" name={S.nu} fill={KLEUR.na} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <h3>{S.meestVertraagd}</h3>
          {vertraagd.length === 0 ? (
            <p>{S.geenVertraging}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{S.project}</th>
                  <th scope="col" className="num">
                    {S.verschuiving}
                  </th>
                  <th scope="col" className="num">
                    {S.gepland}
                  </th>
                </tr>
              </thead>
              <tbody>
                {vertraagd.slice(0, MAX_RIJEN).map((r) => (
                  <tr key={r.projectId}>
                    <th scope="row">
                      <Link to={`/tafel/${tafelId}/planmonitor/${r.projectId}`}>{r.naam}</Link>
                    </th>
                    <td className="num">{S.jaren(r.verschuivingJaren)}</td>
                    <td className="num">{aantal(r.woningenNa)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <PeildatumVastleggen />
    </section>
  );
}
