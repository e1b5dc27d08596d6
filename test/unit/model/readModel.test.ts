// The read model's pure part (src/model/readModel.ts): what it holds is what the screens would
// read from the document, and its stamp says exactly which state that was.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

describe('read model', () => {
  it('holds the planmonitor rows, the home overview and the names the document gives, for one lid', () => {
    const { doc, actor, project } = makeUiTafel();
    O.raiseKnelpunt(doc, actor.markt, { titel: 'Stikstof', thema: 'stikstof', projecten: [project] });
    const model = M.buildReadModel(doc, { lidId: actor.markt.lidId, magProjectMaken: false });

    expect(model.planmonitor).toEqual(M.buildRijen(M.readProjectenCached(doc), M.readKnelpuntenCached(doc)));
    expect(model.planmonitor[0]).toMatchObject({ id: project, naam: 'De Kade', gemeente: 'Zwolle', woningen: 100, openKnelpunten: 1 });
    expect(model.home).toEqual(M.readHomeOverzicht(doc));
    expect(model.home.openKnelpuntenAantal).toBe(1);
    expect(model.naam).toBe('Versnellingstafel Test');
    expect(model.ik).toEqual({ actor: actor.markt, naam: 'Dirk Ontwikkelaar' });
    expect(model.namen.partijen.map((p) => p.naam)).toContain('Bouwbedrijf Horizon');
    // Stored in IndexedDB by structured clone: plain data only.
    expect(structuredClone(model)).toEqual(model);
    expect(M.isUsableReadModel(structuredClone(model), actor.markt.lidId)).toBe(true);
    expect(M.isUsableReadModel(model, actor.gemeente.lidId)).toBe(false);
    expect(M.isUsableReadModel({ ...model, versie: 0 }, actor.markt.lidId)).toBe(false);
  });

  it('is stamped with the state vector of the document it was built from, and no other', () => {
    const { doc, actor, project } = makeUiTafel();
    const model = M.buildReadModel(doc, { lidId: actor.gemeente.lidId, magProjectMaken: true });
    expect(M.sameStateVector(model.stateVector, Y.encodeStateVector(doc))).toBe(true);

    O.setProjectField(doc, actor.gemeente, project, 'naam', 'De Kade-Zuid');
    const after = Y.encodeStateVector(doc);
    expect(M.sameStateVector(model.stateVector, after)).toBe(false);
    expect(M.stateVectorCovers(after, model.stateVector)).toBe(true);
    expect(M.stateVectorCovers(model.stateVector, after)).toBe(false);
    expect(M.buildReadModel(doc, { lidId: actor.gemeente.lidId, magProjectMaken: true }).planmonitor[0]!.naam).toBe('De Kade-Zuid');
  });

  it('compares and merges state vectors per client', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('x', 1);
    b.getMap('m').set('y', 2);
    b.getMap('m').set('z', 3);
    const merged = M.mergeStateVectors([Y.encodeStateVector(a), Y.encodeStateVector(b)]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(M.sameStateVector(merged, Y.encodeStateVector(a))).toBe(true);
    expect(M.sameStateVector(M.mergeStateVectors([]), Y.encodeStateVector(new Y.Doc()))).toBe(true);
  });
});
