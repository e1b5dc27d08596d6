// The chair freezes the planmonitor at a peildatum: a snapshot nobody changes afterwards, which
// the slippage view compares with later states of the monitor.

import { useId, useState, type FormEvent } from 'react';
import { freezePeildatum } from '../../../operations';
import { useToast } from '../../components/Toast';
import { strings } from '../../strings';
import { useMayCreate, useWrite } from '../../tafel';
import { vandaagIso } from '../vergaderingen/datum';
import { kwartaalPeildatum } from './peildatum';

const S = strings.dashboard;

export function PeildatumVastleggen() {
  const id = useId();
  const mag = useMayCreate('peildata');
  const write = useWrite();
  const toast = useToast();
  const [datum, setDatum] = useState(() => kwartaalPeildatum(vandaagIso()));
  const [fout, setFout] = useState<string | null>(null);
  if (!mag.ok) return null;
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    const f = write((doc, actor) => freezePeildatum(doc, actor, datum));
    setFout(f);
    if (!f) toast(S.peildatumVastgelegd);
  };
  return (
    <form className="peildatum-form" onSubmit={verzend} noValidate>
      <div className="form-row">
        <label htmlFor={id}>{S.peildatumNieuw}</label>
        <input id={id} type="date" value={datum} onChange={(e) => setDatum(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-secondary">
        {S.peildatumVastleggen}
      </button>
      <p className="muted peildatum-form__uitleg">{S.peildatumUitleg}</p>
      {fout && (
        <p className="field-error" role="alert">
          {fout}
        </p>
      )}
    </form>
  );
}
