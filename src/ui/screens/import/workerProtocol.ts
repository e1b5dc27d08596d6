// Messages between the import screen and its Web Worker (importWorker.ts).

import type { FileProblem, ImportRij, Koppeling } from '../../../exchange';
import type { OpgeslagenKoppeling } from '../../../model';

export type NaarWorker =
  | { readonly soort: 'lees'; readonly naam: string; readonly bytes: ArrayBuffer; readonly opgeslagen: readonly OpgeslagenKoppeling[] }
  | { readonly soort: 'map'; readonly koppeling: Koppeling };

export type VanWorker =
  | { readonly soort: 'gelezen'; readonly kolommen: readonly string[]; readonly voorbeeld: readonly string[]; readonly aantalRijen: number; readonly voorstel: Koppeling; readonly uitOpgeslagen: boolean }
  /** the mapped rows in parts (MAP_DEEL rows each), `meer` on every part but the last */
  | { readonly soort: 'gemapt'; readonly rijen: readonly ImportRij[]; readonly meer: boolean }
  | { readonly soort: 'fout'; readonly probleem: FileProblem | null };

/**
 * Rows per message: the page copies each message in (structured clone) in one go, and 5,000 mapped
 * rows at once would make that one long task; parts of this size take a few milliseconds each.
 */
export const MAP_DEEL = 250;

/** Sends one message to the worker; resolves with its answer (a mapping's parts put together). */
export function vraagWorker(worker: Worker, bericht: NaarWorker, transfer: Transferable[] = []): Promise<VanWorker> {
  return new Promise((resolve) => {
    const rijen: ImportRij[] = [];
    worker.onmessage = (e: MessageEvent<VanWorker>) => {
      const m = e.data;
      if (m.soort !== 'gemapt') return resolve(m);
      for (const r of m.rijen) rijen.push(r);
      if (!m.meer) resolve({ soort: 'gemapt', rijen, meer: false });
    };
    worker.onerror = () => resolve({ soort: 'fout', probleem: null });
    worker.postMessage(bericht, transfer);
  });
}
