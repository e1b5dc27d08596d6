// Re-applying a value from the conflict inbox: the user decides their rejected entry should
// stand after all. Only plain fields; the rulebook and the value type judge it like any edit.

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { ValidationError } from './errors';
import { problem } from '../model/values';
import { fieldSpec, isRootName, SCHEMA } from '../model/schema';
import { setFields } from './core';

/** Where a conflict path points, when it is a plain field: [root, key] for the tafel settings, else [root, id, key]. */
export function plainFieldAt(path: readonly string[]): { root: keyof typeof SCHEMA; entityId: string | null; key: string } | null {
  const [rootName, a, b] = path;
  if (rootName === undefined || !isRootName(rootName)) return null;
  const settings = SCHEMA[rootName].kind === 'settings';
  if (settings ? path.length !== 2 : path.length !== 3) return null;
  const entityId = settings ? null : (a ?? null);
  const key = settings ? a : b;
  if (key === undefined || (!settings && !entityId)) return null;
  const spec = fieldSpec(rootName, key);
  return spec?.kind === 'plain' ? { root: rootName, entityId, key } : null;
}

export function reapplyField(doc: Y.Doc, actor: Actor, path: readonly string[], value: unknown): void {
  const at = plainFieldAt(path);
  if (!at) throw new ValidationError(problem('not-allowed', 'not a plain field'), path);
  setFields(doc, actor, at.root, at.entityId, { [at.key]: value });
}
