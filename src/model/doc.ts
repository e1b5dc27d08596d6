// Access to the roots of a tafel document and the envelopes stored in them.

import * as Y from 'yjs';
import { isEnvelope, ROOT_NAMES, type Envelope, type RootName } from './schema';

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

/** The ids of a root's entities (for reading a large root a slice at a time). */
export function entityIds(doc: Y.Doc, rootName: RootName): string[] {
  return [...root(doc, rootName).keys()];
}

/** The stored envelope of a field; entityId null reads the tafel settings. */
export function envelopeAt(doc: Y.Doc, rootName: RootName, entityId: string | null, key: string): Envelope | undefined {
  const map = entityId === null ? root(doc, rootName) : entityMap(doc, rootName, entityId);
  const stored = map?.get(key);
  return isEnvelope(stored) ? stored : undefined;
}
