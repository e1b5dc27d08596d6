// The owner of a field as words: "Gemeente Zwolle", "Gemeente Zwolle of de voorzitter of secretaris".

import type { Decision } from '../../ownership/rulebook';
import type { FieldOwner } from '../../ownership/rulebook';
import type { Namen } from '../tafel/useNamen';
import { strings } from '../strings';

export function ownerText(owner: FieldOwner, namen: Namen): string {
  switch (owner.kind) {
    case 'chair':
      return strings.owner.voorzitter;
    case 'iedereen':
      return strings.owner.iedereen;
    case 'system':
      return strings.owner.systeem;
    case 'auteur':
      return strings.owner.auteur;
    case 'partij': {
      const naam = owner.partijId ? (namen.partijen.get(owner.partijId)?.naam ?? strings.provenance.onbekendePartij) : strings.owner.geenEigenaar;
      return owner.orChair ? `${naam} of ${strings.owner.voorzitter}` : naam;
    }
  }
}

/** Why a field is locked: readers are told they only read, everyone else whose field it is. */
export function lockText(decision: Decision, owner: FieldOwner, namen: Namen): string {
  return !decision.ok && (decision.code === 'read-only' || decision.code === 'not-a-member')
    ? strings.owner.alleenLezen
    : strings.owner.slotVan(ownerText(owner, namen));
}

/** The partij whose colour the badge shows, if one. */
export function ownerPartijId(owner: FieldOwner): string | null {
  return owner.kind === 'partij' ? owner.partijId : null;
}
