// The realisation probabilities the verwachte productie is computed with (tafel settings).

import { PLANSTATUSSEN, type Planstatus } from '../../../model';
import { procent, strings, waarde } from '../../strings';

const S = strings.dashboard;

export function KansenKaart({ kansen }: { kansen: Readonly<Record<Planstatus, number>> }) {
  return (
    <section className="card dashboard-kaart" aria-labelledby="db-kansen">
      <h2 id="db-kansen">{S.kansen}</h2>
      <p className="muted">{S.kansenUitleg}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{S.planstatus}</th>
            <th scope="col" className="num">
              {S.kans}
            </th>
          </tr>
        </thead>
        <tbody>
          {PLANSTATUSSEN.map((s) => (
            <tr key={s}>
              <th scope="row">{waarde(s)}</th>
              <td className="num">{procent(kansen[s])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
