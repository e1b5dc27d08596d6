// Decisions of the leden screen that do not need React: the order of the partijen (the chair's
// partij first, then overheid, corporatie, markt, adviseur; alphabetical within a bloedgroep) and
// whether a lid can be removed.

import { BLOEDGROEPEN, type Bloedgroep, type Partij } from '../../../model';
import { mayRemove, type Actor, type RuleState } from '../../../ownership/rulebook';

const ORDER: readonly Bloedgroep[] = ['onafhankelijk', 'overheid', 'corporatie', 'markt', 'adviseur'];

export function sortPartijen(partijen: readonly Partij[]): Partij[] {
  const rank = (b: Bloedgroep) => {
    const i = ORDER.indexOf(b);
    return i === -1 ? BLOEDGROEPEN.length : i;
  };
  return [...partijen].sort((a, b) => rank(a.bloedgroep) - rank(b.bloedgroep) || a.naam.localeCompare(b.naam, 'nl'));
}

/**
 * Whether to offer "Verwijderen" for a lid: only when the rulebook lets this actor remove it, and
 * never for the actor's own lid (a chair would lock themself out, with nobody to invite them back).
 */
export function mayOfferRemove(state: RuleState, actor: Actor | null, lidId: string): boolean {
  return actor !== null && actor.lidId !== lidId && mayRemove(state, actor, 'leden', lidId).ok;
}
