// Issue 16, section 2: what others changed or added since my last visit, and what is addressed to
// my partij (afspraken for it, reacties on its knelpunten).

import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

describe('new since a visit', () => {
  it('lists changes by others, marks what is for my partij, and leaves out my own', async () => {
    const t = makeUiTafel();
    const knelpunt = O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Netcongestie', thema: 'energietransitie', beschrijving: '', projecten: [] });
    await new Promise((r) => setTimeout(r, 5));
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    O.setProjectField(t.doc, t.actor.gemeente, t.project, 'locatie', 'Kadeplein');
    O.addReactie(t.doc, t.actor.gemeente, knelpunt, 'Wij bellen Liander.');
    const afspraak = O.recordAfspraak(t.doc, t.actor.chair, { wat: 'Planning aanleveren', partijId: t.partij.markt });
    O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Eigen melding', thema: 'capaciteit', beschrijving: '', projecten: [] });

    const n = M.newSince(t.doc, since, t.actor.markt.lidId, t.partij.markt);
    expect(n.projecten.map((p) => p.id)).toEqual([t.project]);
    expect(n.knelpunten).toEqual([]);
    expect(n.reacties).toEqual([expect.objectContaining({ knelpuntId: knelpunt, aanMijnPartij: true })]);
    expect(n.afspraken).toEqual([{ id: afspraak, wat: 'Planning aanleveren', aanMijnPartij: true }]);

    const gert = M.newSince(t.doc, since, t.actor.gemeente.lidId, t.partij.gemeente);
    expect(gert.knelpunten.map((k) => k.titel)).toEqual(['Eigen melding']);
    expect(gert.reacties).toEqual([]);
    expect(gert.afspraken[0]?.aanMijnPartij).toBe(false);
  });
});
