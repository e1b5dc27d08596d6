// The chair records an afspraak: what, which partij, by when, optionally about a knelpunt. Used
// in the meeting (with its vergadering) and on the afspraken list. Each empty required field is
// named at the field.

import { useId, useState, type FormEvent } from 'react';
import { AFSPRAAK_MAX, readKnelpunten } from '../../../model';
import { recordAfspraak } from '../../../operations';
import { formProblems, problemSummary, type FormRule } from '../../components/formCheck';
import { FormError, FormProblem, LengthHint, problemAria } from '../../components/FormProblem';
import { strings } from '../../strings';
import { useNamen, useRead, useWrite } from '../../tafel';
import { useToast } from '../../components/Toast';
import { isOpen } from '../knelpunten/knelpuntenFilter';

const S = strings.afspraken;

export function AfspraakForm({ vergaderingId }: { vergaderingId?: string }) {
  const id = useId();
  const namen = useNamen();
  const knelpunten = useRead(readKnelpunten);
  const write = useWrite();
  const toast = useToast();
  const [wat, setWat] = useState('');
  const [partijId, setPartijId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [knelpuntId, setKnelpuntId] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [problemen, setProblemen] = useState<Record<string, string>>({});
  const partijen = [...namen.partijen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const regels: FormRule[] = [
    { id: `${id}-wat`, label: S.watLabel, value: wat, required: true, max: AFSPRAAK_MAX },
    { id: `${id}-partij`, label: S.partijLabel, value: partijId, required: true },
  ];

  const verzend = (e: FormEvent) => {
    e.preventDefault();
    const p = formProblems(regels);
    setProblemen(p);
    if (Object.keys(p).length > 0) return setFout(problemSummary(regels, p));
    const f = write((doc, actor) =>
      recordAfspraak(doc, actor, { wat: wat.trim(), partijId, deadline: deadline || null, vergaderingId: vergaderingId ?? null, knelpuntId: knelpuntId || null }),
    );
    setFout(f);
    if (f) return;
    setWat('');
    setDeadline('');
    setKnelpuntId('');
    toast(S.vastgelegd);
  };

  return (
    <form className="form afspraak-form" onSubmit={verzend} noValidate aria-labelledby={`${id}-titel`}>
      <h3 id={`${id}-titel`}>{S.nieuw}</h3>
      <div className="form-row">
        <label htmlFor={`${id}-wat`}>
          {S.watLabel} <span className="muted">({strings.common.verplicht})</span>
        </label>
        <textarea id={`${id}-wat`} rows={2} value={wat} required onChange={(e) => setWat(e.target.value)} {...problemAria(`${id}-wat`, problemen[`${id}-wat`], true)} />
        <LengthHint id={`${id}-wat`} value={wat} max={AFSPRAAK_MAX} />
        <FormProblem id={`${id}-wat`} problem={problemen[`${id}-wat`]} />
      </div>
      <div className="fields-grid">
        <div className="form-row">
          <label htmlFor={`${id}-partij`}>
            {S.partijLabel} <span className="muted">({strings.common.verplicht})</span>
          </label>
          <select id={`${id}-partij`} value={partijId} required onChange={(e) => setPartijId(e.target.value)} {...problemAria(`${id}-partij`, problemen[`${id}-partij`])}>
            <option value="">{strings.common.kiesEen}</option>
            {partijen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam}
              </option>
            ))}
          </select>
          <FormProblem id={`${id}-partij`} problem={problemen[`${id}-partij`]} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-deadline`}>{S.deadlineLabel}</label>
          <input id={`${id}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-knelpunt`}>{S.knelpuntLabel}</label>
          <select id={`${id}-knelpunt`} value={knelpuntId} onChange={(e) => setKnelpuntId(e.target.value)}>
            <option value="">{S.geenKnelpunt}</option>
            {knelpunten.filter(isOpen).map((k) => (
              <option key={k.id} value={k.id}>
                {k.titel}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormError message={fout} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary">
          {S.vastleggen}
        </button>
      </div>
    </form>
  );
}
