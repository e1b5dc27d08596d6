// A small label with the partij's name and its bloedgroep colour: whose is this?

import type { FieldOwner } from '../../ownership/rulebook';
import { useNamen } from '../tafel/useNamen';
import { strings } from '../strings';
import { ownerPartijId, ownerText } from './ownerText';

/** Shows one partij by id (e.g. a project's public owner in the grid or a knelpunt's raiser). */
export function PartijBadge({ partijId }: { partijId: string | null }) {
  const namen = useNamen();
  const partij = partijId ? namen.partijen.get(partijId) : undefined;
  const naam = partijId ? (partij?.naam ?? strings.provenance.onbekendePartij) : strings.owner.geenEigenaar;
  return (
    <span className={`badge bg-${partij?.bloedgroep ?? 'geen'}`} title={partij ? strings.owner.bloedgroepen[partij.bloedgroep] : undefined}>
      {naam}
    </span>
  );
}

/** Shows who owns a field: "van Gemeente Zwolle". */
export function OwnerBadge({ owner }: { owner: FieldOwner }) {
  const namen = useNamen();
  const pid = ownerPartijId(owner);
  const bloedgroep = pid ? namen.partijen.get(pid)?.bloedgroep : owner.kind === 'chair' ? 'onafhankelijk' : undefined;
  return <span className={`badge badge-owner bg-${bloedgroep ?? 'geen'}`}>{strings.owner.vanPartij(ownerText(owner, namen))}</span>;
}
