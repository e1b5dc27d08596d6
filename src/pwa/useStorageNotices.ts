// Asks for persistent storage once the app runs and keeps an eye on free space, so the user hears
// about eviction risk before it happens rather than after.

import { useEffect, useState } from 'react';
import { measureStorage, requestPersistence, type Persistence, type StorageRoom } from './storage';

// The refusal notice is explained once per device; after "Begrepen" it stays quiet.
const REFUSAL_SEEN_KEY = 'aan-tafel.pwa.opslagWeigeringGezien';
// Free space changes slowly; a tafel's data is small. Checking now and then is enough.
const MEASURE_EVERY_MS = 10 * 60 * 1000;

function refusalSeen(): boolean {
  try {
    return localStorage.getItem(REFUSAL_SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

export interface StorageNotices {
  /** Persistent storage was refused and the user has not acknowledged it yet. */
  readonly refused: boolean;
  acknowledgeRefusal(): void;
  /** Set while storage is low and the user has not dismissed the warning in this session. */
  readonly low: StorageRoom | null;
  dismissLow(): void;
}

export function useStorageNotices(): StorageNotices {
  const [persistence, setPersistence] = useState<Persistence | null>(null);
  const [refusalAcknowledged, setRefusalAcknowledged] = useState(refusalSeen);
  const [room, setRoom] = useState<StorageRoom | null>(null);
  const [lowDismissed, setLowDismissed] = useState(false);

  useEffect(() => {
    let live = true;
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    void requestPersistence(storage).then((outcome) => {
      if (live) setPersistence(outcome);
    });
    const measure = (): void => {
      void measureStorage(storage).then((measured) => {
        if (live) setRoom(measured);
      });
    };
    measure();
    const timer = setInterval(measure, MEASURE_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  return {
    refused: persistence === 'refused' && !refusalAcknowledged,
    acknowledgeRefusal() {
      setRefusalAcknowledged(true);
      try {
        localStorage.setItem(REFUSAL_SEEN_KEY, '1');
      } catch {
        // Private mode without storage: the notice simply comes back next time.
      }
    },
    low: room?.low && !lowDismissed ? room : null,
    dismissLow: () => setLowDismissed(true),
  };
}
