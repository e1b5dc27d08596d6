// Any partij proposes an agendapunt, in its own name, optionally about open knelpunten.

import { useId, useState, type FormEvent } from 'react';
import { proposeAgendapunt } from '../../../operations';
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
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    if (titel.trim() === '') return setFout(strings.errors.waarde.leeg);
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
        <label htmlFor={`${id}-titel`}>{S.voorstelTitel}</label>
        <input id={`${id}-titel`} type="text" value={titel} maxLength={200} onChange={(e) => setTitel(e.target.value)} />
      </div>
      <details>
        <summary>{S.voorstelKnelpunten}</summary>
        <KnelpuntKiezer label={S.voorstelKnelpunten} gekozen={knelpunten} onChange={setKnelpunten} />
      </details>
      {fout && (
        <p className="field-error" role="alert">
          {fout} {strings.errors.invoerBewaard}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary">
          {S.voorstelVerzenden}
        </button>
      </div>
    </form>
  );
}
