// Peildata that a mis-tap cannot spoil: no future dates, one snapshot per date, withdrawal by the
// chair within 24 hours, never after; what the confirmation shows.

import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeTafel } from '../ownership/fixture';

const dagMs = 24 * 60 * 60 * 1000;

describe('peildata: model safeguards', () => {
  it('refuses a date in the future and accepts today', () => {
    const t = makeTafel();
    const nu = new Date('2026-12-02T10:00:00');
    expect(() => O.freezePeildatum(t.relay, t.actor.chair, '2030-01-01', nu)).toThrow(O.ValidationError);
    expect(() => O.freezePeildatum(t.relay, t.actor.chair, '2026-12-03', nu)).toThrow(O.ValidationError);
    expect(M.readPeildata(t.relay)).toHaveLength(0);
    O.freezePeildatum(t.relay, t.actor.chair, O.vandaag(nu), nu);
    expect(M.readPeildata(t.relay).map((p) => p.datum)).toEqual(['2026-12-02']);
  });

  it('refuses a second snapshot on the same date, from the chair or the secretary alike', () => {
    const t = makeTafel();
    O.freezePeildatum(t.relay, t.actor.chair, '2026-10-01');
    expect(() => O.freezePeildatum(t.relay, t.actor.chair, '2026-10-01')).toThrow(O.OwnershipError);
    expect(M.readPeildata(t.relay)).toHaveLength(1);
    expect(O.peildatumVoorbeeld(t.relay, '2026-10-01').bestaatAl).toBe(true);
    expect(O.peildatumVoorbeeld(t.relay, '2026-11-01').bestaatAl).toBe(false);
  });

  it('shows what will be frozen: projects, homes, opleveringen per jaarschijf', () => {
    const t = makeTafel();
    O.setOplevering(t.relay, t.actor.b, t.projectA, 2028, 60);
    O.setOplevering(t.relay, t.actor.b, t.projectA, 2027, 40);
    expect(O.peildatumVoorbeeld(t.relay, '2026-10-01')).toEqual({
      projecten: 1,
      woningen: 120,
      opleveringen: [
        { jaarschijf: 2027, woningen: 40 },
        { jaarschijf: 2028, woningen: 60 },
      ],
      bestaatAl: false,
    });
  });

  it('keeps segments, bouwstatus and whether a project may be named, for the rapportage', () => {
    const t = makeTafel();
    O.setProjectField(t.relay, t.actor.a, t.projectA, 'vertrouwelijkheid', 'regio');
    O.freezePeildatum(t.relay, t.actor.chair, '2026-10-01');
    const p = M.readPeildata(t.relay)[0]!.projecten[t.projectA]!;
    expect(p.segmenten?.['sociale huur']).toBe(120);
    expect(p.deelbaar).toBe(true);
  });

  it('lets the chair withdraw within 24 hours of freezing, and never after; not a lid', () => {
    const t = makeTafel();
    const nu = Date.now();
    const id = O.freezePeildatum(t.relay, t.actor.chair, '2026-10-01');
    expect(O.mayWithdrawPeildatum(t.relay, t.actor.a, id)).toBe(false);
    expect(() => O.withdrawPeildatum(t.relay, t.actor.a, id)).toThrow(O.OwnershipError);
    expect(O.intrekbaarTot(t.relay, id)).toBeGreaterThanOrEqual(nu + dagMs);
    expect(O.mayWithdrawPeildatum(t.relay, t.actor.chair, id)).toBe(true);
    O.withdrawPeildatum(t.relay, t.actor.chair, id);
    expect(M.readPeildata(t.relay)).toHaveLength(0);
    // The date is free again.
    O.freezePeildatum(t.relay, t.actor.chair, '2026-10-01');
    expect(M.readPeildata(t.relay)).toHaveLength(1);
  });

  it('refuses the withdrawal of a snapshot frozen more than 24 hours ago', () => {
    const t = makeTafel();
    const toen = new Date(Date.now() - dagMs - 60_000);
    const id = O.freezePeildatum(t.relay, t.actor.chair, '2026-07-01', toen);
    expect(O.mayWithdrawPeildatum(t.relay, t.actor.chair, id)).toBe(false);
    expect(() => O.withdrawPeildatum(t.relay, t.actor.chair, id)).toThrow(O.OwnershipError);
    expect(M.readPeildata(t.relay)).toHaveLength(1);
  });
});
