// The thread on an escalation, on either side: messages written here and, carried by the relay,
// those of the other tafel. Any writing lid adds one; it travels to the other tafel.

import { useId, useState, type FormEvent } from 'react';
import { type DraadBericht } from '../../../model';
import { reageerOpEscalatie } from '../../../operations';
import { formatDatumTijd } from '../../components/provenanceText';
import { strings } from '../../strings';
import { lidNaam, useMayCreate, useNamen, useWrite } from '../../tafel';

const S = strings.netwerk;

export function EscalatieDraad({ root, escalatieId, draad }: { root: 'escalaties' | 'ontvangenEscalaties'; escalatieId: string; draad: readonly DraadBericht[] }) {
  const id = useId();
  const namen = useNamen();
  const write = useWrite();
  // Writing a message has the rule of writing a knelpunt: every lid who may write at all.
  const mag = useMayCreate('knelpunten');
  const [tekst, setTekst] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    if (tekst.trim() === '') return setFout(strings.errors.waarde.leeg);
    const f = write((doc, actor) => reageerOpEscalatie(doc, actor, root, escalatieId, tekst));
    setFout(f);
    if (!f) setTekst('');
  };
  return (
    <section className="card escalatie-draad" aria-labelledby={`${id}-titel`}>
      <h3 id={`${id}-titel`}>{S.draad}</h3>
      {draad.length === 0 ? (
        <p className="muted">{S.draadLeeg}</p>
      ) : (
        <ol className="reacties__lijst">
          {draad.map((b) => (
            <li key={b.id} className={`reactie${b.extern ? ' reactie--extern' : ''}`}>
              <p className="reactie__van">
                {b.extern ? S.vanExtern(b.extern.naam, b.extern.tafel, formatDatumTijd(b.at)) : S.van(lidNaam(namen, b.by ?? ''), formatDatumTijd(b.at))}
              </p>
              <p className="reactie__tekst">{b.tekst}</p>
            </li>
          ))}
        </ol>
      )}
      {mag.ok && (
        <form className="form" onSubmit={verzend}>
          <label htmlFor={`${id}-tekst`}>{S.bericht}</label>
          <textarea id={`${id}-tekst`} rows={2} value={tekst} onChange={(e) => setTekst(e.target.value)} />
          {fout && (
            <p className="field-error" role="alert">
              {fout}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="btn btn-secondary">
              {S.berichtVersturen}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
