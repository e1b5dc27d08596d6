// The printed knelpunt goes outside the tafel: it names a project only where its
// vertrouwelijkheid lets it out or the chair shared it with a request up the ladder; the others
// are counted, never named.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { KnelpuntProjectenAfdruk } from '../../../../src/ui/screens/knelpunten/KnelpuntProjectenAfdruk';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel, renderAs, text } from '../tafelFixture';

describe('printed knelpunt: its projects', () => {
  it('names what may leave the tafel or was shared with a request, and counts the rest', () => {
    const t = makeUiTafel();
    const haven = O.createProject(t.doc, t.actor.gemeente, { naam: 'Havenkwartier', publiekEigenaar: t.partij.gemeente, privaatEigenaar: t.partij.markt, publiek: { gemeente: 'Zwolle' } });
    O.setProjectField(t.doc, t.actor.gemeente, haven, 'vertrouwelijkheid', 'regio');
    // De Kade is unclassified: it stays inside the tafel.
    const k = O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Netcongestie', thema: 'energietransitie', projecten: [t.project, haven] });
    const toon = () => text(renderAs(t.doc, t.actor.chair.lidId, <KnelpuntProjectenAfdruk knelpunt={M.readKnelpunt(t.doc, k)!} />));

    expect(toon()).toContain('Havenkwartier');
    expect(toon()).not.toContain('De Kade');
    expect(toon()).toContain(strings.afdruk.projectenBinnenDeTafel(1));

    O.escaleer(t.doc, t.actor.chair, { knelpuntId: k, niveau: 'expertteam woningbouw', gevraagd: 'Advies', waarom: 'Kennis', projecten: [t.project] });
    expect(toon()).toContain('De Kade');
    expect(toon()).not.toContain(strings.afdruk.projectenBinnenDeTafel(1));
  });
});
