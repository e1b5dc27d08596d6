// Plan capacity against the remaining woondeal target and the national 130% norm.

import type { Plancapaciteit } from '../../../model';
import { aantal, procent, strings } from '../../strings';

const S = strings.dashboard;

export function PlancapaciteitKaart({ p, vanafJaar }: { p: Plancapaciteit; vanafJaar: number }) {
  const normWoningen = Math.ceil(p.resterendDoel * p.norm);
  const schaal = Math.max(p.capaciteit, normWoningen, 1);
  // A percentage of the track, not of the row: the number beside the bar must not squeeze it, or
  // bars of different values are drawn the same length (issue 16, defect 3).
  const balk = (n: number) => `${Math.min(100, (n / schaal) * 100)}%`;
  return (
    <section className="card dashboard-kaart" aria-labelledby="db-capaciteit">
      <h2 id="db-capaciteit">{S.plancapaciteit}</h2>
      <p className="muted">{S.plancapaciteitUitleg(vanafJaar)}</p>
      {p.ratio === null ? (
        <p>{S.geenDoelRest}</p>
      ) : (
        <p className={`kpi ${p.voldoetAanNorm ? 'kpi--goed' : 'kpi--slecht'}`} role="status">
          <span className="kpi__getal">{procent(p.ratio)}</span>
          <span>
            {S.ratio(procent(p.ratio))}. {p.voldoetAanNorm ? S.voldoet : S.voldoetNiet(aantal(p.tekort))}.
          </span>
        </p>
      )}
      <dl className="meters">
        <div className="meter">
          <dt>{S.capaciteit}</dt>
          <dd>
            <span className="meter__spoor">
              <span className="meter__balk" style={{ width: balk(p.capaciteit), background: '#1d4ed8' }} />
            </span>
            <span className="meter__getal">{S.woningen(p.capaciteit)}</span>
          </dd>
        </div>
        <div className="meter">
          <dt>{S.hardeCapaciteit}</dt>
          <dd>
            <span className="meter__spoor">
              <span className="meter__balk" style={{ width: balk(p.hardeCapaciteit), background: '#146c2e' }} />
            </span>
            <span className="meter__getal">{S.woningen(p.hardeCapaciteit)}</span>
          </dd>
        </div>
        <div className="meter">
          <dt>{S.norm}</dt>
          <dd>
            <span className="meter__spoor">
              <span className="meter__balk meter__balk--norm" style={{ width: balk(normWoningen) }} />
            </span>
            <span className="meter__getal">{S.woningen(normWoningen)}</span>
          </dd>
        </div>
        <div className="meter">
          <dt>{S.resterendDoel}</dt>
          <dd>
            <span className="meter__spoor">
              <span className="meter__balk" style={{ width: balk(p.resterendDoel), background: '#8a93a3' }} />
            </span>
            <span className="meter__getal">{S.woningen(p.resterendDoel)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
