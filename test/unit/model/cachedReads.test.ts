import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

describe('cached entity lists', () => {
  it('reads the same as the plain reads', () => {
    const t = makeUiTafel();
    O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Netcongestie', thema: 'energietransitie', projecten: [t.project] });
    expect(M.readProjectenCached(t.doc)).toEqual(M.readProjecten(t.doc));
    expect(M.readKnelpuntenCached(t.doc)).toEqual(M.readKnelpunten(t.doc));
  });

  it('returns the same array while nothing in its root changed, also across other edits', () => {
    const t = makeUiTafel();
    const first = M.readProjectenCached(t.doc);
    expect(M.readProjectenCached(t.doc)).toBe(first);
    O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Stikstof', thema: 'stikstof' });
    const v = O.planVergadering(t.doc, t.actor.chair, { titel: 'Q1', datum: '2027-01-10' });
    // Typing in the meeting notes changes a rich text deep inside another root.
    O.richText(t.doc, 'vergaderingen', v, 'notulen')!.insert(0, [new Y.XmlText('aantekening')]);
    expect(M.readProjectenCached(t.doc)).toBe(first);
  });

  it('rebuilds only the changed project, and sees added and removed ones', () => {
    const t = makeUiTafel();
    const ander = O.createProject(t.doc, t.actor.gemeente, { naam: 'Bloemenbuurt', publiekEigenaar: t.partij.gemeente });
    const before = M.readProjectenCached(t.doc);
    const kadeBefore = before.find((p) => p.id === t.project)!;
    const anderBefore = before.find((p) => p.id === ander)!;
    O.setOplevering(t.doc, t.actor.markt, t.project, 2029, 12);
    const after = M.readProjectenCached(t.doc);
    expect(after).not.toBe(before);
    expect(after.find((p) => p.id === t.project)!.opleveringen[2029]).toBe(12);
    expect(after.find((p) => p.id === t.project)).not.toBe(kadeBefore);
    expect(after.find((p) => p.id === ander)).toBe(anderBefore);
    O.removeProject(t.doc, t.actor.gemeente, ander);
    expect(M.readProjectenCached(t.doc).map((p) => p.id)).toEqual([t.project]);
    const nieuw = O.createProject(t.doc, t.actor.gemeente, { naam: 'Nieuw', publiekEigenaar: t.partij.gemeente });
    expect(M.readProjectenCached(t.doc).map((p) => p.id)).toContain(nieuw);
  });

  it('follows remote updates applied to the document', () => {
    const t = makeUiTafel();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(t.doc));
    const before = M.readProjectenCached(device);
    O.setProjectField(t.doc, t.actor.gemeente, t.project, 'naam', 'De Nieuwe Kade');
    Y.applyUpdate(device, Y.encodeStateAsUpdate(t.doc, Y.encodeStateVector(device)));
    const after = M.readProjectenCached(device);
    expect(after).not.toBe(before);
    expect(after[0]!.naam).toBe('De Nieuwe Kade');
    expect(after).toEqual(M.readProjecten(device));
  });
});
