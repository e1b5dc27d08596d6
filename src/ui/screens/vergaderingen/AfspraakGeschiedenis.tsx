// The history of an afspraak's fields (issue 16): what, for which partij (by name), deadline,
// status and voortgang, and the afspraak as it stood on a date.

import type { Namen } from '../../tafel/useNamen';
import { strings, waarde } from '../../strings';
import { labelOfPath } from '../../fieldLabels';
import { conflictValueText } from '../inbox/inboxView';
import { VeldGeschiedenis } from '../geschiedenis/VeldGeschiedenis';

const veldNaam = (field: string) => labelOfPath('afspraken', field);

function waardeTekst(field: string, v: unknown, namen: Namen): string {
  if (field === 'partijId' && typeof v === 'string') return namen.partijen.get(v)?.naam ?? strings.provenance.onbekendePartij;
  if (field === 'status' && typeof v === 'string') return waarde(v);
  return conflictValueText(v);
}

export function AfspraakGeschiedenis({ afspraakId, wat }: { afspraakId: string; wat: string }) {
  return <VeldGeschiedenis root="afspraken" entityId={afspraakId} naam={wat} veldNaam={veldNaam} waardeTekst={waardeTekst} />;
}
