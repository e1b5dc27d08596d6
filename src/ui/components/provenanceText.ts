// "gewijzigd door <lid> (<partij>) op <datum>", or "aangemaakt bij de start van de tafel".

import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { SYSTEM_AUTHOR, type Provenance } from '../../model';
import { lidNaam, type Namen } from '../tafel/useNamen';
import { strings } from '../strings';

export function formatDatumTijd(at: number): string {
  return format(new Date(at), strings.provenance.datumFormaat, { locale: nl });
}

export function provenanceText(prov: Provenance | undefined, namen: Namen): string {
  if (!prov) return strings.provenance.nooit;
  if (prov.by === SYSTEM_AUTHOR) return strings.provenance.systeem;
  const lid = lidNaam(namen, prov.by);
  const partij = namen.partijen.get(prov.p)?.naam ?? strings.provenance.onbekendePartij;
  return strings.provenance.gewijzigd(lid, partij, formatDatumTijd(prov.at));
}
