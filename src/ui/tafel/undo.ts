// Undoing a field edit: the previous value is written back, but only while nobody changed the field
// since (its stored envelope is still the one this edit wrote). Otherwise undoing would silently
// overwrite someone else's newer value; the user is told who changed it instead.

import type * as Y from 'yjs';
import { envelopeAt, type Envelope, type RootName } from '../../model';
import type { Actor } from '../../ownership/rulebook';

export interface UndoEntry {
  /** the field's label, for "Ongedaan gemaakt: Start bouw" */
  readonly label: string;
  readonly root: RootName;
  readonly entityId: string | null;
  readonly key: string;
  /** the value before the edit */
  readonly previous: unknown;
  /** who wrote the edit, and when: identifies "our" value in the document */
  readonly written: { readonly by: string; readonly at: number };
  /** the same model operation that made the edit */
  readonly save: (doc: Y.Doc, actor: Actor, value: unknown) => void;
}

/** After a successful write: the entry that undoes it, or null when the field holds no envelope. */
export function undoEntryAfterWrite(doc: Y.Doc, e: Omit<UndoEntry, 'written'>): UndoEntry | null {
  const now = envelopeAt(doc, e.root, e.entityId, e.key);
  return now ? { ...e, written: { by: now.by, at: now.at } } : null;
}

export type UndoOutcome =
  | { readonly kind: 'undone' }
  /** someone changed the field after this edit: their envelope */
  | { readonly kind: 'changed-since'; readonly by: Envelope }
  /** the model refused (rights changed, item removed): the thrown error */
  | { readonly kind: 'failed'; readonly error: unknown };

/** Writes the previous value back when the field still holds this edit's value. */
export function applyUndo(doc: Y.Doc, actor: Actor, entry: UndoEntry): UndoOutcome {
  const now = envelopeAt(doc, entry.root, entry.entityId, entry.key);
  if (!now || now.by !== entry.written.by || now.at !== entry.written.at) {
    if (now) return { kind: 'changed-since', by: now };
    return { kind: 'failed', error: new Error('field gone') };
  }
  try {
    entry.save(doc, actor, entry.previous);
    return { kind: 'undone' };
  } catch (error) {
    return { kind: 'failed', error };
  }
}

/** Ctrl+Z / Cmd+Z outside a place where the browser undoes typing itself. */
export function isUndoKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}
