// The gemeente's planning grid (public) beside the developer's opleveringen (private), per year,
// with every year where they differ flagged in words (not by colour alone). Below it, the grid
// per prijscategorie, so the programme the gemeente keeps is visible too.

import { perCategorie, planningVergelijking, PRIJSCATEGORIEEN, type Project } from '../../../model';
import { aantal, strings } from '../../strings';

const t = strings.monitor;

export function PlanningVergelijking({ project }: { project: Project }) {
  const rijen = planningVergelijking(project);
  const jaren = Object.keys(project.planning)
    .map(Number)
    .sort((a, b) => a - b);
  const categorieen = [...PRIJSCATEGORIEEN, 'sloop'] as const;
  const perJaar = new Map(jaren.map((j) => [j, { ...perCategorie(project.planning[j] ?? {}), sloop: project.planning[j]?.sloop ?? 0 }]));
  const gebruikt = categorieen.filter((c) => jaren.some((j) => (perJaar.get(j)?.[c] ?? 0) > 0));
  return (
    <section className="card planning-vergelijking" aria-labelledby="planning-title">
      <h2 id="planning-title">{t.planning}</h2>
      <p className="field-hint">{t.planningUitleg}</p>
      {rijen.length === 0 ? (
        <p className="muted">{t.geenPlanning}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.jaar}</th>
              <th scope="col" className="num">{t.gemeente}</th>
              <th scope="col" className="num">{t.ontwikkelaar}</th>
              <th scope="col">{t.verschil}</th>
            </tr>
          </thead>
          <tbody>
            {rijen.map((r) => (
              <tr key={r.jaar} className={r.wijktAf ? 'wijkt-af' : undefined}>
                <th scope="row">{r.jaar}</th>
                <td className="num">{r.gemeente === null ? strings.common.leeg : aantal(r.gemeente)}</td>
                <td className="num">{r.ontwikkelaar === null ? strings.common.leeg : aantal(r.ontwikkelaar)}</td>
                <td>{r.wijktAf ? <span className="status-pill pill-warning">⚠ {t.wijktAf(r.verschil)}</span> : t.gelijk}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {jaren.length > 0 && gebruikt.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t.perCategorie}</caption>
            <thead>
              <tr>
                <th scope="col">{t.jaar}</th>
                {gebruikt.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t.prijscategorieen[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {jaren.map((j) => (
                <tr key={j}>
                  <th scope="row">{j}</th>
                  {gebruikt.map((c) => (
                    <td key={c} className="num">
                      {aantal(perJaar.get(j)?.[c] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
