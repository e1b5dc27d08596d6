// Any partij proposes an agendapunt, in its own name, optionally about open knelpunten. An empty
// or too long title is named at the field (nothing is cut off).

import { useId, useState, type FormEvent } from 'react';
import { NAAM_MAX } from '../../../model';
import { proposeAgendapunt } from '../../../operations';
import { formProblems, problemSummary, type FormRule } from '../../components/formCheck';
import { FormError, FormProblem, LengthHint, problemAria } from '../../components/FormProblem';
import { strings } from '../../strings';
import { useNamen, useTafel, useWrite } from '../../tafel';
import { KnelpuntKiezer } from '../knelpunten/KnelpuntKiezer';

const S = strings.vergadering;

export function AgendapuntVoorstellen({ vergaderingId }: { vergaderingId: string }) {
  const id = useId();
  const { actor } = useTafel();
  const namen = useNamen();
  const write = useWrite();
  const [titel, setTitel] = useState('');
  const [knelpunten, setKnelpunten] = useState<string[]>([]);
  const [fout, setFout] = useState<string | null>(null);
  const [problemen, setProblemen] = useState<Record<string, string>>({});
  const regels: FormRule[] = [{ id: `${id}-titel`, label: S.voorstelTitel, value: titel, required: true, max: NAAM_MAX }];
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    const p = formProblems(regels);
    setProblemen(p);
    if (Object.keys(p).length > 0) return setFout(problemSummary(regels, p));
    const f = write((doc, a) => proposeAgendapunt(doc, a, { vergaderingId, titel: titel.trim(), knelpunten }));
    setFout(f);
    if (f) return;
    setTitel('');
    setKnelpunten([]);
  };
  return (
    <form className="form agendapunt-voorstel" onSubmit={verzend} noValidate aria-labelledby={`${id}-kop`}>
      <h3 id={`${id}-kop`}>{S.voorstellen}</h3>
      <p className="muted">{S.voorstellenUitleg(actor ? (namen.partijen.get(actor.partijId)?.naam ?? '') : '')}</p>
      <div className="form-row">
        <label htmlFor={`${id}-titel`}>
          {S.voorstelTitel} <span className="muted">({strings.common.verplicht})</span>
        </label>
        <input id={`${id}-titel`} type="text" value={titel} required onChange={(e) => setTitel(e.target.value)} {...problemAria(`${id}-titel`, problemen[`${id}-titel`], true)} />
        <LengthHint id={`${id}-titel`} value={titel} max={NAAM_MAX} />
        <FormProblem id={`${id}-titel`} problem={problemen[`${id}-titel`]} />
      </div>
      <details>
        <summary>{S.voorstelKnelpunten}</summary>
        <KnelpuntKiezer label={S.voorstelKnelpunten} gekozen={knelpunten} onChange={setKnelpunten} />
      </details>
      <FormError message={fout} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary">
          {S.voorstelVerzenden}
        </button>
      </div>
    </form>
  );
}
