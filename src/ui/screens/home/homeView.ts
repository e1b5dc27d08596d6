// What the tafel home shows that depends on today, as pure functions (tested in
// test/unit/ui/home/homeView.test.ts). `vandaag` is "YYYY-MM-DD" in local time. The rest of the
// home is one plain overview (src/model/homeOverzicht.ts), from the document or the read model.

import { addDays, format, parseISO } from 'date-fns';
import type { Afspraak, Vergadering } from '../../../model';

export { openKnelpunten } from '../../../model';

/** The first meeting from today on that is not cancelled or already held. */
export function volgendeVergadering<V extends Pick<Vergadering, 'status' | 'datum'>>(vergaderingen: readonly V[], vandaag: string): V | null {
  return (
    [...vergaderingen]
      .filter((v) => v.status === 'gepland' && v.datum >= vandaag)
      .sort((a, b) => a.datum.localeCompare(b.datum))[0] ?? null
  );
}

export interface AfspraakDue<A> {
  readonly afspraak: A;
  readonly teLaat: boolean;
}

/** Afspraken still to do whose deadline has passed or falls within `dagen` days, soonest first. */
export function afsprakenBinnenkort<A extends Pick<Afspraak, 'status' | 'deadline'>>(afspraken: readonly A[], vandaag: string, dagen = 28): AfspraakDue<A>[] {
  const grens = format(addDays(parseISO(vandaag), dagen), 'yyyy-MM-dd');
  return afspraken
    .filter((a) => (a.status === 'open' || a.status === 'in uitvoering') && a.deadline !== null && a.deadline <= grens)
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''))
    .map((afspraak) => ({ afspraak, teLaat: (afspraak.deadline ?? '') < vandaag }));
}

/** Today as "YYYY-MM-DD" in the device's time zone. */
export function vandaagIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
