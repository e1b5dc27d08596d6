// Issue 16, section 2: what others changed or added since my last visit, and what is addressed to
// my partij (afspraken for it, reacties on its knelpunten, answers on the escalation of its knelpunt).

import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { ontvangReactie, ontvangTerugmelding } from '../../../src/operations/doorgifte';
import { newId } from '../../../src/model/ids';
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

  it('tells the partij whose knelpunt was escalated when an answer or a message came back', async () => {
    const t = makeUiTafel();
    const knelpunt = O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Netcongestie', thema: 'energietransitie', beschrijving: '', projecten: [] });
    const escalatie = O.escaleer(t.doc, t.actor.chair, { knelpuntId: knelpunt, niveau: 'landelijke versnellingstafel', gevraagd: 'Voorrang bij de netbeheerder', waarom: 'Provinciebreed' });
    await new Promise((r) => setTimeout(r, 5));
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    // Arrives from the landelijke tafel (the relay writes it); `op` is the other tafel's clock, long before.
    ontvangTerugmelding(t.doc, escalatie, { status: 'in behandeling', antwoord: 'We bellen de netbeheerder.', lid: 'Sam Zuid', tafel: 'Landelijke versnellingstafel', op: 1 }, Date.now());
    ontvangReactie(t.doc, 'escalaties', escalatie, newId(), { tekst: 'Gesprek op 12 maart.', naam: 'Sam Zuid', tafel: 'Landelijke versnellingstafel', op: 1 }, Date.now());

    const dirk = M.newSince(t.doc, since, t.actor.markt.lidId, t.partij.markt);
    expect(dirk.escalatieAntwoorden.map((a) => [a.soort, a.knelpuntId, a.knelpuntTitel, a.tafel, a.aanMijnPartij])).toEqual([
      ['antwoord', knelpunt, 'Netcongestie', 'Landelijke versnellingstafel', true],
      ['bericht', knelpunt, 'Netcongestie', 'Landelijke versnellingstafel', true],
    ]);
    expect(M.newSince(t.doc, since, t.actor.gemeente.lidId, t.partij.gemeente).escalatieAntwoorden.every((a) => !a.aanMijnPartij)).toBe(true);
    expect(M.newSince(t.doc, Date.now() + 1, t.actor.markt.lidId, t.partij.markt).escalatieAntwoorden).toEqual([]);
  });
});
