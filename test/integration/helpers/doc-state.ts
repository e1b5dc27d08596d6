// A tafel document's whole content as text, for comparing replicas: unit and integration tests
// alike (no relay, no network here).

import type * as Y from 'yjs';
import { ensureRoots, ROOT_NAMES } from '../../../src/model';

/** JSON with sorted keys: documents that converged print the same, whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A tafel document's whole content, comparable across peers (every root typed as a map first). */
export function docState(doc: Y.Doc): string {
  ensureRoots(doc);
  return canonicalJson(Object.fromEntries(ROOT_NAMES.map((n) => [n, doc.getMap(n).toJSON()])));
}
