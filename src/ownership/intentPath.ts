// Where a write lands, as a path of the document: [root, entity id, key], without the parts the
// write has not (the tafel settings have no entity id, a created entity no key). Violations, the
// operations' typed errors, the relay's audit line and the conflict inbox all name places this way.

import type { RootName } from '../model/schema';
import type { WriteIntent } from './rulebook';

/** The path of one field; entityId null for the tafel settings. */
export function fieldPath(root: RootName, entityId: string | null, key: string): string[] {
  return entityId === null ? [root, key] : [root, entityId, key];
}

/** The path a write intent touches. */
export function intentPath(intent: WriteIntent): string[] {
  const p: string[] = [intent.root];
  if ('entityId' in intent && intent.entityId !== null) p.push(intent.entityId);
  if ('key' in intent) p.push(intent.key);
  return p;
}
