// Whether the vastgestelde rapportage's summary reached the landelijke tafel, as the relay noted it
// at this tafel (docs/rapportage.md, "To the landelijke tafel"). Nothing is shown until the relay
// has carried it: a tafel outside the network (the landelijke tafel itself) never gets a note.

import type { Rapportage } from '../../../model';
import { formatDatumTijd } from '../../components/provenanceText';
import { strings } from '../../strings';

const S = strings.rapportage;

export function RapportageBezorging({ rapportage: r }: { rapportage: Rapportage }) {
  const b = r.bezorging;
  if (!b) return null;
  return (
    <p className={b.status === 'geen koppeling' ? 'field-error' : 'muted'} role="status">
      {b.status === 'bezorgd' ? S.aangekomen(b.tafel, formatDatumTijd(b.op)) : S.nietVerstuurd}
    </p>
  );
}
