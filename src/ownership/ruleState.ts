// The tafel document as the rulebook sees it: its RuleState. Kept with the rulebook (not in the
// model) so that the model never needs to know the rulebook's types.

import type * as Y from 'yjs';
import { envelopeAt, root } from '../model/doc';
import { isEnvelope, type RootName } from '../model/schema';
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
    // The client's own clock and the entry's own time: a hint for the UI; the relay decides by its clock.
    clock: {
      now: Date.now(),
      frozenSince(rootName, entityId) {
        const stored = root(doc, rootName).get(entityId);
        return isEnvelope(stored) ? stored.at : undefined;
      },
    },
  };
}

/** The values an entity ends with in a change that creates it; undefined when the change does not create it. */
export type CreatedEntity = (root: RootName, entityId: string) => Readonly<Record<string, unknown>> | undefined;

/**
 * The rule state a change's writes are judged against: `base` plus the entities the change creates,
 * so their fields see each other (a project's owner set in the same change) before they exist in the
 * document. The relay's validator and the model's creating operations both use it.
 */
export function withCreatedEntities(base: RuleState, created: CreatedEntity): RuleState {
  const get = (root: RootName, id: string | null) => (id === null ? undefined : created(root, id));
  return {
    ...base,
    partijBloedgroep: (id) => {
      const e = get('partijen', id);
      if (!e) return base.partijBloedgroep(id);
      const b = e.bloedgroep;
      return typeof b === 'string' ? (b as Bloedgroep) : undefined;
    },
    fieldValue: (root, id, key) => {
      const e = get(root, id);
      return e ? e[key] : base.fieldValue(root, id, key);
    },
    fieldAuthor: (root, id, key) => (get(root, id) ? undefined : base.fieldAuthor(root, id, key)),
    entityExists: (root, id) => get(root, id) !== undefined || base.entityExists(root, id),
  };
}
