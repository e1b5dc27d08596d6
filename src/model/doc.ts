// Access to the roots of a tafel document, and the document as the rulebook's RuleState.

import * as Y from 'yjs';
import type { Actor, RuleState } from '../ownership/rulebook';
import { isEnvelope, ROOT_NAMES, type Envelope, type RootName } from './schema';
import { BLOEDGROEPEN, ROLLEN, type Bloedgroep, type Rol } from './vocabulary';

export function root(doc: Y.Doc, name: RootName): Y.Map<unknown> {
  return doc.getMap(name);
}

/** Touches every root so that each exists as a Y.Map before any remote update is applied. */
export function ensureRoots(doc: Y.Doc): void {
  for (const name of ROOT_NAMES) doc.getMap(name);
}

/** The Y.Map of one entity, or undefined. */
export function entityMap(doc: Y.Doc, rootName: RootName, id: string): Y.Map<unknown> | undefined {
  const e = root(doc, rootName).get(id);
  return e instanceof Y.Map ? e : undefined;
}

/** The stored envelope of a field; entityId null reads the tafel settings. */
export function envelopeAt(doc: Y.Doc, rootName: RootName, entityId: string | null, key: string): Envelope | undefined {
  const map = entityId === null ? root(doc, rootName) : entityMap(doc, rootName, entityId);
  const stored = map?.get(key);
  return isEnvelope(stored) ? stored : undefined;
}

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

/** The actor for a lid as the chair's leden list describes it, or undefined when not a lid. */
export function actorForLid(doc: Y.Doc, lidId: string): Actor | undefined {
  const partijId = envelopeAt(doc, 'leden', lidId, 'partijId')?.v;
  const rol = envelopeAt(doc, 'leden', lidId, 'rol')?.v;
  if (typeof partijId !== 'string' || !(ROLLEN as readonly unknown[]).includes(rol)) return undefined;
  return { lidId, partijId, rol: rol as Rol };
}
