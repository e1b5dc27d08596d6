// Raising a knelpunt: title, theme, description and the projects it blocks. Any partij may; the
// knelpunt is raised in the name of the lid's own partij. On an error nothing typed is lost.

import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { THEMAS, type Thema } from '../../../model';
import { raiseKnelpunt } from '../../../operations';
import { Dialog } from '../../components/Dialog';
import { strings, waarde } from '../../strings';
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

  const verzend = (e: FormEvent) => {
    e.preventDefault();
    if (titel.trim() === '' || thema === '') {
      setFout(strings.errors.waarde.leeg);
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
          <input id={`${id}-titel`} type="text" value={titel} maxLength={200} required onChange={(e) => setTitel(e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-thema`}>
            {S.themaLabel} <span className="muted">({strings.common.verplicht})</span>
          </label>
          <select id={`${id}-thema`} value={thema} required onChange={(e) => setThema(e.target.value as Thema)}>
            <option value="">{strings.common.kiesEen}</option>
            {THEMAS.map((t) => (
              <option key={t} value={t}>
                {waarde(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-beschrijving`}>{S.beschrijvingLabel}</label>
          <textarea id={`${id}-beschrijving`} rows={4} value={beschrijving} onChange={(e) => setBeschrijving(e.target.value)} />
        </div>
        <ProjectKiezer label={S.projectenLabel} gekozen={projecten} onChange={setProjecten} />
        {fout && (
          <p className="field-error" role="alert">
            {fout} {strings.errors.invoerBewaard}
          </p>
        )}
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
