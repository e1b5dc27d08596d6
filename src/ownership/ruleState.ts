// The tafel document as the rulebook sees it: its RuleState. Kept with the rulebook (not in the
// model) so that the model never needs to know the rulebook's types.

import type * as Y from 'yjs';
import { envelopeAt, root } from '../model/doc';
import { BLOEDGROEPEN, type Bloedgroep } from '../model/vocabulary';
import type { RuleState } from './rulebook';

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
