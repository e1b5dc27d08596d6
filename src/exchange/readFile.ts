// One entry for every import: checks the size, decides what the file really is and reads it.

import { MAX_BESTAND_BYTES } from './limits';
import { ImportFileError } from './problems';
import { leesCsv } from './readCsv';
import { leesGeojson } from './readGeojson';
import { leesXlsx } from './readXlsx';
import { bepaalSoort } from './sniff';
import type { Tabel } from './table';

export function leesBestand(naam: string, bytes: Uint8Array): Tabel {
  if (bytes.length > MAX_BESTAND_BYTES) throw new ImportFileError({ code: 'te-groot', params: { max: MAX_BESTAND_BYTES } });
  if (bytes.length === 0) throw new ImportFileError({ code: 'leeg' });
  switch (bepaalSoort(naam, bytes)) {
    case 'xlsx':
      return leesXlsx(bytes);
    case 'csv':
      return leesCsv(bytes);
    case 'geojson':
      return leesGeojson(bytes);
  }
}
