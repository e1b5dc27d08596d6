// The meeting's own record: times, attendance, the approval of the previous notulen, besluiten numbered on across meetings when the
// chair closes a meeting (unique also when tablets record offline at the same time), the
// actielijst, and open afspraken that come back on the next agenda by themselves.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { device, makeTafel, pendingUpdate, submit, validate } from '../ownership/fixture';

describe('meeting record', () => {
  it('records start and end time and each lid as aanwezig or afgemeld (the chair only)', () => {
    const t = makeTafel();
    O.setVergaderTijden(t.relay, t.actor.chair, t.vergadering, { startTijd: '14:00', eindTijd: '16:30' });
    expect(() => O.setVergaderTijden(t.relay, t.actor.chair, t.vergadering, { startTijd: '25:00' })).toThrow(O.ValidationError);
    O.setAanwezigheid(t.relay, t.actor.chair, t.vergadering, t.actor.a.lidId, 'aanwezig');
    O.setAanwezigheid(t.relay, t.actor.chair, t.vergadering, t.actor.b.lidId, 'afgemeld');
    expect(() => O.setAanwezigheid(t.relay, t.actor.a, t.vergadering, t.actor.a.lidId, 'aanwezig')).toThrow(O.OwnershipError);
    const regels = M.readAanwezigheid(t.relay, t.vergadering);
    expect(regels.find((r) => r.lidId === t.actor.a.lidId)?.status).toBe('aanwezig');
    expect(regels.find((r) => r.lidId === t.actor.b.lidId)?.status).toBe('afgemeld');
    expect(regels.find((r) => r.lidId === t.actor.c.lidId)?.status).toBeNull();
    // A gast appears only once recorded.
    expect(regels.some((r) => r.lidId === t.actor.gast.lidId)).toBe(false);
    expect(M.readVergaderingRecord(t.relay, t.vergadering)).toEqual({ startTijd: '14:00', eindTijd: '16:30' });
  });

  it('approves the notulen of the last meeting held before this one (the chair only)', () => {
    const t = makeTafel();
    const volgende = O.planVergadering(t.relay, t.actor.chair, { titel: 'Q2-overleg', datum: '2027-05-12' });
    // Nothing was held yet: there is nothing to approve.
    expect(M.readNotulenGoedkeuring(t.relay, volgende)).toBeNull();
    const eerder = O.planVergadering(t.relay, t.actor.chair, { titel: 'Startoverleg', datum: '2027-01-05' });
    O.sluitVergadering(t.relay, t.actor.chair, eerder);
    O.sluitVergadering(t.relay, t.actor.chair, t.vergadering);
    // Q1 (10 February) is the last one held before 12 May, not the January start; a meeting that
    // was not held yet does not count.
    O.planVergadering(t.relay, t.actor.chair, { titel: 'Extra', datum: '2027-03-01' });
    expect(M.readNotulenGoedkeuring(t.relay, volgende)).toEqual({ vorige: M.readVergadering(t.relay, t.vergadering), uitkomst: null });
    expect(M.readNotulenGoedkeuring(t.relay, t.vergadering)?.vorige.id).toBe(eerder);
    expect(M.readNotulenGoedkeuring(t.relay, eerder)).toBeNull();

    expect(() => O.setVorigeNotulen(t.relay, t.actor.a, volgende, 'vastgesteld')).toThrow(O.OwnershipError);
    expect(() => O.setVorigeNotulen(t.relay, t.actor.chair, volgende, 'goedgekeurd' as M.VorigeNotulen)).toThrow(O.ValidationError);
    O.setVorigeNotulen(t.relay, t.actor.chair, volgende, 'vastgesteld met wijzigingen');
    expect(M.readNotulenGoedkeuring(t.relay, volgende)?.uitkomst).toBe('vastgesteld met wijzigingen');
    O.setVorigeNotulen(t.relay, t.actor.chair, volgende, null);
    expect(M.readNotulenGoedkeuring(t.relay, volgende)?.uitkomst).toBeNull();
  });

  it('numbers besluiten on across meetings when the chair closes each, in agenda order', () => {
    const t = makeTafel();
    const p1 = O.proposeAgendapunt(t.relay, t.actor.a, { vergaderingId: t.vergadering, titel: 'Parkeernormen' });
    const p2 = O.proposeAgendapunt(t.relay, t.actor.b, { vergaderingId: t.vergadering, titel: 'Netcongestie' });
    O.ordenAgenda(t.relay, t.actor.chair, t.vergadering, [p2, p1]);
    const b1 = O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: t.vergadering, agendapuntId: p1, tekst: 'Parkeernorm 0,8 bij stations' });
    const b2 = O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: t.vergadering, agendapuntId: p2, tekst: 'Netbeheerder aan tafel' });
    expect(() => O.recordBesluit(t.relay, t.actor.a, { vergaderingId: t.vergadering, tekst: 'x' })).toThrow(O.OwnershipError);
    expect(M.readBesluitenlijst(t.relay, t.vergadering).map((b) => b.nummer)).toEqual([null, null]);
    expect(O.sluitVergadering(t.relay, t.actor.chair, t.vergadering, '16:30')).toEqual(['2027-001', '2027-002']);
    expect(M.readVergadering(t.relay, t.vergadering)?.status).toBe('gehouden');
    const lijst = M.readBesluitenlijst(t.relay, t.vergadering);
    expect(lijst.map((b) => [b.id, b.nummer])).toEqual([
      [b2, '2027-001'],
      [b1, '2027-002'],
    ]);
    // The next meeting of the same year goes on; a meeting of the next year starts at 001.
    const v2 = O.planVergadering(t.relay, t.actor.chair, { titel: 'Q2', datum: '2027-05-12' });
    O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: v2, tekst: 'Expertteam vragen' });
    expect(O.sluitVergadering(t.relay, t.actor.chair, v2)).toEqual(['2027-003']);
    const v3 = O.planVergadering(t.relay, t.actor.chair, { titel: 'Q1 2028', datum: '2028-02-01' });
    O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: v3, tekst: 'Begroting' });
    expect(O.sluitVergadering(t.relay, t.actor.chair, v3)).toEqual(['2028-001']);
    // Closing again numbers only what was added since; numbers never change.
    O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: t.vergadering, agendapuntId: p1, tekst: 'Nagekomen' });
    expect(O.sluitVergadering(t.relay, t.actor.chair, t.vergadering)).toEqual(['2027-004']);
    expect(M.readBesluitenlijst(t.relay, t.vergadering)[0]?.nummer).toBe('2027-001');
    expect(() => O.removeBesluit(t.relay, t.actor.chair, b1)).toThrow(O.ValidationError);
  });

  it('keeps numbers unique when two tablets record besluiten offline at the same time', () => {
    const t = makeTafel();
    const chairTablet = device(t);
    const secretaryTablet = device(t);
    O.recordBesluit(chairTablet, t.actor.chair, { vergaderingId: t.vergadering, tekst: 'Besluit op tablet 1' });
    O.recordBesluit(secretaryTablet, t.actor.chair, { vergaderingId: t.vergadering, tekst: 'Besluit op tablet 2' });
    expect(submit(t, pendingUpdate(t, chairTablet), t.actor.chair).ok).toBe(true);
    expect(submit(t, pendingUpdate(t, secretaryTablet), t.actor.chair).ok).toBe(true);
    Y.applyUpdate(chairTablet, Y.encodeStateAsUpdate(t.relay));
    O.sluitVergadering(chairTablet, t.actor.chair, t.vergadering);
    expect(submit(t, pendingUpdate(t, chairTablet), t.actor.chair).ok).toBe(true);
    expect(M.readBesluitenlijst(t.relay, t.vergadering).map((b) => b.nummer).sort()).toEqual(['2027-001', '2027-002']);
  });

  it('refuses the same number twice at the relay when two closures race offline', () => {
    const t = makeTafel();
    const v2 = O.planVergadering(t.relay, t.actor.chair, { titel: 'Extra', datum: '2027-03-01' });
    O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: t.vergadering, tekst: 'A' });
    O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: v2, tekst: 'B' });
    const one = device(t);
    const two = device(t);
    O.sluitVergadering(one, t.actor.chair, t.vergadering);
    O.sluitVergadering(two, t.actor.chair, v2);
    expect(submit(t, pendingUpdate(t, one), t.actor.chair).ok).toBe(true);
    const r = validate(t, pendingUpdate(t, two), t.actor.chair);
    expect(r.ok).toBe(false);
    expect(r.violations.map((v) => v.code)).toContain('frozen');
    // Closing again on the merged state gives the next free number.
    const three = device(t);
    expect(O.sluitVergadering(three, t.actor.chair, v2)).toEqual(['2027-002']);
  });

  it('keeps the actielijst and brings open afspraken of earlier meetings back on the next agenda', () => {
    const t = makeTafel();
    const open = O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.markt, deadline: '2027-03-01', vergaderingId: t.vergadering });
    const klaar = O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Notitie parkeren', partijId: t.partij.gemeenteA, vergaderingId: t.vergadering });
    O.updateAfspraak(t.relay, t.actor.a, klaar, { status: 'afgerond' });
    const bezig = O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Grondprijs uitzoeken', partijId: t.partij.gemeenteA, vergaderingId: t.vergadering });
    O.updateAfspraak(t.relay, t.actor.a, bezig, { status: 'in uitvoering' });
    expect(M.readActielijst(t.relay, t.vergadering).map((a) => a.id)).toEqual([open, bezig, klaar]);
    const volgende = O.planVergadering(t.relay, t.actor.chair, { titel: 'Q2', datum: '2027-05-12' });
    const terug = M.readOpenAfsprakenVoorAgenda(t.relay, volgende).map((a) => a.id);
    expect(terug).toEqual([open, bezig]);
    // Not on the agenda of the meeting they were made at, nor on an earlier one.
    expect(M.readOpenAfsprakenVoorAgenda(t.relay, t.vergadering)).toEqual([]);
    O.updateAfspraak(t.relay, t.actor.b, open, { status: 'afgerond' });
    expect(M.readOpenAfsprakenVoorAgenda(t.relay, volgende).map((a) => a.id)).toEqual([bezig]);
  });
});
