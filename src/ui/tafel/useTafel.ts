// useTafel: who am I at this tafel, and the current doc. See TafelContext.tsx for an overview.

import { useMemo } from 'react';
import type * as Y from 'yjs';
import { actorForLid } from '../../model';
import { docRuleState } from '../../ownership/ruleState';
import { isReader, type Actor } from '../../ownership/rulebook';
import type { JoinedTafel, SyncStatus, TafelSession } from '../../sync';
import { useTafelContext } from './TafelContext';
import { useRead } from './useRead';

export interface TafelView {
  readonly session: TafelSession;
  readonly joined: JoinedTafel;
  readonly tafelId: string;
  /** The current document; read it anew on every render, never keep it. */
  readonly doc: Y.Doc;
  /** This lid as the rulebook sees it; null until the leden list is loaded, when removed or revoked. */
  readonly actor: Actor | null;
  /** True for gasten, adviseurs and anyone not (yet) known as a lid: offer no edits at all. */
  readonly readOnly: boolean;
}

export function useTafel(): TafelView {
  const { session, joined } = useTafelContext();
  const doc = useRead((d) => d, []);
  // A string key keeps the actor object stable between unrelated document changes.
  const key = useRead(
    (d) => {
      // Once the relay revoked this device's access nothing it writes will be taken: offer no edits.
      if (session.status.revoked) return '';
      const a = actorForLid(d, session.lidId);
      if (!a) return '';
      return `${a.partijId}\n${a.rol}\n${isReader(docRuleState(d), a) ? 'r' : 'w'}`;
    },
    [session.lidId],
  );
  return useMemo(() => {
    const [partijId, rol, mode] = key.split('\n');
    const actor: Actor | null = key ? { lidId: session.lidId, partijId: partijId ?? '', rol: rol as Actor['rol'] } : null;
    return { session, joined, tafelId: session.tafelId, doc, actor, readOnly: !actor || mode === 'r' };
  }, [session, joined, doc, key]);
}

/** The sync status of the open tafel, re-rendered on change. */
export function useSyncStatus(): SyncStatus {
  const { session } = useTafelContext();
  return useRead(() => ({ ...session.status }), [session], sameStatus);
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.connection === b.connection &&
    a.pending === b.pending &&
    a.lastSyncedAt === b.lastSyncedAt &&
    a.recovering === b.recovering &&
    a.loaded === b.loaded &&
    JSON.stringify(a.notice) === JSON.stringify(b.notice) &&
    a.revoked === b.revoked
  );
}
