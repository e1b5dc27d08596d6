// The afspraken list: which ones to show, in which order, and how urgent each deadline is.

import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { Afspraak, AfspraakStatus } from '../../../model';

/** Deadlines within this many days count as "binnenkort". */
export const BINNENKORT_DAGEN = 14;

export type Termijn =
  | { readonly soort: 'klaar' }
  | { readonly soort: 'geen' }
  | { readonly soort: 'te-laat'; readonly dagen: number }
  | { readonly soort: 'binnenkort'; readonly dagen: number }
  | { readonly soort: 'later'; readonly dagen: number };

export function isLopend(status: AfspraakStatus): boolean {
  return status === 'open' || status === 'in uitvoering';
}

/** How urgent an afspraak is on `vandaag` ("YYYY-MM-DD"). Finished ones are never late. */
export function termijn(a: Pick<Afspraak, 'deadline' | 'status'>, vandaag: string): Termijn {
  if (!isLopend(a.status)) return { soort: 'klaar' };
  if (!a.deadline) return { soort: 'geen' };
  const dagen = differenceInCalendarDays(parseISO(a.deadline), parseISO(vandaag));
  if (dagen < 0) return { soort: 'te-laat', dagen: -dagen };
  if (dagen <= BINNENKORT_DAGEN) return { soort: 'binnenkort', dagen };
  return { soort: 'later', dagen };
}

export interface AfspraakFilter {
  readonly partijId: string;
  readonly status: AfspraakStatus | '';
  readonly alleenLopend: boolean;
}

export const GEEN_AFSPRAAK_FILTER: AfspraakFilter = { partijId: '', status: '', alleenLopend: false };

export function filterAfspraken(list: readonly Afspraak[], f: AfspraakFilter): Afspraak[] {
  return list.filter((a) => (!f.partijId || a.partijId === f.partijId) && (!f.status || a.status === f.status) && (!f.alleenLopend || isLopend(a.status)));
}

/** Lopende first, earliest deadline first (no deadline after those with one), then newest. */
export function sorteerAfspraken(list: readonly Afspraak[]): Afspraak[] {
  const gemaakt = (a: Afspraak) => a.provenance.wat?.at ?? 0;
  return [...list].sort(
    (a, b) =>
      Number(isLopend(b.status)) - Number(isLopend(a.status)) ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      gemaakt(b) - gemaakt(a),
  );
}
