// "gewijzigd door Anna de Vries (Gemeente Zwolle) op 3 november 2026 om 14:02"

import type { Provenance } from '../../model';
import { useNamen } from '../tafel/useNamen';
import { provenanceText } from './provenanceText';

export function ProvenanceLine({ provenance, id }: { provenance: Provenance | undefined; id?: string }) {
  const namen = useNamen();
  return (
    <p className="provenance" id={id}>
      {provenanceText(provenance, namen)}
    </p>
  );
}
