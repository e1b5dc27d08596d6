// The history of a knelpunt's fields (issue 16): title, description, thema, status, escalation,
// linked projects (by name), and the knelpunt as it stood on a date. Reacties are not fields: they
// show in the knelpunt's own thread.

import { readProjecten, REACTIE_PREFIX } from '../../../model';
import { useRead } from '../../tafel';
import type { Namen } from '../../tafel/useNamen';
import { strings, waarde } from '../../strings';
import { labelOfPath } from '../../fieldLabels';
import { conflictValueText } from '../inbox/inboxView';
import { VeldGeschiedenis } from '../geschiedenis/VeldGeschiedenis';

const veldNaam = (field: string) => labelOfPath('knelpunten', field);

export function KnelpuntGeschiedenis({ knelpuntId, titel }: { knelpuntId: string; titel: string }) {
  const projectNamen = useRead((doc) => new Map(readProjecten(doc).map((p) => [p.id, p.naam])), []);
  const waardeTekst = (field: string, v: unknown, namen: Namen): string => {
    if (field === 'ingediendDoor' && typeof v === 'string') return namen.partijen.get(v)?.naam ?? strings.provenance.onbekendePartij;
    if (field === 'projecten' && Array.isArray(v)) return v.length ? v.map((id) => projectNamen.get(String(id)) ?? String(id)).join(', ') : conflictValueText(null);
    if ((field === 'status' || field === 'thema' || field === 'escalatie') && typeof v === 'string') return waarde(v);
    return conflictValueText(v);
  };
  return <VeldGeschiedenis root="knelpunten" entityId={knelpuntId} naam={titel} veldNaam={veldNaam} waardeTekst={waardeTekst} toon={(f) => !f.startsWith(REACTIE_PREFIX)} />;
}
