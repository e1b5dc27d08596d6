// CSV through papaparse: comma, semicolon or tab separated (detected), quoted fields, any line
// ending. Cells stay text; numbers are read the Dutch way when a column is mapped (numbers.ts).

import Papa from 'papaparse';
import { decodeTekst } from './decode';
import { MAX_RIJEN } from './limits';
import { zonderBeveiliging } from './export/safe';
import { ImportFileError } from './problems';
import type { Tabel } from './table';

export function leesCsv(bytes: Uint8Array): Tabel {
  const tekst = decodeTekst(bytes);
  if (tekst.trim() === '') throw new ImportFileError({ code: 'leeg' });
  // Stop counting well past the limit: a 100,000-row file is refused without reading it all.
  const result = Papa.parse<string[]>(tekst, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: false, preview: MAX_RIJEN * 2 });
  // Record i is line i + 1 (quoted line breaks aside); blank lines are dropped but keep the count.
  const records = result.data
    .map((cellen, i) => ({ nummer: i + 1, cellen }))
    .filter((r) => r.cellen.some((c) => c.trim() !== ''));
  if (records.length > MAX_RIJEN + 1) {
    const totaal = tekst.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length - 1;
    throw new ImportFileError({ code: 'te-veel-rijen', params: { rijen: totaal, max: MAX_RIJEN } });
  }
  const [kop, ...data] = records;
  if (!kop) throw new ImportFileError({ code: 'geen-kopregel' });
  return {
    soort: 'csv',
    kolommen: kop.cellen.map((k) => k.trim()),
    rijen: data.map((r) => ({ nummer: r.nummer, cellen: r.cellen.map((c) => (c.trim() === '' ? null : zonderBeveiliging(c.trim()))) })),
  };
}
