// Messages between the import screen and its Web Worker (importWorker.ts).

import type { FileProblem, ImportRij, Koppeling } from '../../../exchange';

export type NaarWorker =
  | { readonly soort: 'lees'; readonly naam: string; readonly bytes: ArrayBuffer; readonly opgeslagen: Koppeling | null }
  | { readonly soort: 'map'; readonly koppeling: Koppeling };

export type VanWorker =
  | { readonly soort: 'gelezen'; readonly kolommen: readonly string[]; readonly voorbeeld: readonly string[]; readonly aantalRijen: number; readonly voorstel: Koppeling }
  | { readonly soort: 'gemapt'; readonly rijen: readonly ImportRij[] }
  | { readonly soort: 'fout'; readonly probleem: FileProblem | null };

/** Starts the worker and sends one message; resolves with its answer. */
export function vraagWorker(worker: Worker, bericht: NaarWorker, transfer: Transferable[] = []): Promise<VanWorker> {
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<VanWorker>) => resolve(e.data);
    worker.onerror = () => resolve({ soort: 'fout', probleem: null });
    worker.postMessage(bericht, transfer);
  });
}
