// Raising a knelpunt: title, theme, description and the projects it blocks. Any partij may; the
// knelpunt is raised in the name of the lid's own partij. On an error nothing typed is lost.

import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { NAAM_MAX, THEMAS, type Thema } from '../../../model';
import { raiseKnelpunt } from '../../../operations';
import { Dialog } from '../../components/Dialog';
import { formProblems, problemSummary, type FormRule } from '../../components/formCheck';
import { FormProblem, LengthHint, problemAria, FormError } from '../../components/FormProblem';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useNamen, useTafel, useWrite } from '../../tafel';
import { ProjectKiezer } from './ProjectKiezer';

const S = strings.knelpunten.nieuw;

export function KnelpuntMelden({ open, onClose, projecten: startProjecten = [] }: { open: boolean; onClose: () => void; projecten?: readonly string[] }) {
  const id = useId();
  const { actor, tafelId } = useTafel();
  const namen = useNamen();
  const write = useWrite();
  const navigate = useNavigate();
  const [titel, setTitel] = useState('');
  const [thema, setThema] = useState<Thema | ''>('');
  const [beschrijving, setBeschrijving] = useState('');
  const [projecten, setProjecten] = useState<string[]>([...startProjecten]);
  const [fout, setFout] = useState<string | null>(null);
  const [problemen, setProblemen] = useState<Record<string, string>>({});
  const regels: FormRule[] = [
    { id: `${id}-titel`, label: S.titelLabel, value: titel, required: true, max: NAAM_MAX },
    { id: `${id}-thema`, label: FIELD_LABELS.knelpunten.thema, value: thema, required: true },
  ];

  const verzend = (e: FormEvent) => {
    e.preventDefault();
    const p = formProblems(regels);
    setProblemen(p);
    // (thema === '' is among the problems; the check also narrows its type)
    if (Object.keys(p).length > 0 || thema === '') {
      setFout(problemSummary(regels, p));
      return;
    }
    let nieuwId = '';
    const f = write((doc, a) => {
      nieuwId = raiseKnelpunt(doc, a, { titel: titel.trim(), thema, beschrijving, projecten });
    });
    if (f) {
      setFout(f);
      return;
    }
    setTitel('');
    setThema('');
    setBeschrijving('');
    setProjecten([]);
    setFout(null);
    setProblemen({});
    onClose();
    navigate(`/tafel/${tafelId}/knelpunten/${nieuwId}`);
  };

  const partij = actor ? (namen.partijen.get(actor.partijId)?.naam ?? '') : '';
  return (
    <Dialog open={open} title={S.titel} onClose={onClose}>
      <form onSubmit={verzend} className="form" noValidate>
        <p className="muted">{S.uitleg(partij)}</p>
        <div className="form-row">
          <label htmlFor={`${id}-titel`}>
            {S.titelLabel} <span className="muted">({strings.common.verplicht})</span>
          </label>
          <input
            id={`${id}-titel`}
            type="text"
            value={titel}
            required
            onChange={(e) => setTitel(e.target.value)}
            {...problemAria(`${id}-titel`, problemen[`${id}-titel`], true)}
          />
          <LengthHint id={`${id}-titel`} value={titel} max={NAAM_MAX} />
          <FormProblem id={`${id}-titel`} problem={problemen[`${id}-titel`]} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-thema`}>
            {FIELD_LABELS.knelpunten.thema} <span className="muted">({strings.common.verplicht})</span>
          </label>
          <select id={`${id}-thema`} value={thema} required onChange={(e) => setThema(e.target.value as Thema)} {...problemAria(`${id}-thema`, problemen[`${id}-thema`])}>
            <option value="">{strings.common.kiesEen}</option>
            {THEMAS.map((t) => (
              <option key={t} value={t}>
                {waarde(t)}
              </option>
            ))}
          </select>
          <FormProblem id={`${id}-thema`} problem={problemen[`${id}-thema`]} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-beschrijving`}>{FIELD_LABELS.knelpunten.beschrijving}</label>
          <textarea id={`${id}-beschrijving`} rows={4} value={beschrijving} onChange={(e) => setBeschrijving(e.target.value)} />
        </div>
        <ProjectKiezer label={S.projectenLabel} gekozen={projecten} onChange={setProjecten} />
        <FormError message={fout} />
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {strings.common.annuleren}
          </button>
          <button type="submit" className="btn btn-primary">
            {S.melden}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
