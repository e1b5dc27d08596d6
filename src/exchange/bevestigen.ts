// A row matched only on naam + gemeente may be another project that happens to share its name:
// the import writes it only when the user confirmed the match (the app asks per row; the CLI
// takes --koppel-op-naam). Unconfirmed rows are left alone and listed as refused with the reason,
// so nothing is silently dropped; once confirmed, the external id the import writes makes the next
// import match on that id.

import type { ImportPlan, RijPlan, RijStatus } from './plan';

/** Does this row wait for the user to confirm its match on naam + gemeente? */
export function wachtOpBevestiging(r: RijPlan): boolean {
  return r.gekoppeldOp === 'naam' && r.status === 'wijzigen';
}

/** The plan as it will be applied: rows matched on naam that were not confirmed write nothing. */
export function metBevestiging(plan: ImportPlan, bevestigd: (nummer: number) => boolean): ImportPlan {
  const rijen = plan.rijen.map((r): RijPlan =>
    wachtOpBevestiging(r) && !bevestigd(r.nummer) ? { ...r, status: 'geweigerd', wijzigingen: [], geweigerd: [...r.geweigerd, { code: 'naam-niet-bevestigd' }] } : r,
  );
  const telling: Record<RijStatus, number> = { nieuw: 0, wijzigen: 0, ongewijzigd: 0, geweigerd: 0 };
  for (const r of rijen) telling[r.status]++;
  return { ...plan, rijen, telling, metProblemen: rijen.filter((r) => r.geweigerd.length > 0 || r.problemen.length > 0).length };
}
