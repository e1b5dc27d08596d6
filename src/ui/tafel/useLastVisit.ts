// The moment of this lid's previous visit to a tafel on this device (issue 16: what is new since
// my last visit). Read once per app start and tafel, then the visit is stamped "now"; the value
// stays the same for the whole visit, so markers do not vanish while the user reads them.

import { useEffect, useState } from 'react';
import { getPreference, setPreference } from '../../sync';
import { useTafel } from './useTafel';

const vorige = new Map<string, Promise<number | null>>();

function previousVisit(tafelId: string): Promise<number | null> {
  let p = vorige.get(tafelId);
  if (!p) {
    const key = `laatsteBezoek:${tafelId}`;
    p = getPreference<number>(key).then((v) => {
      void setPreference(key, Date.now());
      return typeof v === 'number' ? v : null;
    });
    vorige.set(tafelId, p);
  }
  return p;
}

/** undefined while reading; null on the first visit on this device. */
export function useLastVisit(tafelId: string): number | null | undefined {
  const [since, setSince] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void previousVisit(tafelId).then((v) => alive && setSince(v));
    return () => {
      alive = false;
    };
  }, [tafelId]);
  return since;
}

/**
 * What the markers on items go by: the previous visit (null on the first visit on this device, and
 * while it is read) and this lid (its own changes are not new to it).
 */
export function useMarkersSince(): { since: number | null; lidId: string } {
  const { tafelId, session } = useTafel();
  return { since: useLastVisit(tafelId) ?? null, lidId: session.lidId };
}
