// Whether the vastgestelde rapportage's summary reached the landelijke tafel, as the relay noted it
// at this tafel (docs/rapportage.md, "To the landelijke tafel"). Nothing is shown until the relay
// has carried it: a tafel outside the network (the landelijke tafel itself) never gets a note.

import type { Rapportage } from '../../../model';
import { BezorgingMelding } from '../../components/BezorgingMelding';
import { strings } from '../../strings';

const TEKSTEN = { bezorgd: strings.rapportage.aangekomen, geenKoppeling: strings.rapportage.nietVerstuurd };

export function RapportageBezorging({ rapportage }: { rapportage: Rapportage }) {
  return <BezorgingMelding bezorging={rapportage.bezorging} teksten={TEKSTEN} />;
}
