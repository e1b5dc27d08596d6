// The import's codes as Dutch sentences: file problems, unreadable cells and refusals, each with
// the row and column as the user sees them in their own file.

import type { CellProblem, FileProblem, Refusal } from '../../../exchange';
import { strings } from '../../strings';

const t = strings.monitor.import;

export function bestandTekst(p: FileProblem | null): string {
  if (!p) return t.onverwacht;
  return t.bestand[p.code]?.(p.params ?? {}) ?? t.onverwacht;
}

export function celTekst(rij: number, p: CellProblem): string {
  return t.rijKolom(rij, p.kolom, p.waarde, t.cel[p.code] ?? p.code);
}

export function redenTekst(rij: number, r: Refusal): string {
  return t.rijReden(rij, r.kolom, t.reden[r.code] ?? r.code);
}
