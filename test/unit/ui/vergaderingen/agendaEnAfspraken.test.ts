import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAfspraken, readAgenda, readVergaderingen } from '../../../../src/model';
import { actorForLid } from '../../../../src/model';
import {
  addLid,
  addPartij,
  initTafel,
  ordenAgenda,
  planVergadering,
  proposeAgendapunt,
  recordAfspraak,
  updateAfspraak,
} from '../../../../src/operations';
import { type Actor } from '../../../../src/ownership/rulebook';
import { splitsVergaderingen, verplaats } from '../../../../src/ui/screens/vergaderingen/agendaVolgorde';
import { filterAfspraken, GEEN_AFSPRAAK_FILTER, sorteerAfspraken, termijn } from '../../../../src/ui/screens/vergaderingen/afsprakenView';

function tafel() {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'T', voorzitter: { naam: 'V' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente', bloedgroep: 'overheid' });
  const corporatie = addPartij(doc, chair, { naam: 'Corporatie', bloedgroep: 'corporatie' });
  const c = actorForLid(doc, addLid(doc, chair, { naam: 'C', partijId: corporatie, rol: 'lid' })) as Actor;
  return { doc, chair, gemeente, corporatie, c };
}

describe('agenda order', () => {
  it('moves an item one place earlier or later and stores that order through the model', () => {
    const t = tafel();
    const v = planVergadering(t.doc, t.chair, { titel: 'Q1', datum: '2026-03-10' });
    const a = proposeAgendapunt(t.doc, t.c, { vergaderingId: v, titel: 'Opening' });
    const b = proposeAgendapunt(t.doc, t.c, { vergaderingId: v, titel: 'Netcongestie' });
    const c = proposeAgendapunt(t.doc, t.chair, { vergaderingId: v, titel: 'Rondvraag' });
    ordenAgenda(t.doc, t.chair, v, [a, b, c]);
    ordenAgenda(t.doc, t.chair, v, verplaats(readAgenda(t.doc, v), c, -1));
    expect(readAgenda(t.doc, v).map((x) => x.titel)).toEqual(['Opening', 'Rondvraag', 'Netcongestie']);
    ordenAgenda(t.doc, t.chair, v, verplaats(readAgenda(t.doc, v), a, 1));
    expect(readAgenda(t.doc, v).map((x) => x.titel)).toEqual(['Rondvraag', 'Opening', 'Netcongestie']);
  });

  it('does not move past either end', () => {
    const t = tafel();
    const v = planVergadering(t.doc, t.chair, { titel: 'Q1', datum: '2026-03-10' });
    const a = proposeAgendapunt(t.doc, t.c, { vergaderingId: v, titel: 'A' });
    const b = proposeAgendapunt(t.doc, t.c, { vergaderingId: v, titel: 'B' });
    ordenAgenda(t.doc, t.chair, v, [a, b]);
    const agenda = readAgenda(t.doc, v);
    expect(verplaats(agenda, a, -1)).toEqual([a, b]);
    expect(verplaats(agenda, b, 1)).toEqual([a, b]);
    expect(verplaats(agenda, 'onbekend', 1)).toEqual([a, b]);
  });

  it('splits meetings into coming (soonest first, today included) and past (latest first)', () => {
    const t = tafel();
    for (const datum of ['2026-01-15', '2026-04-14', '2025-10-01', '2026-07-01']) planVergadering(t.doc, t.chair, { titel: datum, datum });
    const { komend, geweest } = splitsVergaderingen(readVergaderingen(t.doc), '2026-04-14');
    expect(komend.map((v) => v.datum)).toEqual(['2026-04-14', '2026-07-01']);
    expect(geweest.map((v) => v.datum)).toEqual(['2026-01-15', '2025-10-01']);
  });
});

describe('afspraken', () => {
  it('says how urgent a deadline is; finished afspraken are never late', () => {
    expect(termijn({ deadline: '2026-03-01', status: 'open' }, '2026-03-04')).toEqual({ soort: 'te-laat', dagen: 3 });
    expect(termijn({ deadline: '2026-03-04', status: 'in uitvoering' }, '2026-03-04')).toEqual({ soort: 'binnenkort', dagen: 0 });
    expect(termijn({ deadline: '2026-03-18', status: 'open' }, '2026-03-04')).toEqual({ soort: 'binnenkort', dagen: 14 });
    expect(termijn({ deadline: '2026-03-19', status: 'open' }, '2026-03-04')).toEqual({ soort: 'later', dagen: 15 });
    expect(termijn({ deadline: '2026-01-01', status: 'afgerond' }, '2026-03-04')).toEqual({ soort: 'klaar' });
    expect(termijn({ deadline: null, status: 'open' }, '2026-03-04')).toEqual({ soort: 'geen' });
  });

  it('filters by partij and status and sorts running ones by deadline', () => {
    const t = tafel();
    const laat = recordAfspraak(t.doc, t.chair, { wat: 'Parkeernorm herzien', partijId: t.gemeente, deadline: '2026-06-01' });
    const vroeg = recordAfspraak(t.doc, t.chair, { wat: 'Grondprijs voorstellen', partijId: t.gemeente, deadline: '2026-02-01' });
    const zonder = recordAfspraak(t.doc, t.chair, { wat: 'Huurprogramma delen', partijId: t.corporatie });
    const klaar = recordAfspraak(t.doc, t.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.corporatie, deadline: '2026-01-01' });
    updateAfspraak(t.doc, t.c, klaar, { status: 'afgerond', voortgang: 'Komt in april' });
    const alle = readAfspraken(t.doc);
    expect(sorteerAfspraken(alle).map((a) => a.id)).toEqual([vroeg, laat, zonder, klaar]);
    expect(filterAfspraken(alle, { ...GEEN_AFSPRAAK_FILTER, partijId: t.corporatie }).map((a) => a.id).sort()).toEqual([zonder, klaar].sort());
    expect(filterAfspraken(alle, { ...GEEN_AFSPRAAK_FILTER, alleenLopend: true }).map((a) => a.id)).not.toContain(klaar);
    expect(filterAfspraken(alle, { ...GEEN_AFSPRAAK_FILTER, status: 'afgerond' }).map((a) => a.id)).toEqual([klaar]);
  });
});
