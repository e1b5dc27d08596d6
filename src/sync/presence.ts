// Presence: who is at this tafel right now and where. Each awareness state carries `user` (the lid,
// their partij, name and colour) and `plek` (screen, project or meeting). The relay overwrites
// `user` with what it derives from the authenticated lid; the client sets the same locally, from
// the leden list of its own copy, so presence looks right offline and before the relay answers.

import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { presenceUser, type PresenceUser } from '../model/presence';

/** Where a lid is in the app. */
export interface Plek {
  readonly screen: string;
  readonly projectId?: string;
  readonly vergaderingId?: string;
}

export type { PresenceUser };

/** Sets `user` (when it changed) and `plek` in the local awareness state. */
export function showPresence(awareness: Awareness, doc: Y.Doc, lidId: string, plek: Plek): void {
  const user = presenceUser(doc, lidId);
  const state = awareness.getLocalState() as { user?: PresenceUser; plek?: Plek } | null;
  if (JSON.stringify(state?.user) !== JSON.stringify(user)) awareness.setLocalStateField('user', user);
  if (JSON.stringify(state?.plek) !== JSON.stringify(plek)) awareness.setLocalStateField('plek', plek);
}
