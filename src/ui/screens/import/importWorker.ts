// The import's heavy part off the main thread: reading the file (SheetJS, papaparse, proj4) and
// mapping its rows, sent back in parts. The tablet stays responsive with 5,000 rows. The worker
// keeps the read table between the two steps, so the user can change the column mapping without
// reading again.

import { ImportFileError, kiesOpgeslagen, leesBestand, mapRijen, stelKoppelingVoor, type Koppeling, type Tabel } from '../../../exchange';
import { MAP_DEEL, type NaarWorker, type VanWorker } from './workerProtocol';

let tabel: Tabel | null = null;

const post = (m: VanWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<NaarWorker>) => {
  const m = e.data;
  try {
    if (m.soort === 'lees') {
      tabel = leesBestand(m.naam, new Uint8Array(m.bytes));
      const voorbeeld = tabel.kolommen.map((_, c) => tabel!.rijen.find((r) => r.cellen[c] !== null)?.cellen[c] ?? null);
      const opgeslagen = kiesOpgeslagen(tabel.kolommen, m.opgeslagen);
      post({
        soort: 'gelezen',
        kolommen: tabel.kolommen,
        voorbeeld: voorbeeld.map(celTekst),
        aantalRijen: tabel.rijen.length,
        voorstel: stelKoppelingVoor(tabel.kolommen, opgeslagen),
        uitOpgeslagen: opgeslagen !== undefined,
      });
    } else if (m.soort === 'map' && tabel) {
      const rijen = mapRijen(tabel, m.koppeling as Koppeling);
      for (let i = 0; i === 0 || i < rijen.length; i += MAP_DEEL) post({ soort: 'gemapt', rijen: rijen.slice(i, i + MAP_DEEL), meer: i + MAP_DEEL < rijen.length });
    }
  } catch (err) {
    post(err instanceof ImportFileError ? { soort: 'fout', probleem: err.problem } : { soort: 'fout', probleem: null });
  }
};

function celTekst(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? '(contour)' : String(v).slice(0, 60);
}
