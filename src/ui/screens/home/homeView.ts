// What the tafel home shows, as pure functions of the model's reads (tested in
// test/unit/ui/home/homeView.test.ts). `vandaag` is "YYYY-MM-DD" in local time.

import { addDays, format, parseISO } from 'date-fns';
import {
  ESCALATIENIVEAUS,
  OPEN_KNELPUNT_STATUSSEN,
  type Afspraak,
  type Knelpunt,
  type Vergadering,
} from '../../../model';

/** The first meeting from today on that is not cancelled or already held. */
export function volgendeVergadering(vergaderingen: readonly Vergadering[], vandaag: string): Vergadering | null {
  return (
    [...vergaderingen]
      .filter((v) => v.status === 'gepland' && v.datum >= vandaag)
      .sort((a, b) => a.datum.localeCompare(b.datum))[0] ?? null
  );
}

/** Open knelpunten, the highest escalation first, then the most recently changed. */
export function openKnelpunten(knelpunten: readonly Knelpunt[]): Knelpunt[] {
  const changed = (k: Knelpunt) => Math.max(0, ...Object.values(k.provenance).map((p) => p.at));
  return knelpunten
    .filter((k) => OPEN_KNELPUNT_STATUSSEN.includes(k.status))
    .sort((a, b) => ESCALATIENIVEAUS.indexOf(b.escalatie) - ESCALATIENIVEAUS.indexOf(a.escalatie) || changed(b) - changed(a));
}

export interface AfspraakDue {
  readonly afspraak: Afspraak;
  readonly teLaat: boolean;
}

/** Afspraken still to do whose deadline has passed or falls within `dagen` days, soonest first. */
export function afsprakenBinnenkort(afspraken: readonly Afspraak[], vandaag: string, dagen = 28): AfspraakDue[] {
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
