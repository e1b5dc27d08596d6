// The leden's access status from the relay, refreshed while the leden screen is open (every
// `intervalMs`, and at once on `refresh()`), so an invite shows as used as soon as it is.

import { useCallback, useEffect, useState } from 'react';
import { useTafel } from '../../tafel/useTafel';
import { fetchLedenStatus } from '../../../sync';
import type { LidStatus } from '../../../protocol/ledenStatus';

export function useLedenStatus(intervalMs = 10_000): { status: ReadonlyMap<string, LidStatus> | null; refresh: () => void } {
  const { joined } = useTafel();
  const [status, setStatus] = useState<ReadonlyMap<string, LidStatus> | null>(null);
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let alive = true;
    const load = () =>
      fetchLedenStatus(joined).then(
        (list) => alive && setStatus(new Map(list.map((s) => [s.lidId, s]))),
        // Offline or not on the server: the list shows no status rather than a wrong one.
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [joined, intervalMs, tick]);
  return { status, refresh };
}
