// Schema version 1 -> 2: the planmonitor speaks the national vocabulary. The relay runs this as
// the system when it loads a tafel stored under version 1 (see migrations.ts). Nothing is lost:
// - a project's planstatus maps to the national list (PLANSTATUS_V1_NAAR_V2) and keeps the lid's
//   provenance; the old value is kept in bronwaarden.planstatus;
// - the tafel's realisatiekansen move to the national statuses (1x <- onherroepelijk, 2x <-
//   vastgesteld, 3 <- in voorbereiding, 4A <- visie/potentie; 4B, 5A, 5B, which had no v1 status,
//   get their default but never more than 4A's), keeping the chair's provenance;
// - "ontwerp ter inzage" has no national status of its own: projects that had it get their old
//   realisatiekans as the project's own, when it differed from "in voorbereiding", so the expected
//   production is the same before and after;
// - peildata are frozen and stay as they are; reads map their old statuses.
// The full table is in docs/vocabulary-mapping.md.

import * as Y from 'yjs';
import { root } from './doc';
import { isEnvelope, SYSTEM_AUTHOR, type Envelope } from './schema';
import { probabilities } from './values';
import {
  DEFAULT_REALISATIEKANSEN,
  PLANSTATUS_V1_NAAR_V2,
  PLANSTATUSSEN,
  PLANSTATUSSEN_V1,
  type Planstatus,
  type PlanstatusV1,
} from './vocabulary';

const V1_KANSEN = probabilities(PLANSTATUSSEN_V1);

function isV1Status(s: unknown): s is PlanstatusV1 {
  return (PLANSTATUSSEN_V1 as readonly unknown[]).includes(s);
}

/** The national realisatiekansen from a tafel's version 1 ones. */
export function kansenV2(old: Readonly<Record<PlanstatusV1, number>>): Record<Planstatus, number> {
  const out = {} as Record<Planstatus, number>;
  for (const s of PLANSTATUSSEN) {
    if (s.startsWith('1')) out[s] = old.onherroepelijk;
    else if (s.startsWith('2')) out[s] = old.vastgesteld;
    else if (s === '3 in voorbereiding') out[s] = old['in voorbereiding'];
    else if (s === '4A visie') out[s] = old['visie/potentie'];
    else out[s] = Math.min(DEFAULT_REALISATIEKANSEN[s], old['visie/potentie']);
  }
  return out;
}

export function migrateV1toV2(doc: Y.Doc, now: number = Date.now()): void {
  const sys = <T,>(v: T): Envelope<T> => ({ v, by: SYSTEM_AUTHOR, p: SYSTEM_AUTHOR, at: now });
  const tafel = root(doc, 'tafel');
  const kansenStored = tafel.get('realisatiekansen');
  const oldKansen = isEnvelope(kansenStored) && V1_KANSEN.check(kansenStored.v) === null ? (kansenStored.v as Record<PlanstatusV1, number>) : null;
  if (oldKansen && isEnvelope(kansenStored)) tafel.set('realisatiekansen', { ...kansenStored, v: kansenV2(oldKansen) });
  const otiKans = oldKansen && oldKansen['ontwerp ter inzage'] !== oldKansen['in voorbereiding'] ? oldKansen['ontwerp ter inzage'] : null;

  for (const project of root(doc, 'projecten').values()) {
    if (!(project instanceof Y.Map)) continue;
    const stored = project.get('planstatus');
    if (!isEnvelope(stored) || !isV1Status(stored.v)) continue;
    const old = stored.v;
    project.set('planstatus', { ...stored, v: PLANSTATUS_V1_NAAR_V2[old] });
    const bron = project.get('bronwaarden');
    const kept = isEnvelope(bron) && typeof bron.v === 'object' && bron.v !== null ? (bron.v as Record<string, string>) : {};
    project.set('bronwaarden', { by: stored.by, p: stored.p, at: stored.at, v: { ...kept, planstatus: old } });
    if (old === 'ontwerp ter inzage' && otiKans !== null && !isEnvelope(project.get('realisatiekans'))) {
      project.set('realisatiekans', sys(otiKans));
    }
  }
  tafel.set('schemaVersion', sys(2));
}
