// Opleveringen per jaarschijf as a small table the private owner edits in place: one row per
// year, add a year, remove a year. Everyone else sees the numbers and whose they are.

import { useId, useState, type FormEvent } from 'react';
import { JAARSCHIJF_MAX, JAARSCHIJF_MIN, OPLEVERING_PREFIX, type Project } from '../../../model';
import { setOplevering } from '../../../operations';
import { Button } from '../../components/Button';
import { LockNote } from '../../components/LockNote';
import { parseCount } from '../../components/fieldFormat';
import { provenanceText } from '../../components/provenanceText';
import { useMayEdit, useWrite } from '../../tafel/useMayEdit';
import { useNamen } from '../../tafel/useNamen';
import { aantal, strings } from '../../strings';

const t = strings.project;

export function OpleveringenTable({ project, lockNote }: { project: Project; lockNote: string }) {
  const probeKey = `${OPLEVERING_PREFIX}${new Date().getFullYear()}`;
  const mayEdit = useMayEdit('projecten', project.id, probeKey);
  const jaren = Object.keys(project.opleveringen)
    .map(Number)
    .sort((a, b) => a - b);
  const totaal = jaren.reduce((n, j) => n + (project.opleveringen[j] ?? 0), 0);
  return (
    <section aria-labelledby="opl-title" className="opleveringen">
      <h3 id="opl-title">{t.opleveringen}</h3>
      <p className="field-hint">{t.opleveringenUitleg}</p>
      {!mayEdit.ok && (
        <LockNote>{lockNote}</LockNote>
      )}
      {jaren.length === 0 ? (
        <p className="muted">{t.geenOpleveringen}</p>
      ) : (
        <table className="table opl-table">
          <thead>
            <tr>
              <th scope="col">{t.jaarschijf}</th>
              <th scope="col" className="num">
                {t.woningen}
              </th>
              {mayEdit.ok && (
                <th scope="col">
                  <span className="visually-hidden">{strings.common.verwijderen}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {jaren.map((j) => (
              <OpleveringRij key={j} project={project} jaar={j} editable={mayEdit.ok} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.totaal}</th>
              <td className="num">
                <strong>{aantal(totaal)}</strong>
              </td>
              {mayEdit.ok && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      {mayEdit.ok && <JaarToevoegen project={project} bestaand={jaren} />}
    </section>
  );
}

function OpleveringRij({ project, jaar, editable }: { project: Project; jaar: number; editable: boolean }) {
  const id = useId();
  const write = useWrite();
  const namen = useNamen();
  const value = project.opleveringen[jaar] ?? 0;
  const prov = project.provenance[`${OPLEVERING_PREFIX}${jaar}`];
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (text: string) => {
    const n = parseCount(text);
    if (n === null) {
      setError(strings.errors.waarde.geenGetal);
      return;
    }
    if (n === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const failure = write((doc, actor) => setOplevering(doc, actor, project.id, jaar, n));
    setError(failure);
    if (!failure) setDraft(null);
  };

  return (
    <tr>
      <th scope="row">
        <label htmlFor={id}>{jaar}</label>
      </th>
      <td className="num">
        {editable ? (
          <input
            id={id}
            className="opl-input"
            type="text"
            inputMode="numeric"
            value={draft ?? String(value)}
            aria-describedby={`${id}-p${error ? ` ${id}-e` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={(e) => draft !== null && commit(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(e.currentTarget.value);
              if (e.key === 'Escape') {
                setDraft(null);
                setError(null);
              }
            }}
          />
        ) : (
          <span id={id}>{aantal(value)}</span>
        )}
        <span className="provenance opl-prov" id={`${id}-p`}>
          {provenanceText(prov, namen)}
        </span>
        {error && (
          <span className="field-error" id={`${id}-e`} role="alert">
            {error}
          </span>
        )}
      </td>
      {editable && (
        <td>
          <Button
            variant="quiet"
            className="icon-btn"
            aria-label={t.jaarVerwijderen(jaar)}
            onClick={() => setError(write((doc, actor) => setOplevering(doc, actor, project.id, jaar, null)))}
          >
            ✕
          </Button>
        </td>
      )}
    </tr>
  );
}

function JaarToevoegen({ project, bestaand }: { project: Project; bestaand: number[] }) {
  const id = useId();
  const write = useWrite();
  const volgend = bestaand.length ? Math.max(...bestaand) + 1 : new Date().getFullYear();
  const [jaar, setJaar] = useState(String(volgend));
  const [woningen, setWoningen] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const j = Number(jaar);
    if (!Number.isInteger(j) || j < JAARSCHIJF_MIN || j > JAARSCHIJF_MAX) return setError(strings.errors.waarde.geenJaar);
    if (bestaand.includes(j)) return setError(t.jaarBestaat);
    const n = parseCount(woningen);
    if (n === null) return setError(strings.errors.waarde.geenGetal);
    const failure = write((doc, actor) => setOplevering(doc, actor, project.id, j, n));
    setError(failure);
    if (!failure) {
      setJaar(String(j + 1));
      setWoningen('');
    }
  };

  return (
    <form className="opl-add" onSubmit={submit} aria-label={t.jaarToevoegen}>
      <div className="form-row">
        <label htmlFor={`${id}-j`}>{t.nieuwJaar}</label>
        <input id={`${id}-j`} type="text" inputMode="numeric" value={jaar} onChange={(e) => setJaar(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-w`}>{t.woningen}</label>
        <input id={`${id}-w`} type="text" inputMode="numeric" value={woningen} onChange={(e) => setWoningen(e.target.value)} />
      </div>
      <Button type="submit">{t.jaarToevoegen}</Button>
      {error && (
        <p className="field-error opl-add-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
