// useRead: a model read (src/model/reads.ts) as React state, kept up to date with the session.
// The result is cached per session version, doc and deps, so a screen re-reads only after a
// change, and components that use the same module-level read (readProjecten) share one result.

import { useCallback, useRef, useSyncExternalStore, type DependencyList } from 'react';
import type * as Y from 'yjs';
import { useTafelContext } from './TafelContext';

interface Cached<T> {
  readonly version: number;
  readonly doc: Y.Doc;
  readonly deps: DependencyList | undefined;
  readonly value: T;
}

function sameDeps(a: DependencyList | undefined, b: DependencyList | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Reads from the current doc and re-renders when the result changes.
 * - `read` without `deps`: should be a module-level function (its result is shared between components).
 * - `read` closing over props or state: pass them as `deps`.
 * - `isEqual`: keeps the previous result (and skips the re-render) when the new one is equal.
 */
export function useRead<T>(read: (doc: Y.Doc) => T, deps?: DependencyList, isEqual?: (a: T, b: T) => boolean): T {
  const { session, store } = useTafelContext();
  const cache = useRef<Cached<T> | null>(null);
  const getSnapshot = (): T => {
    const version = store.version();
    const doc = session.doc;
    const c = cache.current;
    if (c && c.version === version && c.doc === doc && sameDeps(c.deps, deps)) return c.value;
    let value = deps === undefined ? store.shared(read, doc) : read(doc);
    if (c && isEqual && isEqual(c.value, value)) value = c.value;
    cache.current = { version, doc, deps, value };
    return value;
  };
  const subscribe = useCallback((l: () => void) => store.subscribe(l), [store]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
