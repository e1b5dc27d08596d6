// Issue 16, defect 5: the old owner partij is told when a project is handed to another partij.
// The change is read from the arriving update, which still carries the value it replaced.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

describe('owner changes arriving from elsewhere', () => {
  it('reports the partij a project was taken from and given to', () => {
    const t = makeUiTafel();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(t.doc));
    const seen: M.OwnerChange[] = [];
    const stop = M.observeOwnerChanges(other, (c) => seen.push(c));
    O.setPrivaatEigenaar(t.doc, t.actor.chair, t.project, t.partij.corporatie);
    O.setProjectField(t.doc, t.actor.gemeente, t.project, 'locatie', 'Kadeplein');
    Y.applyUpdate(other, Y.encodeStateAsUpdate(t.doc, Y.encodeStateVector(other)));
    stop();
    expect(seen).toEqual([
      expect.objectContaining({ projectId: t.project, field: 'privaatEigenaar', from: t.partij.markt, to: t.partij.corporatie, by: t.actor.chair.lidId }),
    ]);
  });

  it('ignores this device’s own edits', () => {
    const t = makeUiTafel();
    const seen: M.OwnerChange[] = [];
    const stop = M.observeOwnerChanges(t.doc, (c) => seen.push(c));
    O.setPrivaatEigenaar(t.doc, t.actor.chair, t.project, t.partij.corporatie);
    stop();
    expect(seen).toEqual([]);
  });
});
