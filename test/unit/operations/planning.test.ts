// The gemeente's planning grid per jaartal, written by the project's public owner only, validated
// per cell, and set against the developer's opleveringen.

import { describe, expect, it } from 'vitest';
import { planningVergelijking, readProject } from '../../../src/model';
import { OwnershipError, setPlanningJaar, ValidationError } from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

function problemCode(f: () => void): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.problem.code;
    if (e instanceof OwnershipError) return e.code;
    throw e;
  }
  throw new Error('expected the operation to refuse');
}

describe('setPlanningJaar', () => {
  it('lets the public owner write a year as one value, without zeros, and remove it again', () => {
    const t = makeUiTafel();
    setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'meergezins.huur1': 30, 'eengezins.koop2': 25, 'eengezins.koop1': 0, sloop: 4 });
    expect(readProject(t.doc, t.project)!.planning[2027]).toEqual({ 'meergezins.huur1': 30, 'eengezins.koop2': 25, sloop: 4 });
    expect(readProject(t.doc, t.project)!.provenance['planning.2027']).toMatchObject({ by: t.actor.gemeente.lidId, p: t.actor.gemeente.partijId });
    setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, null);
    expect(readProject(t.doc, t.project)!.planning[2027]).toBeUndefined();
  });

  it('flags the years where the grid and the opleveringen differ (sloop does not count as production)', () => {
    const t = makeUiTafel();
    // The developer delivers 60 in 2027 and 40 in 2028 (fixture).
    setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'meergezins.huur1': 60, sloop: 10 });
    setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2028, { 'eengezins.koop3': 25 });
    const rijen = planningVergelijking(readProject(t.doc, t.project)!);
    expect(rijen).toEqual([
      { jaar: 2027, gemeente: 60, ontwikkelaar: 60, verschil: 0, wijktAf: false },
      { jaar: 2028, gemeente: 25, ontwikkelaar: 40, verschil: 15, wijktAf: true },
    ]);
  });

  it('refuses the developer, a gast and the chair (the grid is the gemeente’s part)', () => {
    const t = makeUiTafel();
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.markt, t.project, 2027, { 'eengezins.koop1': 5 }))).toBe('not-owner');
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.gast, t.project, 2027, { 'eengezins.koop1': 5 }))).toBe('read-only');
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.chair, t.project, 2027, { 'eengezins.koop1': 5 }))).toBe('not-owner');
    expect(readProject(t.doc, t.project)!.planning[2027]).toBeUndefined();
  });

  it('refuses a year outside the jaarschijven, a cell the grid lacks and a count that is none, with codes', () => {
    const t = makeUiTafel();
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.gemeente, t.project, 1999, { 'eengezins.koop1': 5 }))).toBe('not-jaarschijf');
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'rijtjes.koop1': 5 }))).toBe('not-allowed');
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'eengezins.koop1': 2.5 }))).toBe('not-count');
    expect(problemCode(() => setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'eengezins.koop1': -1 }))).toBe('not-count');
    expect(readProject(t.doc, t.project)!.planning[2027]).toBeUndefined();
  });
});
