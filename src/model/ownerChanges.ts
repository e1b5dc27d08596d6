// A project handed from one partij to another, as it arrives from the relay: the old owner partij
// must be told in the app (issue 16), and the document keeps only the new owner. So the change is
// read from the Yjs event, which still knows the value it replaced.

import * as Y from 'yjs';
import { root } from './doc';
import { isEnvelope } from './schema';

export interface OwnerChange {
  readonly projectId: string;
  readonly field: 'publiekEigenaar' | 'privaatEigenaar';
  /** partij ids; null: no owner */
  readonly from: string | null;
  readonly to: string | null;
  /** lid who made the change, and when (the writer's clock) */
  readonly by: string;
  readonly at: number;
}

const OWNER_FIELDS = new Set(['publiekEigenaar', 'privaatEigenaar']);

/** Calls `onChange` for every owner change of a project that arrives from elsewhere (not local edits). */
export function observeOwnerChanges(doc: Y.Doc, onChange: (c: OwnerChange) => void): () => void {
  const projecten = root(doc, 'projecten');
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (tr.local) return;
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent) || event.target === projecten || event.target.parent !== projecten) continue;
      const map = event.target as Y.Map<unknown>;
      const projectId = event.path.at(-1) ?? findKey(projecten, map);
      if (typeof projectId !== 'string') continue;
      for (const [key, change] of event.changes.keys) {
        if (change.action !== 'update' || !OWNER_FIELDS.has(key)) continue;
        const before = change.oldValue as unknown;
        const after = map.get(key);
        if (!isEnvelope(before) || !isEnvelope(after)) continue;
        const from = typeof before.v === 'string' ? before.v : null;
        const to = typeof after.v === 'string' ? after.v : null;
        if (from === to) continue;
        onChange({ projectId, field: key as OwnerChange['field'], from, to, by: after.by, at: after.at });
      }
    }
  };
  projecten.observeDeep(handler);
  return () => projecten.unobserveDeep(handler);
}

function findKey(parent: Y.Map<unknown>, child: Y.Map<unknown>): string | undefined {
  for (const [k, v] of parent) if (v === child) return k;
  return undefined;
}
