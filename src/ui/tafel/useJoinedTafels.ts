// The tafels this device has joined (from the sync module's device store), kept up to date.

import { useEffect, useState } from 'react';
import { listJoinedTafels, subscribeJoinedTafels, type JoinedTafel } from '../../sync';

/** null while the device store is being read. */
export function useJoinedTafels(): JoinedTafel[] | null {
  const [list, setList] = useState<JoinedTafel[] | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => {
      listJoinedTafels().then(
        (l) => alive && setList([...l].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))),
        () => alive && setList([]),
      );
    };
    load();
    const stop = subscribeJoinedTafels(load);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return list;
}
