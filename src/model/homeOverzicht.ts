// What the tafel home shows, as plain data: the same shape from the live document and from the
// read model an open renders first (src/model/readModel.ts). Only what does not depend on today's
// date is settled here; which meeting is next and which afspraken are due are worked out at
// render time (src/ui/screens/home/homeView.ts), so a read model made yesterday still says the
// truth today.

import type * as Y from 'yjs';
import { readKnelpuntenCached, readProjectenCached } from './cachedReads';
import { readAfspraken, readVergaderingen, totaalWoningen, type Afspraak, type Knelpunt, type Vergadering } from './reads';
import { ESCALATIENIVEAUS, OPEN_KNELPUNT_STATUSSEN } from './vocabulary';

export type HomeVergadering = Pick<Vergadering, 'id' | 'titel' | 'datum' | 'locatie' | 'status'>;
export type HomeKnelpunt = Pick<Knelpunt, 'id' | 'titel' | 'ingediendDoor' | 'status' | 'escalatie'>;
export type HomeAfspraak = Pick<Afspraak, 'id' | 'wat' | 'partijId' | 'deadline' | 'status'>;

/** How many open knelpunten the home lists (the rest are counted). */
export const HOME_KNELPUNTEN = 5;

export interface HomeOverzicht {
  readonly vergaderingen: readonly HomeVergadering[];
  /** The first open knelpunten, highest escalation first, then the most recently changed. */
  readonly openKnelpunten: readonly HomeKnelpunt[];
  readonly openKnelpuntenAantal: number;
  /** Afspraken still to do that have a deadline. */
  readonly afspraken: readonly HomeAfspraak[];
  readonly projecten: number;
  readonly woningen: number;
}

/** Open knelpunten, the highest escalation first, then the most recently changed. */
export function openKnelpunten(knelpunten: readonly Knelpunt[]): Knelpunt[] {
  const changed = (k: Knelpunt) => Math.max(0, ...Object.values(k.provenance).map((p) => p.at));
  return knelpunten
    .filter((k) => OPEN_KNELPUNT_STATUSSEN.includes(k.status))
    .sort((a, b) => ESCALATIENIVEAUS.indexOf(b.escalatie) - ESCALATIENIVEAUS.indexOf(a.escalatie) || changed(b) - changed(a));
}

export function readHomeOverzicht(doc: Y.Doc): HomeOverzicht {
  const open = openKnelpunten(readKnelpuntenCached(doc));
  const projecten = readProjectenCached(doc);
  return {
    vergaderingen: readVergaderingen(doc).map(({ id, titel, datum, locatie, status }) => ({ id, titel, datum, locatie, status })),
    openKnelpunten: open.slice(0, HOME_KNELPUNTEN).map(({ id, titel, ingediendDoor, status, escalatie }) => ({ id, titel, ingediendDoor, status, escalatie })),
    openKnelpuntenAantal: open.length,
    afspraken: readAfspraken(doc)
      .filter((a) => (a.status === 'open' || a.status === 'in uitvoering') && a.deadline !== null)
      .map(({ id, wat, partijId, deadline, status }) => ({ id, wat, partijId, deadline, status })),
    projecten: projecten.length,
    woningen: projecten.reduce((n, p) => n + totaalWoningen(p), 0),
  };
}
