// Order of partijen on the leden screen: the chair's partij first, then overheid, corporatie,
// markt, adviseur; alphabetical within a bloedgroep.

import { BLOEDGROEPEN, type Bloedgroep, type Partij } from '../../../model';

const ORDER: readonly Bloedgroep[] = ['onafhankelijk', 'overheid', 'corporatie', 'markt', 'adviseur'];

export function sortPartijen(partijen: readonly Partij[]): Partij[] {
  const rank = (b: Bloedgroep) => {
    const i = ORDER.indexOf(b);
    return i === -1 ? BLOEDGROEPEN.length : i;
  };
  return [...partijen].sort((a, b) => rank(a.bloedgroep) - rank(b.bloedgroep) || a.naam.localeCompare(b.naam, 'nl'));
}
