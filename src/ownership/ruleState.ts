// The tafel document as the rulebook sees it: its RuleState, and the actor a lid acts as. Kept
// with the rulebook (not in the model) so that the model never needs to know the rulebook's types.

import type * as Y from 'yjs';
import { envelopeAt, root } from '../model/doc';
import { BLOEDGROEPEN, ROLLEN, type Bloedgroep, type Rol } from '../model/vocabulary';
import type { Actor, RuleState } from './rulebook';

export function docRuleState(doc: Y.Doc): RuleState {
  return {
    partijBloedgroep(partijId) {
      const b = envelopeAt(doc, 'partijen', partijId, 'bloedgroep')?.v;
      return (BLOEDGROEPEN as readonly unknown[]).includes(b) ? (b as Bloedgroep) : undefined;
    },
    fieldValue: (rootName, entityId, key) => envelopeAt(doc, rootName, entityId, key)?.v,
    fieldAuthor: (rootName, entityId, key) => envelopeAt(doc, rootName, entityId, key)?.by,
    entityExists: (rootName, entityId) => root(doc, rootName).has(entityId),
  };
}

/** The actor for a lid as the chair's leden list describes it, or undefined when not a lid. */
export function actorForLid(doc: Y.Doc, lidId: string): Actor | undefined {
  const partijId = envelopeAt(doc, 'leden', lidId, 'partijId')?.v;
  const rol = envelopeAt(doc, 'leden', lidId, 'rol')?.v;
  if (typeof partijId !== 'string' || !(ROLLEN as readonly unknown[]).includes(rol)) return undefined;
  return { lidId, partijId, rol: rol as Rol };
}
