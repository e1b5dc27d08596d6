// Finding projects to link (to a knelpunt or an agendapunt) among possibly thousands: a short
// list of matches by name, gemeente or locatie, never the whole monitor in one dropdown.

import type { Project } from '../../../model';

export interface Treffers {
  readonly projecten: readonly Project[];
  /** How many more matched than are shown. */
  readonly meer: number;
}

export function zoekProjecten(projecten: readonly Project[], zoek: string, alGekozen: readonly string[], max = 8): Treffers {
  const q = zoek.trim().toLocaleLowerCase('nl');
  if (!q) return { projecten: [], meer: 0 };
  const gekozen = new Set(alGekozen);
  const match = projecten.filter(
    (p) =>
      !gekozen.has(p.id) &&
      (p.naam.toLocaleLowerCase('nl').includes(q) || p.gemeente.toLocaleLowerCase('nl').includes(q) || p.locatie.toLocaleLowerCase('nl').includes(q)),
  );
  // Names that start with the query first: typing "Sta" should find "Stationsgebied" before "Oostadt".
  const start = (p: Project) => (p.naam.toLocaleLowerCase('nl').startsWith(q) ? 0 : 1);
  match.sort((a, b) => start(a) - start(b) || a.naam.localeCompare(b.naam, 'nl'));
  return { projecten: match.slice(0, max), meer: Math.max(0, match.length - max) };
}
