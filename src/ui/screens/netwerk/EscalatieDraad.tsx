// The thread on an escalation, on either side: messages written here and, carried by the relay,
// those of the other tafel. Any writing lid adds one; it travels to the other tafel.

import { useId } from 'react';
import { type DraadBericht } from '../../../model';
import { reageerOpEscalatie } from '../../../operations';
import { formatDatumTijd } from '../../components/provenanceText';
import { ReactieForm, ReactieLijst } from '../../components/ReactieDraad';
import { strings } from '../../strings';
import { lidNaam, useMayCreate, useNamen, useWrite } from '../../tafel';

const S = strings.netwerk;

export function EscalatieDraad({ root, escalatieId, draad }: { root: 'escalaties' | 'ontvangenEscalaties'; escalatieId: string; draad: readonly DraadBericht[] }) {
  const id = useId();
  const namen = useNamen();
  const write = useWrite();
  // Writing a message has the rule of writing a knelpunt: every lid who may write at all.
  const mag = useMayCreate('knelpunten');
  return (
    <section className="card escalatie-draad" aria-labelledby={`${id}-titel`}>
      <h3 id={`${id}-titel`}>{S.draad}</h3>
      <ReactieLijst
        reacties={draad}
        leeg={S.draadLeeg}
        item={(b) => (
          <li key={b.id} className={`reactie${b.extern ? ' reactie--extern' : ''}`}>
            <p className="reactie__van">
              {b.extern ? S.vanExtern(b.extern.naam, b.extern.tafel, formatDatumTijd(b.at)) : S.van(lidNaam(namen, b.by ?? ''), formatDatumTijd(b.at))}
            </p>
            <p className="reactie__tekst">{b.tekst}</p>
          </li>
        )}
      />
      {mag.ok && <ReactieForm label={S.bericht} knop={S.berichtVersturen} plaats={(tekst) => write((doc, actor) => reageerOpEscalatie(doc, actor, root, escalatieId, tekst))} />}
    </section>
  );
}
