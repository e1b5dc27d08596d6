// What a run left out compared with the full run: a quick run must say which rows it did not
// measure, so a missing row is never mistaken for one that was measured and dropped.

import type { BenchSettings } from './settings';
import { FULL } from './settings';

/** Human-readable list of the rows and repeats of the full run that `s` does not measure. */
export function skippedRows(s: BenchSettings, full: BenchSettings = FULL): string[] {
  const out: string[] = [];
  const missing = <T>(all: readonly T[], ran: readonly T[]) => all.filter((x) => !ran.includes(x));
  for (const c of missing(full.fanout.clients, s.fanout.clients)) out.push(`Fan-out at C=${c} (all contestants)`);
  for (const c of missing(full.fanout.contestants, s.fanout.contestants)) out.push(`Fan-out: contestant ${c}`);
  if (s.fanout.repeats < full.fanout.repeats) out.push(`Fan-out: ${s.fanout.repeats} of ${full.fanout.repeats} repeats, ${s.fanout.measureMs / 1000} of ${full.fanout.measureMs / 1000} s measured`);
  for (const n of missing(full.gate.sizes, s.gate.sizes)) out.push(`Gate at ${n} projects`);
  if (s.gate.edits < full.gate.edits || s.gate.rounds < full.gate.rounds) out.push(`Gate: ${s.gate.edits} of ${full.gate.edits} edits, ${s.gate.rounds} of ${full.gate.rounds} rounds`);
  for (const c of missing(full.catchup.contestants, s.catchup.contestants)) out.push(`Catch-up: contestant ${c}`);
  if (s.catchup.repeats < full.catchup.repeats) out.push(`Catch-up: ${s.catchup.repeats} of ${full.catchup.repeats} repeats`);
  if (s.coldOpen.repeats < full.coldOpen.repeats) out.push(`Cold open: ${s.coldOpen.repeats} of ${full.coldOpen.repeats} samples`);
  // Runs recorded before the import benchmark existed have no settings for it.
  const imp = (s as Partial<BenchSettings>).importXlsx;
  if (!imp) out.push('Import of 2,000 projects from xlsx (not part of this run)');
  else if (imp.repeats < full.importXlsx.repeats) out.push(`Import: ${imp.repeats} of ${full.importXlsx.repeats} samples`);
  // Runs recorded before the saturation benchmark existed have no settings for it.
  if (!(s as Partial<BenchSettings>).saturation) return [...out, 'Saturation (not part of this run)'];
  for (const n of missing(full.saturation.connections, s.saturation.connections)) out.push(`Saturation with ${n} connections`);
  for (const t of missing(full.saturation.tafels, s.saturation.tafels)) out.push(`Saturation over ${t} tafels`);
  for (const c of missing(full.saturation.contestants, s.saturation.contestants)) out.push(`Saturation: contestant ${c}`);
  if (s.saturation.maxSteps < full.saturation.maxSteps) out.push(`Saturation: at most ${s.saturation.maxSteps} of ${full.saturation.maxSteps} rate steps, ${s.saturation.stepMs / 1000} of ${full.saturation.stepMs / 1000} s each`);
  return out;
}
