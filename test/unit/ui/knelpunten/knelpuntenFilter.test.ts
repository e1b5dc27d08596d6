import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ESCALATIENIVEAUS, readKnelpunten } from '../../../../src/model';
import { actorForLid } from '../../../../src/model';
import {
  addLid,
  addPartij,
  escalateKnelpunt,
  initTafel,
  raiseKnelpunt,
  setKnelpuntStatus,
} from '../../../../src/operations';
import { type Actor } from '../../../../src/ownership/rulebook';
import {
  filterKnelpunten,
  GEEN_FILTER,
  leesFilter,
  leesWeergave,
  perStatus,
  schrijfParams,
  sorteerKnelpunten,
} from '../../../../src/ui/screens/knelpunten/knelpuntenFilter';

function register() {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'T', voorzitter: { naam: 'V' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente', bloedgroep: 'overheid' });
  const markt = addPartij(doc, chair, { naam: 'Ontwikkelaar', bloedgroep: 'markt' });
  const g = actorForLid(doc, addLid(doc, chair, { naam: 'G', partijId: gemeente, rol: 'lid' })) as Actor;
  const m = actorForLid(doc, addLid(doc, chair, { naam: 'M', partijId: markt, rol: 'lid' })) as Actor;
  const ids = {
    parkeren: raiseKnelpunt(doc, g, { titel: 'Parkeernorm te hoog', thema: 'mobiliteit', beschrijving: 'Norm 1,5 per woning' }),
    netcongestie: raiseKnelpunt(doc, m, { titel: 'Geen netaansluiting', thema: 'energietransitie', beschrijving: 'Wachtrij tot 2029' }),
    rendement: raiseKnelpunt(doc, m, { titel: 'Onrendabele top', thema: 'rendement' }),
    opgelost: raiseKnelpunt(doc, g, { titel: 'Bestemmingsplan', thema: 'processen en procedures' }),
  };
  setKnelpuntStatus(doc, g, ids.opgelost, 'opgelost');
  setKnelpuntStatus(doc, m, ids.rendement, 'in behandeling');
  escalateKnelpunt(doc, chair, ids.netcongestie, 'landelijke versnellingstafel');
  // Escalating made it geescaleerd; its partij sets it back, so the board below must group by
  // status alone (an escalated knelpunt can still be gesignaleerd) and the sort by level alone.
  setKnelpuntStatus(doc, m, ids.netcongestie, 'gesignaleerd');
  return { doc, gemeente, markt, ids };
}

describe('knelpunten register filter', () => {
  it('filters by theme, raising partij, status, open and text (case-insensitive, in the description too)', () => {
    const r = register();
    const alle = readKnelpunten(r.doc);
    const titels = (f: Partial<typeof GEEN_FILTER>) => filterKnelpunten(alle, { ...GEEN_FILTER, ...f }).map((k) => k.titel).sort();
    expect(titels({})).toHaveLength(4);
    expect(titels({ thema: 'mobiliteit' })).toEqual(['Parkeernorm te hoog']);
    expect(titels({ partijId: r.markt })).toEqual(['Geen netaansluiting', 'Onrendabele top']);
    expect(titels({ status: 'in behandeling' })).toEqual(['Onrendabele top']);
    expect(titels({ alleenOpen: true })).toEqual(['Geen netaansluiting', 'Onrendabele top', 'Parkeernorm te hoog']);
    expect(titels({ zoek: 'WACHTRIJ' })).toEqual(['Geen netaansluiting']);
    expect(titels({ zoek: 'norm', partijId: r.markt })).toEqual([]);
  });

  it('puts open knelpunten first, escalated higher, closed last', () => {
    const r = register();
    const order = sorteerKnelpunten(readKnelpunten(r.doc), ESCALATIENIVEAUS).map((k) => k.titel);
    expect(order[0]).toBe('Geen netaansluiting');
    expect(order[order.length - 1]).toBe('Bestemmingsplan');
  });

  it('groups the board by status in the order of the vocabulary', () => {
    const r = register();
    const bord = perStatus(readKnelpunten(r.doc));
    expect(bord.map((k) => [k.status, k.knelpunten.length])).toEqual([
      ['gesignaleerd', 2],
      ['in behandeling', 1],
      ['opgelost', 1],
      ['geescaleerd', 0],
      ['vervallen', 0],
    ]);
  });

  it('round-trips the filter through the URL and ignores values that are not in the vocabulary', () => {
    const f = { zoek: 'net', thema: 'stikstof' as const, partijId: 'abcdef123', status: 'opgelost' as const, alleenOpen: true };
    const params = schrijfParams(f, 'bord');
    expect(params.toString()).toBe('zoek=net&thema=stikstof&partij=abcdef123&status=opgelost&open=1&weergave=bord');
    expect(leesFilter(params)).toEqual(f);
    expect(leesWeergave(params)).toBe('bord');
    expect(leesFilter(new URLSearchParams('thema=onzin&status=kapot'))).toEqual(GEEN_FILTER);
    expect(leesWeergave(new URLSearchParams(''))).toBe('lijst');
  });
});
