// Turns a TafelSession's stream of change events into a versioned store for React.
//
// Why: a remote edit arrives as a burst of Yjs events (one per changed map). Re-reading 2,000
// projects per event would stutter, so events are coalesced: the version moves on at most once
// per frame (~16 ms), and every useRead() recomputes only when the version or the doc changed.

import type * as Y from 'yjs';
import type { TafelSession } from '../../sync';

export interface SessionStore {
  /** Increases whenever the session reported a change (doc swap, status, document edit). */
  version(): number;
  subscribe(listener: () => void): () => void;
  /** Starts listening to the session; returns the stop function. */
  start(): () => void;
  /** A cache shared by all components for module-level reads (e.g. readProjecten), per version and doc. */
  shared<T>(read: (doc: Y.Doc) => T, doc: Y.Doc): T;
}

const FRAME_MS = 16;

export function createSessionStore(session: TafelSession): SessionStore {
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  let cache = new WeakMap<object, { doc: Y.Doc; value: unknown }>();

  const flush = () => {
    timer = null;
    version += 1;
    cache = new WeakMap();
    for (const l of [...listeners]) l();
  };
  const onChange = () => {
    if (timer === null) timer = setTimeout(flush, FRAME_MS);
  };

  return {
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      const stop = session.subscribe(onChange);
      // Anything that happened before we listened must be seen too.
      flush();
      return () => {
        stop();
        if (timer !== null) clearTimeout(timer);
        timer = null;
      };
    },
    shared<T>(read: (doc: Y.Doc) => T, doc: Y.Doc): T {
      const hit = cache.get(read);
      if (hit && hit.doc === doc) return hit.value as T;
      const value = read(doc);
      cache.set(read, { doc, value });
      return value;
    },
  };
}
