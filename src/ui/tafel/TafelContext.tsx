// The open tafel for every screen below it. The shell (src/ui/App.tsx) opens a TafelSession for
// the tafel in the URL and wraps the screens in <TafelProvider>; screens then use the hooks:
//
//   const { doc, actor, readOnly, session, joined } = useTafel();
//   const projecten = useRead(readProjectenCached);           // the same array until a project changes
//   const project = useRead((doc) => readProject(doc, id), [id]);  // pass deps when closing over props
//   const mag = useMayEdit('projecten', id, 'naam');          // Decision from the ownership rulebook
//   const write = useWrite();  const fout = write((doc, actor) => setProjectField(doc, actor, id, 'naam', v));
//
// Never keep `doc` across renders: after a rejected update the session swaps in a fresh one.

import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { JoinedTafel, TafelSession } from '../../sync';
import { createSessionStore, type SessionStore } from './sessionStore';

export interface TafelContextValue {
  readonly session: TafelSession;
  readonly joined: JoinedTafel;
  readonly store: SessionStore;
}

const TafelContext = createContext<TafelContextValue | null>(null);

export function TafelProvider({ session, joined, children }: { session: TafelSession; joined: JoinedTafel; children: ReactNode }) {
  const store = useMemo(() => createSessionStore(session), [session]);
  useEffect(() => store.start(), [store]);
  const value = useMemo(() => ({ session, joined, store }), [session, joined, store]);
  return <TafelContext.Provider value={value}>{children}</TafelContext.Provider>;
}

/** The raw context; screens use useTafel() instead. */
export function useTafelContext(): TafelContextValue {
  const ctx = useContext(TafelContext);
  if (!ctx) throw new Error('useTafel() is used outside <TafelProvider>');
  return ctx;
}
