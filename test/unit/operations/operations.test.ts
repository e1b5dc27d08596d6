import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import * as RuleState from '../../../src/ownership/ruleState';
import { mayCreate, mayEditField } from '../../../src/ownership/rulebook';
import { makeTafel } from '../ownership/fixture';

/** Runs an operation that must fail and checks that it changed nothing. */
function expectRefused(doc: Y.Doc, op: () => unknown, errorType: new (...args: never[]) => Error): Error {
  const before = Y.encodeStateVector(doc);
  let caught: unknown;
  try {
    op();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(errorType);
  expect(Y.encodeStateVector(doc)).toEqual(before);
  return caught as Error;
}

describe('model operations by role', () => {
  it('records provenance on every value: lid, partij, time', () => {
    const t = makeTafel();
    const before = Date.now();
    O.setProjectField(t.relay, t.actor.a2, t.projectA, 'locatie', 'Spoorzone');
    const prov = M.readProject(t.relay, t.projectA)!.provenance.locatie!;
    expect(prov.by).toBe(t.actor.a2.lidId);
    expect(prov.p).toBe(t.partij.gemeenteA);
    expect(prov.at).toBeGreaterThanOrEqual(before);
  });

  it('lets the chair change tafel settings and nobody else', () => {
    const t = makeTafel();
    O.editTafel(t.relay, t.actor.chair, { woondealDoelen: { '2027': 1500, '2028': 1800 }, rodeDraadDrempel: 4 });
    expect(M.readTafel(t.relay).woondealDoelen).toEqual({ '2027': 1500, '2028': 1800 });
    expect(M.readTafel(t.relay).rodeDraadDrempel).toBe(4);
    const e = expectRefused(t.relay, () => O.editTafel(t.relay, t.actor.a, { naam: 'Gekaapt' }), O.OwnershipError) as O.OwnershipError;
    expect(e.code).toBe('not-owner');
    expect(e.path).toEqual(['tafel', 'naam']);
  });

  it('refuses every write by gasten and adviseurs with a read-only error', () => {
    const t = makeTafel();
    for (const reader of [t.actor.gast, t.actor.adviseur]) {
      const e = expectRefused(t.relay, () => O.raiseKnelpunt(t.relay, reader, { titel: 'x', thema: 'capaciteit' }), O.OwnershipError);
      expect((e as O.OwnershipError).code).toBe('read-only');
      expectRefused(t.relay, () => O.addReactie(t.relay, reader, t.knelpuntB, 'hallo'), O.OwnershipError);
    }
  });

  it('validates values with clear errors and changes nothing', () => {
    const t = makeTafel();
    const cases: Array<[() => void, RegExp]> = [
      [() => O.setProjectField(t.relay, t.actor.a, t.projectA, 'woningenSocialeHuur', 12.5), /non-negative integer/],
      [() => O.setProjectField(t.relay, t.actor.a, t.projectA, 'woningenSocialeHuur', -1), /non-negative integer/],
      [() => O.setProjectField(t.relay, t.actor.a, t.projectA, 'planstatus', 'bijna'), /allowed values/],
      [() => O.setProjectField(t.relay, t.actor.a, t.projectA, 'naam', ''), /empty/],
      [() => O.setProjectField(t.relay, t.actor.b, t.projectA, 'startBouw', '2027-Q5'), /quarter/],
      [() => O.setOplevering(t.relay, t.actor.b, t.projectA, 1850, 10), /jaarschijf/],
      [() => O.planVergadering(t.relay, t.actor.chair, { titel: 'x', datum: '2027-02-30' }), /date/],
      [() => O.editTafel(t.relay, t.actor.chair, { realisatiekansen: { ...M.DEFAULT_REALISATIEKANSEN, vastgesteld: 1.5 } }), /0\.\.1/],
      [() => O.editTafel(t.relay, t.actor.chair, { woondealDoelen: { '20277': 5 } }), /jaarschijf/],
    ];
    for (const [op, message] of cases) {
      const e = expectRefused(t.relay, op, O.ValidationError);
      expect(e.message).toMatch(message);
    }
  });

  it('keeps a project consistent when its owners change', () => {
    const t = makeTafel();
    O.setPrivaatEigenaar(t.relay, t.actor.chair, t.projectA, t.partij.corporatie);
    expectRefused(t.relay, () => O.setOplevering(t.relay, t.actor.b, t.projectA, 2028, 40), O.OwnershipError);
    O.setOplevering(t.relay, t.actor.c, t.projectA, 2028, 40);
    expect(M.readProject(t.relay, t.projectA)!.opleveringen).toEqual({ 2028: 40 });
    O.setOplevering(t.relay, t.actor.c, t.projectA, 2028, null);
    expect(M.readProject(t.relay, t.projectA)!.opleveringen).toEqual({});
  });

  it('runs a meeting: agenda proposed by partijen, ordered by the chair, afspraken updated by the assigned partij', () => {
    const t = makeTafel();
    const itemB = O.proposeAgendapunt(t.relay, t.actor.b, { vergaderingId: t.vergadering, titel: 'Netcongestie' });
    const itemA = O.proposeAgendapunt(t.relay, t.actor.a, { vergaderingId: t.vergadering, titel: 'Parkeernormen' });
    expectRefused(t.relay, () => O.ordenAgenda(t.relay, t.actor.a, t.vergadering, [itemA, itemB]), O.OwnershipError);
    O.ordenAgenda(t.relay, t.actor.chair, t.vergadering, [itemA, itemB], true);
    expect(M.readAgenda(t.relay, t.vergadering).map((a) => a.titel)).toEqual(['Parkeernormen', 'Netcongestie']);
    const afspraak = O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.gemeenteA, deadline: '2027-03-01' });
    expectRefused(t.relay, () => O.updateAfspraak(t.relay, t.actor.b, afspraak, { status: 'afgerond' }), O.OwnershipError);
    O.updateAfspraak(t.relay, t.actor.a2, afspraak, { status: 'in uitvoering', voortgang: 'Uitnodiging verstuurd' });
    expect(M.readAfspraak(t.relay, afspraak)).toMatchObject({ status: 'in uitvoering', voortgang: 'Uitnodiging verstuurd' });
    expectRefused(t.relay, () => O.recordAfspraak(t.relay, t.actor.a, { wat: 'x', partijId: t.partij.markt }), O.OwnershipError);
  });

  it('freezes a peildatum with the monitor as it is, and reads it back', () => {
    const t = makeTafel();
    O.setOplevering(t.relay, t.actor.b, t.projectA, 2028, 80);
    O.freezePeildatum(t.relay, t.actor.chair, '2027-01-01');
    const [peil] = M.readPeildata(t.relay);
    expect(peil!.datum).toBe('2027-01-01');
    expect(peil!.projecten[t.projectA]).toMatchObject({ naam: 'Stationskwartier', woningen: 120, opleveringen: { '2028': 80 } });
    expectRefused(t.relay, () => O.freezePeildatum(t.relay, t.actor.a, '2027-04-01'), O.OwnershipError);
  });

  it('answers the UI’s questions: who may edit which field, who may create what', () => {
    const t = makeTafel();
    const state = RuleState.docRuleState(t.relay);
    expect(mayEditField(state, t.actor.a, 'projecten', t.projectA, 'naam').ok).toBe(true);
    expect(mayEditField(state, t.actor.b, 'projecten', t.projectA, 'naam').ok).toBe(false);
    expect(mayEditField(state, t.actor.b, 'projecten', t.projectA, 'startBouw').ok).toBe(true);
    expect(mayEditField(state, t.actor.a, 'projecten', t.projectA, 'privaatEigenaar').ok).toBe(true);
    expect(mayEditField(state, t.actor.a, 'projecten', t.projectA, 'publiekEigenaar').ok).toBe(false);
    expect(mayEditField(state, t.actor.chair, 'knelpunten', t.knelpuntB, 'escalatie').ok).toBe(true);
    expect(mayEditField(state, t.actor.b, 'knelpunten', t.knelpuntB, 'ingediendDoor').ok).toBe(false);
    expect(mayCreate(state, t.actor.a, 'projecten').ok).toBe(true);
    expect(mayCreate(state, t.actor.b, 'projecten').ok).toBe(false);
    expect(mayCreate(state, t.actor.b, 'knelpunten').ok).toBe(true);
    expect(mayCreate(state, t.actor.gast, 'knelpunten').ok).toBe(false);
  });

  it('reads damaged values as their empty default instead of passing garbage to the UI', () => {
    const t = makeTafel();
    (t.relay.getMap('projecten').get(t.projectA) as Y.Map<unknown>).set('woningenSocialeHuur', { v: 'veel', by: 'x', p: 'y', at: 1 });
    expect(M.readProject(t.relay, t.projectA)!.woningenSocialeHuur).toBe(0);
  });
});
