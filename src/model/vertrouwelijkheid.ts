// What may leave the tafel. Everyone at the tafel sees every project; a report for outside (the
// half-yearly rapportage) names only projects whose vertrouwelijkheid lets them out, and counts
// the rest. The vertrouwelijkheid field arrives with schema version 2 (issue 13); this is the one
// place that reads it, so its arrival changes only this file.

import type { Project } from './reads';

/** Levels that let a project be named in a report to the woondeal partijen. */
const BUITEN_DE_TAFEL = ['regio', 'provincie', 'openbaar'];

/**
 * May this project be named outside the tafel? A document from before the field existed has no
 * notion of vertrouwelijkheid and shares as it always did; once the field exists, an unclassified
 * project (null) or one kept to the gemeente stays inside.
 */
export function magBuitenDeTafel(p: Project): boolean {
  if (!('vertrouwelijkheid' in p)) return true;
  const niveau = (p as { vertrouwelijkheid?: unknown }).vertrouwelijkheid;
  return typeof niveau === 'string' && BUITEN_DE_TAFEL.includes(niveau);
}
