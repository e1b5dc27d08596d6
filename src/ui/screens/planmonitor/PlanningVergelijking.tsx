// The gemeente's planning grid (public) beside the developer's opleveringen (private), per year,
// with every year where they differ flagged in words (not by colour alone). Below it, the grid
// per prijscategorie, so the programme the gemeente keeps is visible too. The project's public
// owner edits the grid here, a year at a time (PlanningJaarEditor); everyone else sees whose it is.

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { JAARSCHIJF_MAX, JAARSCHIJF_MIN, perCategorie, PLANNING_PREFIX, planningVergelijking, PRIJSCATEGORIEEN, type Project } from '../../../model';
import { Button } from '../../components/Button';
import { LockNote } from '../../components/LockNote';
import { useMayEdit } from '../../tafel/useMayEdit';
import { valueProblemText } from '../../codeText';
import { aantal, strings } from '../../strings';
import { PlanningJaarEditor, type EditorUitkomst } from './PlanningJaarEditor';

const t = strings.monitor;
const pb = t.planningBewerken;

export function PlanningVergelijking({ project, publiekNaam }: { project: Project; publiekNaam: string }) {
  const mayEdit = useMayEdit('projecten', project.id, `${PLANNING_PREFIX}${new Date().getFullYear()}`);
  const [bewerkt, setBewerkt] = useState<number | null>(null);
  const knoppen = useRef(new Map<number, HTMLButtonElement>());
  const kop = useRef<HTMLHeadingElement>(null);
  // Back to where the user came from: the year's button (once a saved year's row is there), or the heading when the year has none.
  const [focusOp, setFocusOp] = useState<number | 'kop' | null>(null);
  useEffect(() => {
    if (focusOp === null) return;
    const doel = focusOp === 'kop' ? kop.current : knoppen.current.get(focusOp);
    if (!doel) return;
    doel.focus();
    setFocusOp(null);
  });
  const rijen = planningVergelijking(project);
  const klaar = (jaar: number, uitkomst: EditorUitkomst) => {
    setBewerkt(null);
    setFocusOp(uitkomst === 'opgeslagen' || (uitkomst === 'geannuleerd' && rijen.some((r) => r.jaar === jaar)) ? jaar : 'kop');
  };
  const jaren = Object.keys(project.planning)
    .map(Number)
    .sort((a, b) => a - b);
  const categorieen = [...PRIJSCATEGORIEEN, 'sloop'] as const;
  const perJaar = new Map(jaren.map((j) => [j, { ...perCategorie(project.planning[j] ?? {}), sloop: project.planning[j]?.sloop ?? 0 }]));
  const gebruikt = categorieen.filter((c) => jaren.some((j) => (perJaar.get(j)?.[c] ?? 0) > 0));
  return (
    <section className="card planning-vergelijking" aria-labelledby="planning-title">
      <h2 id="planning-title" ref={kop} tabIndex={-1}>
        {t.planning}
      </h2>
      <p className="field-hint">{t.planningUitleg}</p>
      {!mayEdit.ok && <LockNote>{strings.owner.slotVan(publiekNaam)}</LockNote>}
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
              {mayEdit.ok && (
                <th scope="col">
                  <span className="visually-hidden">{pb.kolomBewerken}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rijen.map((r) => (
              <tr key={r.jaar} className={r.wijktAf ? 'wijkt-af' : undefined}>
                <th scope="row">{r.jaar}</th>
                <td className="num">{r.gemeente === null ? strings.common.leeg : aantal(r.gemeente)}</td>
                <td className="num">{r.ontwikkelaar === null ? strings.common.leeg : aantal(r.ontwikkelaar)}</td>
                <td>{r.wijktAf ? <span className="status-pill pill-warning">⚠ {t.wijktAf(r.verschil)}</span> : t.gelijk}</td>
                {mayEdit.ok && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      ref={(el) => {
                        if (el) knoppen.current.set(r.jaar, el);
                        else knoppen.current.delete(r.jaar);
                      }}
                      aria-expanded={bewerkt === r.jaar}
                      onClick={() => setBewerkt(bewerkt === r.jaar ? null : r.jaar)}
                    >
                      {r.gemeente === null ? pb.invullen(r.jaar) : pb.bewerken(r.jaar)}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayEdit.ok && bewerkt !== null && <PlanningJaarEditor key={bewerkt} project={project} jaar={bewerkt} onKlaar={(uitkomst) => klaar(bewerkt, uitkomst)} />}
      {mayEdit.ok && bewerkt === null && <JaarToevoegen bestaand={rijen.map((r) => r.jaar)} onKies={setBewerkt} />}
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

/** A year the planning does not name yet: opens the editor for it (nothing is stored until it is saved). */
function JaarToevoegen({ bestaand, onKies }: { bestaand: readonly number[]; onKies: (jaar: number) => void }) {
  const volgend = bestaand.length ? Math.max(...bestaand) + 1 : new Date().getFullYear();
  const [jaar, setJaar] = useState(String(volgend));
  const [fout, setFout] = useState<string | null>(null);
  const kies = (e: FormEvent) => {
    e.preventDefault();
    const j = Number(jaar.trim());
    if (!Number.isInteger(j) || j < JAARSCHIJF_MIN || j > JAARSCHIJF_MAX) return setFout(valueProblemText({ code: 'not-jaarschijf', message: 'not a jaarschijf' }));
    if (bestaand.includes(j)) return setFout(pb.jaarBestaat);
    setFout(null);
    onKies(j);
  };
  return (
    <form className="opl-add planning-add" onSubmit={kies} aria-label={pb.jaarToevoegen}>
      <div className="form-row">
        <label htmlFor="planning-nieuw-jaar">{pb.nieuwJaar}</label>
        <input
          id="planning-nieuw-jaar"
          type="text"
          inputMode="numeric"
          value={jaar}
          aria-invalid={fout ? true : undefined}
          aria-describedby={fout ? 'planning-nieuw-jaar-fout' : undefined}
          onChange={(e) => setJaar(e.target.value)}
        />
      </div>
      <Button type="submit">{pb.jaarToevoegen}</Button>
      {fout && (
        <p className="field-error opl-add-error" id="planning-nieuw-jaar-fout" role="alert">
          {fout}
        </p>
      )}
    </form>
  );
}
