// Creating a project: an overheid lid creates it for their own gemeente; the chair chooses the
// gemeente. The developing partij may be assigned right away or later on the project page.

import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { NAAM_MAX } from '../../../model';
import { createProject } from '../../../operations';
import { isChair } from '../../../ownership/rulebook';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { formProblems, problemSummary, type FormRule } from '../../components/formCheck';
import { FormProblem, LengthHint, problemAria, FormError } from '../../components/FormProblem';
import { useWrite } from '../../tafel/useMayEdit';
import { useNamen } from '../../tafel/useNamen';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';

const t = strings.nieuwProject;

export function NieuwProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title={t.titel} onClose={onClose}>
      {open && <NieuwProjectForm onClose={onClose} />}
    </Dialog>
  );
}

function NieuwProjectForm({ onClose }: { onClose: () => void }) {
  const { actor, tafelId } = useTafel();
  const namen = useNamen();
  const write = useWrite();
  const navigate = useNavigate();
  const chair = actor !== null && isChair(actor);
  const partijen = [...namen.partijen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const overheden = partijen.filter((p) => p.bloedgroep === 'overheid' && (chair || p.id === actor?.partijId));
  const ontwikkelaars = partijen.filter((p) => p.bloedgroep === 'corporatie' || p.bloedgroep === 'markt');

  const [naam, setNaam] = useState('');
  const [gemeente, setGemeente] = useState('');
  const [publiek, setPubliek] = useState(overheden.length === 1 ? overheden[0]!.id : '');
  const [privaat, setPrivaat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problemen, setProblemen] = useState<Record<string, string>>({});
  const regels: FormRule[] = [
    { id: 'np-naam', label: t.naam, value: naam, required: true, max: NAAM_MAX },
    { id: 'np-gemeente', label: t.gemeente, value: gemeente, max: NAAM_MAX },
    { id: 'np-publiek', label: t.publiekEigenaar, value: publiek, required: true },
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = formProblems(regels);
    setProblemen(p);
    if (Object.keys(p).length > 0) {
      setError(problemSummary(regels, p));
      return;
    }
    let id = '';
    const failure = write((doc, a) => {
      id = createProject(doc, a, {
        naam: naam.trim(),
        publiekEigenaar: publiek,
        privaatEigenaar: privaat || null,
        publiek: gemeente.trim() ? { gemeente: gemeente.trim() } : {},
      });
    });
    if (failure) {
      setError(failure);
      return;
    }
    onClose();
    navigate(`/tafel/${encodeURIComponent(tafelId)}/planmonitor/${encodeURIComponent(id)}`);
  };

  if (overheden.length === 0) return <p>{t.geenOverheid}</p>;
  return (
    <form onSubmit={submit} noValidate>
      <div className="form-row">
        <label htmlFor="np-naam">
          {t.naam} <span className="muted">({strings.common.verplicht})</span>
        </label>
        <input id="np-naam" type="text" value={naam} required onChange={(e) => setNaam(e.target.value)} {...problemAria('np-naam', problemen['np-naam'], true)} />
        <LengthHint id="np-naam" value={naam} max={NAAM_MAX} />
        <FormProblem id="np-naam" problem={problemen['np-naam']} />
      </div>
      <div className="form-row">
        <label htmlFor="np-gemeente">{t.gemeente}</label>
        <input id="np-gemeente" type="text" value={gemeente} onChange={(e) => setGemeente(e.target.value)} {...problemAria('np-gemeente', problemen['np-gemeente'], true)} />
        <LengthHint id="np-gemeente" value={gemeente} max={NAAM_MAX} />
        <FormProblem id="np-gemeente" problem={problemen['np-gemeente']} />
      </div>
      <div className="form-row">
        <label htmlFor="np-publiek">{t.publiekEigenaar}</label>
        <select id="np-publiek" value={publiek} onChange={(e) => setPubliek(e.target.value)} disabled={overheden.length === 1} {...problemAria('np-publiek', problemen['np-publiek'])}>
          {overheden.length > 1 && <option value="">{strings.common.kiesEen}</option>}
          {overheden.map((p) => (
            <option key={p.id} value={p.id}>
              {p.naam}
            </option>
          ))}
        </select>
        <FormProblem id="np-publiek" problem={problemen['np-publiek']} />
      </div>
      <div className="form-row">
        <label htmlFor="np-privaat">{t.privaatEigenaar}</label>
        <select id="np-privaat" value={privaat} onChange={(e) => setPrivaat(e.target.value)}>
          <option value="">{strings.project.geenPrivaat}</option>
          {ontwikkelaars.map((p) => (
            <option key={p.id} value={p.id}>
              {p.naam}
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      <div className="button-row dialog-actions">
        <Button onClick={onClose}>{strings.common.annuleren}</Button>
        <Button type="submit" variant="primary">
          {t.aanmaken}
        </Button>
      </div>
    </form>
  );
}
