// Status and escalation level tell one story: a knelpunt the chair sends up the ladder is
// "geescaleerd"; one brought back to the tafel is "in behandeling" there again. Closed ones
// (opgelost, vervallen) keep their status: escalating them is the chair correcting the record.

import type { Escalatieniveau, KnelpuntStatus } from './vocabulary';

/** The status that goes with moving to `niveau`, or null when the status should stay. */
export function statusBijEscalatie(status: KnelpuntStatus, niveau: Escalatieniveau): KnelpuntStatus | null {
  if (niveau !== 'tafel' && (status === 'gesignaleerd' || status === 'in behandeling')) return 'geescaleerd';
  if (niveau === 'tafel' && status === 'geescaleerd') return 'in behandeling';
  return null;
}
