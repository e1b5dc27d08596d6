// The tafel document as the rulebook sees it: its RuleState. Kept with the rulebook (not in the
// model) so that the model never needs to know the rulebook's types.
//
// A class, not an object of closures: the relay makes one per update it judges, and under tsx
// (how the relay runs) every closure made per call is also renamed (esbuild's keepNames), which
// cost about a tenth of the gate's time.

import type * as Y from 'yjs';
import { envelopeAt, root } from '../model/doc';
import { isEnvelope, type RootName } from '../model/schema';
import { BLOEDGROEPEN, type Bloedgroep } from '../model/vocabulary';
import type { RuleClock, RuleState } from './rulebook';

class DocRuleState implements RuleState {
  constructor(
    private readonly doc: Y.Doc,
    readonly clock: RuleClock | undefined,
  ) {}

  partijBloedgroep(partijId: string): Bloedgroep | undefined {
    const b = envelopeAt(this.doc, 'partijen', partijId, 'bloedgroep')?.v;
    return (BLOEDGROEPEN as readonly unknown[]).includes(b) ? (b as Bloedgroep) : undefined;
  }

  fieldValue(rootName: RootName, entityId: string | null, key: string): unknown {
    return envelopeAt(this.doc, rootName, entityId, key)?.v;
  }

  fieldAuthor(rootName: RootName, entityId: string, key: string): string | undefined {
    return envelopeAt(this.doc, rootName, entityId, key)?.by;
  }

  entityExists(rootName: RootName, entityId: string): boolean {
    return root(this.doc, rootName).has(entityId);
  }
}

/** The client's own clock and the entry's own time: a hint for the UI; the relay decides by its clock. */
class DocClock implements RuleClock {
  readonly now = Date.now();

  constructor(private readonly doc: Y.Doc) {}

  frozenSince(rootName: RootName, entityId: string): number | undefined {
    const stored = root(this.doc, rootName).get(entityId);
    return isEnvelope(stored) ? stored.at : undefined;
  }
}

/** The document as the rulebook sees it, judged by the device's own clock. */
export function docRuleState(doc: Y.Doc): RuleState {
  return new DocRuleState(doc, new DocClock(doc));
}

/** The document as the rulebook sees it, judged by `clock` (the relay's); without one nothing frozen is withdrawn. */
export function docRuleStateAt(doc: Y.Doc, clock: RuleClock | undefined): RuleState {
  return new DocRuleState(doc, clock);
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
  // Every member by name: `base` may be a class instance, whose methods a spread would drop.
  return {
    clock: base.clock,
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
