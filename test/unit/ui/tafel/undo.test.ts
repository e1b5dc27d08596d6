// Issue 16, defect 5: every field edit can be undone by writing the previous value back, as long as
// nobody changed the field since.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { applyUndo, isUndoKey, undoEntryAfterWrite } from '../../../../src/ui/tafel/undo';
import { makeUiTafel } from '../tafelFixture';

function edit(t: ReturnType<typeof makeUiTafel>, value: string) {
  const previous = M.readProject(t.doc, t.project)!.startBouw;
  const save = (doc: typeof t.doc, actor: M.Actor, v: unknown) => O.setProjectField(doc, actor, t.project, 'startBouw', v);
  save(t.doc, t.actor.markt, value);
  return undoEntryAfterWrite(t.doc, { label: 'Start bouw', root: 'projecten', entityId: t.project, key: 'startBouw', previous, save })!;
}

describe('undo of a field edit', () => {
  it('writes the previous value back', () => {
    const t = makeUiTafel();
    O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q1');
    const entry = edit(t, '2028-Q3');
    expect(applyUndo(t.doc, t.actor.markt, entry)).toEqual({ kind: 'undone' });
    expect(M.readProject(t.doc, t.project)!.startBouw).toBe('2027-Q1');
  });

  it('refuses when someone changed the field since, and names them', () => {
    const t = makeUiTafel();
    const entry = edit(t, '2028-Q3');
    const dirk2 = M.actorForLid(t.doc, O.addLid(t.doc, t.actor.chair, { naam: 'Daan', partijId: t.partij.markt, rol: 'lid' }))!;
    O.setProjectField(t.doc, dirk2, t.project, 'startBouw', '2029-Q1');
    const outcome = applyUndo(t.doc, t.actor.markt, entry);
    expect(outcome.kind).toBe('changed-since');
    expect(outcome.kind === 'changed-since' && outcome.by.by).toBe(dirk2.lidId);
    expect(M.readProject(t.doc, t.project)!.startBouw).toBe('2029-Q1');
  });

  it('reports the model’s refusal when the rights changed', () => {
    const t = makeUiTafel();
    const entry = edit(t, '2028-Q3');
    const gemeente = applyUndo(t.doc, t.actor.gemeente, entry);
    expect(gemeente.kind).toBe('failed');
    expect(M.readProject(t.doc, t.project)!.startBouw).toBe('2028-Q3');
  });

  it('knows Ctrl+Z and Cmd+Z, not Ctrl+Shift+Z', () => {
    const k = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(isUndoKey({ ...k, key: 'z', ctrlKey: true })).toBe(true);
    expect(isUndoKey({ ...k, key: 'z', metaKey: true })).toBe(true);
    expect(isUndoKey({ ...k, key: 'Z', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isUndoKey({ ...k, key: 'z' })).toBe(false);
  });
});
