import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { afsprakenBinnenkort, openKnelpunten, vandaagIso, volgendeVergadering } from '../../../../src/ui/screens/home/homeView';
import { makeUiTafel } from '../tafelFixture';

describe('tafel home', () => {
  it('picks the first planned meeting from today on, skipping cancelled and held ones', () => {
    const { doc, actor } = makeUiTafel();
    const oud = O.planVergadering(doc, actor.chair, { titel: 'Oud', datum: '2026-09-01' });
    const vandaag = O.planVergadering(doc, actor.chair, { titel: 'Vandaag', datum: '2026-11-23' });
    O.planVergadering(doc, actor.chair, { titel: 'Later', datum: '2027-01-10' });
    O.editVergadering(doc, actor.chair, oud, { status: 'gehouden' });
    expect(volgendeVergadering(M.readVergaderingen(doc), '2026-11-23')?.titel).toBe('Vandaag');
    O.editVergadering(doc, actor.chair, vandaag, { status: 'geannuleerd' });
    expect(volgendeVergadering(M.readVergaderingen(doc), '2026-11-23')?.titel).toBe('Later');
    expect(volgendeVergadering(M.readVergaderingen(doc), '2027-02-01')).toBeNull();
  });

  it('lists open knelpunten with the highest escalation first', () => {
    const { doc, actor } = makeUiTafel();
    const a = O.raiseKnelpunt(doc, actor.markt, { titel: 'A', thema: 'stikstof' });
    const b = O.raiseKnelpunt(doc, actor.markt, { titel: 'B', thema: 'capaciteit' });
    const c = O.raiseKnelpunt(doc, actor.markt, { titel: 'C', thema: 'geluid' });
    O.escalateKnelpunt(doc, actor.chair, b, 'bestuurlijke woondealtafel');
    O.setKnelpuntStatus(doc, actor.markt, c, 'vervallen');
    const open = openKnelpunten(M.readKnelpunten(doc)).map((k) => k.id);
    expect(open[0]).toBe(b);
    expect(open).toContain(a);
    expect(open).not.toContain(c);
  });

  it('shows afspraken to do that are overdue or due within four weeks, soonest first', () => {
    const { doc, actor, partij } = makeUiTafel();
    const laat = O.recordAfspraak(doc, actor.chair, { wat: 'Te laat', partijId: partij.markt, deadline: '2026-11-01' });
    O.recordAfspraak(doc, actor.chair, { wat: 'Binnenkort', partijId: partij.markt, deadline: '2026-12-10' });
    O.recordAfspraak(doc, actor.chair, { wat: 'Ver weg', partijId: partij.markt, deadline: '2027-06-01' });
    O.recordAfspraak(doc, actor.chair, { wat: 'Zonder deadline', partijId: partij.markt });
    const klaar = O.recordAfspraak(doc, actor.chair, { wat: 'Klaar', partijId: partij.markt, deadline: '2026-11-20' });
    O.updateAfspraak(doc, actor.markt, klaar, { status: 'afgerond' });
    const due = afsprakenBinnenkort(M.readAfspraken(doc), '2026-11-23');
    expect(due.map((d) => d.afspraak.wat)).toEqual(['Te laat', 'Binnenkort']);
    expect(due.find((d) => d.afspraak.id === laat)?.teLaat).toBe(true);
    expect(due[1]!.teLaat).toBe(false);
  });

  it('formats today in local time', () => {
    expect(vandaagIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
