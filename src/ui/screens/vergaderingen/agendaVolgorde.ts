// The chair orders the agenda with "earlier" and "later" buttons (touch and keyboard friendly,
// unlike drag and drop). These helpers compute the new order the model stores.

import type { Agendapunt, Vergadering } from '../../../model';

/** The agenda's ids in their shown order with `id` moved one place up (-1) or down (+1). */
export function verplaats(agenda: readonly Agendapunt[], id: string, richting: -1 | 1): string[] {
  const ids = agenda.map((a) => a.id);
  const i = ids.indexOf(id);
  const j = i + richting;
  if (i === -1 || j < 0 || j >= ids.length) return ids;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  return ids;
}

/** Upcoming meetings (today included) soonest first; past ones most recent first. */
export function splitsVergaderingen(list: readonly Vergadering[], vandaag: string): { komend: Vergadering[]; geweest: Vergadering[] } {
  const komend = list.filter((v) => v.datum >= vandaag).sort((a, b) => a.datum.localeCompare(b.datum));
  const geweest = list.filter((v) => v.datum < vandaag).sort((a, b) => b.datum.localeCompare(a.datum));
  return { komend, geweest };
}
