// What may leave the tafel. Everyone at the tafel sees every project; a report for outside (the
// half-yearly rapportage, sent to the woondeal partijen of the region) names only projects whose
// vertrouwelijkheid lets them out to the regio, and counts the rest. The one place the rapportage
// reads the field; exports for outside choose their level in src/exchange/export/rows.ts.

import type { Project } from './reads';
import { type Vertrouwelijkheid } from './vocabulary';

/** Levels that let a project be named in a report to the woondeal partijen. */
const BUITEN_DE_TAFEL: readonly Vertrouwelijkheid[] = ['regio', 'provincie', 'openbaar'];

/** May this project be named outside the tafel? Unclassified (null) or kept to the gemeente: no. */
export function magBuitenDeTafel(p: Pick<Project, 'vertrouwelijkheid'>): boolean {
  return p.vertrouwelijkheid !== null && BUITEN_DE_TAFEL.includes(p.vertrouwelijkheid);
}
