// The conflict inbox of the open tafel: edits the relay rejected, kept on this device.

import { useEffect, useState } from 'react';
import { listConflicts, subscribeConflicts, type ConflictEntry } from '../../sync';

export function useConflicts(tafelId: string): ConflictEntry[] {
  const [entries, setEntries] = useState<ConflictEntry[]>([]);
  useEffect(() => {
    let alive = true;
    const load = () => {
      listConflicts(tafelId).then(
        (list) => alive && setEntries([...list].sort((a, b) => b.at - a.at)),
        () => alive && setEntries([]),
      );
    };
    load();
    const stop = subscribeConflicts(tafelId, load);
    return () => {
      alive = false;
      stop();
    };
  }, [tafelId]);
  return entries;
}
