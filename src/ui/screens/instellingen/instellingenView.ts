// The tafel settings as the chair edits them: woondeal targets per year and realisation
// probabilities shown as percentages. Pure conversions, tested in test/unit/ui/instellingen.

import { JAARSCHIJF_MAX, JAARSCHIJF_MIN, PLANSTATUSSEN, type Planstatus } from '../../../model';
import { parseCount } from '../../components/fieldFormat';

/** "85" or "85%" or "85,5" -> 0.85 / 0.855; null when not a percentage 0..100. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace('%', '').replace(',', '.').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  if (n < 0 || n > 100) return null;
  return Math.round(n * 10) / 1000;
}

/** 0.855 -> "85,5" */
export function formatPercent(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10).replace('.', ',');
}

/** The new realisatiekansen with one status changed. */
export function withKans(kansen: Readonly<Record<Planstatus, number>>, status: Planstatus, kans: number): Record<Planstatus, number> {
  const out = {} as Record<Planstatus, number>;
  for (const s of PLANSTATUSSEN) out[s] = s === status ? kans : kansen[s];
  return out;
}

export type DoelWijziging = { ok: true; doelen: Record<string, number> } | { ok: false; error: 'jaar' | 'getal' | 'bestaat' };

/** Sets (or with text "" removes) the target of one year. */
export function withDoel(doelen: Readonly<Record<string, number>>, jaar: string, text: string, allowExisting = true): DoelWijziging {
  const j = Number(jaar.trim());
  if (!Number.isInteger(j) || j < JAARSCHIJF_MIN || j > JAARSCHIJF_MAX) return { ok: false, error: 'jaar' };
  const key = String(j);
  if (!allowExisting && key in doelen) return { ok: false, error: 'bestaat' };
  const out: Record<string, number> = { ...doelen };
  if (text.trim() === '') {
    delete out[key];
    return { ok: true, doelen: out };
  }
  const n = parseCount(text);
  if (n === null) return { ok: false, error: 'getal' };
  out[key] = n;
  return { ok: true, doelen: out };
}
