// Issue 16, section 2: one box searches projects, knelpunten, afspraken, besluiten, agendapunten and notulen
// in the local document (so offline too); every word must occur; accents and case are ignored.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

function tafel() {
  const t = makeUiTafel();
  const knelpunt = O.raiseKnelpunt(t.doc, t.actor.markt, { titel: 'Geen netaansluiting voor De Kade', thema: 'energietransitie', beschrijving: 'Liander meldt congestie tot 2029.', projecten: [t.project] });
  O.addReactie(t.doc, t.actor.gemeente, knelpunt, 'Wij bellen de netbeheerder over een tijdelijke aansluiting.');
  const afspraak = O.recordAfspraak(t.doc, t.actor.chair, { wat: 'Overleg met Liander plannen', partijId: t.partij.gemeente });
  const vergadering = O.planVergadering(t.doc, t.actor.chair, { titel: 'Q-overleg', datum: '2026-12-16' });
  const notulen = O.richText(t.doc, 'vergaderingen', vergadering, 'notulen')!;
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('Besloten: de gemeente versnelt de vergunning voor Café Zuid.')]);
  notulen.insert(0, [p]);
  const besluit = O.recordBesluit(t.doc, t.actor.chair, { vergaderingId: vergadering, tekst: 'De tafel vraagt de provincie om een flexpool voor vergunningverleners.' });
  return { ...t, knelpunt, afspraak, vergadering, besluit };
}

describe('search across the tafel', () => {
  it('finds projects, knelpunten (also by a reaction), afspraken and notulen', () => {
    const t = tafel();
    expect(M.searchTafel(t.doc, 'kade').map((h) => h.kind)).toEqual(['project', 'knelpunt']);
    expect(M.searchTafel(t.doc, 'liander').map((h) => [h.kind, h.id])).toEqual([
      ['knelpunt', t.knelpunt],
      ['afspraak', t.afspraak],
    ]);
    const reactie = M.searchTafel(t.doc, 'tijdelijke aansluiting');
    expect(reactie).toHaveLength(1);
    expect(reactie[0]!.fragment).toContain('tijdelijke aansluiting');
    const notulen = M.searchTafel(t.doc, 'versnelt vergunning');
    expect(notulen).toEqual([expect.objectContaining({ kind: 'notulen', id: t.vergadering, vergaderingId: t.vergadering })]);
    expect(notulen[0]!.fragment).toContain('versnelt de vergunning');
  });

  it('finds besluiten by their text, in their meeting, and by number once the meeting is closed', () => {
    const t = tafel();
    expect(M.searchTafel(t.doc, 'flexpool')).toEqual([expect.objectContaining({ kind: 'besluit', id: t.besluit, vergaderingId: t.vergadering, inTitel: true })]);
    // "vergunning" is in the besluit and in the notulen: the besluit comes first.
    expect(M.searchTafel(t.doc, 'vergunning').map((h) => h.kind)).toEqual(['besluit', 'notulen']);
    O.sluitVergadering(t.doc, t.actor.chair, t.vergadering);
    const nummer = M.readBesluiten(t.doc)[0]!.nummer!;
    expect(M.searchTafel(t.doc, nummer)).toEqual([expect.objectContaining({ kind: 'besluit', id: t.besluit, fragment: nummer })]);
  });

  it('ignores case and accents, needs every word, and finds nothing for an empty query', () => {
    const t = tafel();
    expect(M.searchTafel(t.doc, 'CAFE zuid')).toHaveLength(1);
    expect(M.searchTafel(t.doc, 'kade liander')).toHaveLength(1);
    expect(M.searchTafel(t.doc, 'kade stikstof')).toHaveLength(0);
    expect(M.searchTafel(t.doc, '   ')).toEqual([]);
  });
});
