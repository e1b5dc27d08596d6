// Long work on the page's main thread in slices: each slice works until its time budget is spent,
// then the event loop runs (input, rendering, sync) before the next one. An import of 5,000 rows
// thus never holds the tablet for longer than one slice, on a fast laptop or a busy tablet alike,
// where a fixed number of rows per slice would be too many on the slow one.

/**
 * Time per slice, in ms: well below the 50 ms the browser counts as a long task. It covers what a
 * slice sets off too (a transaction's update is encoded, stored and sent when the slice ends), so
 * the number of items per slice is learned from how long the previous slices took as a whole.
 */
export const PLAK_MS = 16;

export interface PlakOpties {
  /** time per slice in ms (default PLAK_MS) */
  readonly budgetMs?: number;
  /** after each slice: how many of the items are done */
  readonly voortgang?: (gedaan: number, totaal: number) => void;
}

/**
 * Lets the event loop run, so input and rendering go first. Not a chain of setTimeout(0): browsers
 * clamp those to 4 ms after five levels, half again on top of an 8 ms slice. scheduler.yield where
 * the browser has it (Chromium), otherwise a message to ourselves (a new task without the clamp).
 */
export function volgendeTaak(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise<void>((resolve) => {
    const kanaal = new MessageChannel();
    kanaal.port1.onmessage = () => {
      kanaal.port1.close();
      resolve();
    };
    kanaal.port2.postMessage(null);
  });
}

/**
 * Does `totaal` items in slices. `plak(van, genoeg)` does items from index `van` on, at least one,
 * asking `genoeg()` after each item whether the slice is full, and returns the index it stopped at.
 */
export async function inPlakken(totaal: number, plak: (van: number, genoeg: () => boolean) => number, opties: PlakOpties = {}): Promise<void> {
  const budget = opties.budgetMs ?? PLAK_MS;
  let perPlak = Infinity;
  let i = 0;
  while (i < totaal) {
    const start = performance.now();
    // The first slice gets a quarter of the time: what it sets off is not known yet.
    const eind = start + (perPlak === Infinity ? budget / 4 : budget);
    const van = i;
    let gedaan = 0;
    const volgende = plak(van, () => ++gedaan >= perPlak || performance.now() >= eind);
    if (volgende <= van) throw new Error('a slice did no work');
    i = Math.min(volgende, totaal);
    // Items per slice from the whole slice's time, its aftermath included.
    const msPerItem = (performance.now() - start) / (i - van);
    perPlak = Math.max(1, Math.floor(budget / Math.max(msPerItem, 1e-3)));
    opties.voortgang?.(i, totaal);
    if (i < totaal) await volgendeTaak();
  }
}
