// Peildata: the chair freezes the planmonitor at a date. A mis-tap must not spoil the record:
// the date may not lie in the future, one date has one snapshot (its key is the date), and the
// chair may withdraw a snapshot within 24 hours of the relay accepting it (the relay's audit keeps
// the withdrawal); after that it never changes. The rulebook enforces all of it, at the relay too.

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { mayRemove } from '../ownership/rulebook';
import { root } from '../model/doc';
import { docRuleState } from '../ownership/ruleState';
import { ValidationError } from './errors';
import { problem } from '../model/values';
import { readProjecten, totaalWoningen, type PeildatumProject } from '../model/reads';
import { isEnvelope, PEILDATUM_INTREKTERMIJN_MS, peildatumKey } from '../model/schema';
import { peildatumProject } from '../model/analytics';
import { addFrozenWithId, deleteEntity } from './core';

/** What freezing now would keep: shown in the confirmation before the chair freezes. */
export interface PeildatumVoorbeeld {
  readonly projecten: number;
  readonly woningen: number;
  /** Planned opleveringen per jaarschijf, summed, earliest first. */
  readonly opleveringen: readonly { readonly jaarschijf: number; readonly woningen: number }[];
  /** Is there a snapshot under this date already? */
  readonly bestaatAl: boolean;
}

export function peildatumVoorbeeld(doc: Y.Doc, datum: string): PeildatumVoorbeeld {
  const projecten = readProjecten(doc);
  const perJaar = new Map<number, number>();
  for (const p of projecten) for (const [j, n] of Object.entries(p.opleveringen)) perJaar.set(Number(j), (perJaar.get(Number(j)) ?? 0) + n);
  return {
    projecten: projecten.length,
    woningen: projecten.reduce((s, p) => s + totaalWoningen(p), 0),
    opleveringen: [...perJaar].sort(([a], [b]) => a - b).map(([jaarschijf, woningen]) => ({ jaarschijf, woningen })),
    bestaatAl: root(doc, 'peildata').has(peildatumKey(datum)),
  };
}

/** Today as "YYYY-MM-DD" in the device's own time zone. */
export function vandaag(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * The chair freezes the planmonitor at a peildatum. Refused: a date in the future, a date that
 * has a snapshot already (also by the relay, when two devices freeze the same date offline).
 */
export function freezePeildatum(doc: Y.Doc, actor: Actor, datum: string, now: Date = new Date()): string {
  if (datum > vandaag(now)) throw new ValidationError(problem('not-allowed', 'a peildatum may not lie in the future'), ['peildata', datum]);
  const projecten: Record<string, PeildatumProject> = {};
  for (const p of readProjecten(doc)) projecten[p.id] = peildatumProject(p);
  return addFrozenWithId(doc, actor, 'peildata', peildatumKey(datum), { datum, projecten }, now.getTime());
}

/** Until when (epoch ms) the chair may still withdraw this peildatum, by its own time; null when never. */
export function intrekbaarTot(doc: Y.Doc, peildatumId: string): number | null {
  const stored = root(doc, 'peildata').get(peildatumId);
  return isEnvelope(stored) ? stored.at + PEILDATUM_INTREKTERMIJN_MS : null;
}

/** May the actor withdraw this peildatum now? (The relay decides again, by its own clock.) */
export function mayWithdrawPeildatum(doc: Y.Doc, actor: Actor, peildatumId: string): boolean {
  return mayRemove(docRuleState(doc), actor, 'peildata', peildatumId).ok;
}

/** The chair withdraws a peildatum frozen by mistake, within 24 hours. */
export function withdrawPeildatum(doc: Y.Doc, actor: Actor, peildatumId: string): void {
  deleteEntity(doc, actor, 'peildata', peildatumId);
}
