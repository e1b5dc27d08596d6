// Who is at the tafel right now (awareness), and telling the others where this lid is.

import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Plek } from '../../sync';
import { useTafelContext } from './TafelContext';

export interface AwarenessUser {
  readonly lidId: string;
  readonly partijId: string;
  readonly naam: string;
  readonly kleur: string;
}

export interface Aanwezige {
  readonly clientId: number;
  readonly user: AwarenessUser;
  readonly plek: Plek | null;
  readonly isSelf: boolean;
}

function isUser(x: unknown): x is AwarenessUser {
  if (typeof x !== 'object' || x === null) return false;
  const u = x as Record<string, unknown>;
  return typeof u.lidId === 'string' && typeof u.naam === 'string' && typeof u.partijId === 'string' && typeof u.kleur === 'string';
}

/** Reads awareness states; states without a valid user (not yet authenticated) are left out. */
export function aanwezigen(awareness: Awareness): Aanwezige[] {
  const out: Aanwezige[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as Record<string, unknown>).user;
    if (!isUser(user)) continue;
    const plek = (state as Record<string, unknown>).plek;
    out.push({
      clientId,
      user,
      plek: typeof plek === 'object' && plek !== null ? (plek as Plek) : null,
      isSelf: clientId === awareness.clientID,
    });
  }
  return out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.naam.localeCompare(b.user.naam, 'nl'));
}

/** Everyone present, this device first; follows the awareness across doc swaps. */
export function usePresence(): Aanwezige[] {
  const { session, store } = useTafelContext();
  const [list, setList] = useState<Aanwezige[]>(() => aanwezigen(session.awareness));
  useEffect(() => {
    let aw = session.awareness;
    const update = () => setList(aanwezigen(aw));
    aw.on('change', update);
    const stop = store.subscribe(() => {
      if (session.awareness === aw) return;
      aw.off('change', update);
      aw = session.awareness;
      aw.on('change', update);
      update();
    });
    update();
    return () => {
      aw.off('change', update);
      stop();
    };
  }, [session, store]);
  return list;
}

/** Tells the others which screen (and which project or meeting) this lid has open. */
export function usePlek(screen: string, ids: { projectId?: string; vergaderingId?: string } = {}): void {
  const { session } = useTafelContext();
  const { projectId, vergaderingId } = ids;
  useEffect(() => {
    session.setPlek({ screen, ...(projectId ? { projectId } : {}), ...(vergaderingId ? { vergaderingId } : {}) });
  }, [session, screen, projectId, vergaderingId]);
}
