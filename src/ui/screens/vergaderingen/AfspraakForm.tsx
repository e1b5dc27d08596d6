// The chair records an afspraak: what, which partij, by when, optionally about a knelpunt. Used
// in the meeting (with its vergadering) and on the afspraken list.

import { useId, useState, type FormEvent } from 'react';
import { readKnelpunten } from '../../../model';
import { recordAfspraak } from '../../../operations';
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
  const partijen = [...namen.partijen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));

  const verzend = (e: FormEvent) => {
    e.preventDefault();
    if (wat.trim() === '' || partijId === '') return setFout(strings.errors.waarde.leeg);
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
        <textarea id={`${id}-wat`} rows={2} value={wat} onChange={(e) => setWat(e.target.value)} />
      </div>
      <div className="fields-grid">
        <div className="form-row">
          <label htmlFor={`${id}-partij`}>
            {S.partijLabel} <span className="muted">({strings.common.verplicht})</span>
          </label>
          <select id={`${id}-partij`} value={partijId} onChange={(e) => setPartijId(e.target.value)}>
            <option value="">{strings.common.kiesEen}</option>
            {partijen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam}
              </option>
            ))}
          </select>
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
      {fout && (
        <p className="field-error" role="alert">
          {fout} {strings.errors.invoerBewaard}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary">
          {S.vastleggen}
        </button>
      </div>
    </form>
  );
}
