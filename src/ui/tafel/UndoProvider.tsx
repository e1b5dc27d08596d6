// The undo of the open tafel: every saved field edit is offered as "Ongedaan maken" in a toast, and
// Ctrl+Z (Cmd+Z) undoes the latest one while the focus is not in a text box (where the browser
// undoes typing itself). Undo writes the previous value back only while nobody changed it since.

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useToast } from '../components/Toast';
import { strings } from '../strings';
import { errorText } from '../codeText';
import { applyUndo, isUndoKey, undoEntryAfterWrite, type UndoEntry } from './undo';
import { lidNaam, useNamen } from './useNamen';
import { useTafel } from './useTafel';

type Record_ = (entry: Omit<UndoEntry, 'written'>) => void;

const UndoContext = createContext<Record_>(() => undefined);

/** The most recent edits that Ctrl+Z can walk back, newest last. */
const MAX_ENTRIES = 20;

export function UndoProvider({ children }: { children: ReactNode }) {
  const { doc, actor } = useTafel();
  const namen = useNamen();
  const toast = useToast();
  const stack = useRef<UndoEntry[]>([]);
  // The latest doc/actor/names, for the toast's button and the key handler.
  const live = useRef({ doc, actor, namen });
  live.current = { doc, actor, namen };

  const undo = useCallback(
    (entry: UndoEntry) => {
      stack.current = stack.current.filter((e) => e !== entry);
      const { doc: d, actor: a, namen: n } = live.current;
      if (!a) return;
      const outcome = applyUndo(d, a, entry);
      if (outcome.kind === 'undone') toast(strings.ongedaan.gedaan(entry.label));
      else if (outcome.kind === 'changed-since') toast(strings.ongedaan.intussenGewijzigd(entry.label, lidNaam(n, outcome.by.by)), 'error');
      else toast(errorText(outcome.error), 'error');
    },
    [toast],
  );

  const record = useCallback<Record_>(
    (e) => {
      const entry = undoEntryAfterWrite(live.current.doc, e);
      if (!entry) return;
      stack.current = [...stack.current.slice(-(MAX_ENTRIES - 1)), entry];
      toast(strings.ongedaan.opgeslagen(e.label), 'success', { label: strings.ongedaan.knop, run: () => undo(entry) });
    },
    [toast, undo],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isUndoKey(e) || e.defaultPrevented || typesText(e.target)) return;
      const last = stack.current.at(-1);
      if (!last) return;
      e.preventDefault();
      undo(last);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  // A new document (after a rebuild) keeps the entries: they find their field by path and envelope.
  const value = useMemo(() => record, [record]);
  return <UndoContext.Provider value={value}>{children}</UndoContext.Provider>;
}

/** Records a saved edit so it can be undone; a no-op outside an open tafel. */
export function useRecordUndo(): Record_ {
  return useContext(UndoContext);
}

function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
