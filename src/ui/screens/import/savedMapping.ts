// The column mapping of the last import, kept per tafel on this device, so the next import of the
// same monitor needs no choices. (A mapping file for the CLI is the same JSON: see docs/import-export.md.)

import type { Koppeling } from '../../../exchange';

const sleutel = (tafelId: string) => `aan-tafel:import-koppeling:${tafelId}`;

export function leesKoppeling(tafelId: string): Koppeling | null {
  try {
    const raw = localStorage.getItem(sleutel(tafelId));
    const k = raw ? (JSON.parse(raw) as Koppeling) : null;
    return k && typeof k.bron === 'string' && typeof k.kolommen === 'object' ? k : null;
  } catch {
    return null;
  }
}

export function bewaarKoppeling(tafelId: string, k: Koppeling): void {
  try {
    localStorage.setItem(sleutel(tafelId), JSON.stringify(k));
  } catch {
    // Storage full or blocked: the mapping is a convenience, the import itself is done.
  }
}
