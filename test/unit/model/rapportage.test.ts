// The half-yearly rapportage against a tafel with a known history: every generated section, the
// vertrouwelijkheid rules (not-to-share projects counted, not named), and the lifecycle: concept,
// co-edited by the chair and the kernteam, commented by every lid, vastgesteld, then immutable,
// also at the gate.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { deleteEntity, setFields } from '../../../src/operations/core';
import { device, makeTafel, pendingUpdate, submit, validate, type Tafel } from '../ownership/fixture';

const op = (iso: string) => vi.setSystemTime(new Date(`${iso}T10:00:00Z`));

interface Historie {
  t: Tafel;
  projectZ: string;
  p0: string;
  p1: string;
  k1: string;
  april: string;
}

/**
 * Project A (vastgesteld, 120 sociale huur) plans 100 homes in 2027 at the first peildatum and
 * has moved them to 2028 by the second; project Z (in voorbereiding, 50 middenhuur + 50 vrije
 * sector koop) keeps 100 in 2027 and may not be named outside the tafel. A netcongestie knelpunt
 * on A is raised in the period and escalated to the landelijke tafel, which answers; a parking
 * knelpunt from before is solved in the period. A meeting in April takes a besluit and an afspraak;
 * one in September (the next half year) too.
 */
function historie(): Historie {
  op('2025-11-01');
  const t = makeTafel();
  O.editTafel(t.relay, t.actor.chair, { woondealDoelen: { '2026': 300, '2027': 400, '2028': 400 } });
  // A may be named in the region's report (vertrouwelijkheid regio); Z is kept inside below.
  O.setProjectField(t.relay, t.actor.a, t.projectA, 'vertrouwelijkheid', 'regio');
  const k0 = O.raiseKnelpunt(t.relay, t.actor.a, { titel: 'Parkeernorm', thema: 'mobiliteit', projecten: [t.projectA] });
  const projectZ = O.createProject(t.relay, t.actor.z, {
    naam: 'Havenkwartier',
    publiekEigenaar: t.partij.gemeenteZ,
    privaatEigenaar: t.partij.corporatie,
    publiek: { planstatus: '3 in voorbereiding', woningenMiddenhuur: 50, woningenVrijeSectorKoop: 50 },
  });
  O.setOplevering(t.relay, t.actor.b, t.projectA, 2027, 100);
  O.setOplevering(t.relay, t.actor.c, projectZ, 2027, 100);
  op('2026-01-02');
  const p0 = O.freezePeildatum(t.relay, t.actor.chair, '2026-01-01');
  op('2026-02-01');
  O.setKnelpuntStatus(t.relay, t.actor.a, k0, 'opgelost');
  op('2026-03-10');
  const k1 = O.raiseKnelpunt(t.relay, t.actor.b, { titel: 'Netcongestie Stationskwartier', thema: 'energietransitie', projecten: [t.projectA] });
  op('2026-04-15');
  const april = O.planVergadering(t.relay, t.actor.chair, { titel: 'Overleg april', datum: '2026-04-15' });
  O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: april, tekst: 'Netcongestie agenderen bij de landelijke tafel' });
  O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.markt, deadline: '2026-06-01', vergaderingId: april });
  O.sluitVergadering(t.relay, t.actor.chair, april);
  op('2026-05-01');
  O.escalateKnelpunt(t.relay, t.actor.chair, k1, 'landelijke versnellingstafel');
  op('2026-05-10');
  O.addReactie(t.relay, t.actor.chair, k1, 'Netbeheerder neemt het op in de prioritering');
  op('2026-06-20');
  O.setOplevering(t.relay, t.actor.b, t.projectA, 2027, null);
  O.setOplevering(t.relay, t.actor.b, t.projectA, 2028, 100);
  op('2026-06-30');
  const p1 = O.freezePeildatum(t.relay, t.actor.chair, '2026-06-30');
  // Z may not leave the tafel (vertrouwelijkheid): the snapshot says so.
  const stored = t.relay.getMap('peildata').get(p1) as M.Envelope<{ datum: string; projecten: Record<string, M.PeildatumProject> }>;
  const v = structuredClone(stored.v);
  v.projecten[projectZ] = { ...v.projecten[projectZ]!, deelbaar: false };
  t.relay.getMap('peildata').set(p1, { ...stored, v });
  op('2026-09-01');
  const september = O.planVergadering(t.relay, t.actor.chair, { titel: 'Overleg september', datum: '2026-09-01' });
  O.recordBesluit(t.relay, t.actor.chair, { vergaderingId: september, tekst: 'Later besluit' });
  O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Later', partijId: t.partij.markt, vergaderingId: september });
  op('2026-09-02');
  return { t, projectZ, p0, p1, k1, april };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rapportage: generated sections', () => {
  it('takes the period and both peildata', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c).toMatchObject({ periode: '2026-H1', van: '2026-01-01', tot: '2026-06-30', peildatum: '2026-06-30', vorigePeildatum: '2026-01-01', tafelNaam: 'Versnellingstafel Test' });
    expect(M.periodeVan('2026-07-01')).toBe('2026-H2');
    expect(M.periodeGrenzen('2026-H2')).toEqual({ van: '2026-07-01', tot: '2026-12-31' });
  });

  it('production per jaarschijf against the woondeal, from the peildatum', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c.productie).toEqual([
      { jaarschijf: 2026, gepland: 0, verwacht: 0, doel: 300 },
      { jaarschijf: 2027, gepland: 100, verwacht: 50, doel: 400 },
      { jaarschijf: 2028, gepland: 100, verwacht: 85, doel: 400 },
    ]);
    // At the first peildatum A's homes were still in 2027.
    const c0 = M.genereerCijfers(h.t.relay, { periode: '2025-H2', peildatumId: h.p0 });
    expect(c0.productie.find((p) => p.jaarschijf === 2027)).toMatchObject({ gepland: 200, verwacht: 135 });
  });

  it('betaalbaarheid and plancapaciteit against 130%, hard and zacht', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c.betaalbaarheid).toMatchObject({ totaal: 220, perSegment: { 'sociale huur': 120, middenhuur: 50, 'vrije sector koop': 50 } });
    expect(c.betaalbaarheid!.aandeelBetaalbaar).toBeCloseTo(170 / 220);
    expect(c.plancapaciteit).toMatchObject({ hardeCapaciteit: 120, zachteCapaciteit: 100, capaciteit: 220, resterendDoel: 1100, norm: 1.3, tekort: 1210 });
    expect(c.plancapaciteit.ratio).toBeCloseTo(0.2);
  });

  it('slippage since the previous peildatum with the knelpunt themes behind it; not-to-share projects unnamed', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c.slippage!.telling).toEqual({ vertraagd: 1, versneld: 0, gelijk: 1, nieuw: 0, vervallen: 0 });
    expect(c.slippage!.projecten).toHaveLength(1);
    expect(c.slippage!.projecten[0]).toMatchObject({ naam: 'Stationskwartier', soort: 'vertraagd', verschuivingJaren: 1, woningenVoor: 100, woningenNa: 100 });
    expect([...c.slippage!.projecten[0]!.themas].sort()).toEqual(['energietransitie', 'mobiliteit']);
    expect(c.slippage!.themas.map((x) => x.thema).sort()).toEqual(['energietransitie', 'mobiliteit']);
    expect(c.slippage!.perJaarschijf).toEqual([
      { jaarschijf: 2027, voor: 200, na: 100 },
      { jaarschijf: 2028, voor: 0, na: 100 },
    ]);
  });

  it('knelpunten new / solved / open per theme and escalations with addressee, date, status and answer', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c.knelpunten).toEqual([
      { thema: 'mobiliteit', nieuw: 0, opgelost: 1, open: 0 },
      // The fixture's own netcongestie knelpunt (raised before the period) is still open too.
      { thema: 'energietransitie', nieuw: 1, opgelost: 0, open: 2 },
    ].sort((a, b) => M.THEMAS.indexOf(a.thema as M.Thema) - M.THEMAS.indexOf(b.thema as M.Thema)));
    expect(c.escalaties).toEqual([
      { titel: 'Netcongestie Stationskwartier', thema: 'energietransitie', niveau: 'landelijke versnellingstafel', sinds: '2026-05-01', status: 'geescaleerd', antwoord: 'Netbeheerder neemt het op in de prioritering' },
    ]);
  });

  it('besluiten and afspraken of the period only, with numbers and status', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c.besluiten).toEqual([{ nummer: '2026-001', tekst: 'Netcongestie agenderen bij de landelijke tafel', vergadering: 'Overleg april', datum: '2026-04-15' }]);
    expect(c.afspraken).toEqual([{ wat: 'Netbeheerder uitnodigen', partij: 'Bouwer B', deadline: '2026-06-01', status: 'open' }]);
  });

  it('the appendix names only what may be shared and counts the rest with its homes', () => {
    const h = historie();
    const c = M.genereerCijfers(h.t.relay, { periode: '2026-H1', peildatumId: h.p1 });
    expect(c.projecten).toEqual({ genoemd: [{ naam: 'Stationskwartier', planstatus: '2A vastgesteld', woningen: 120 }], nietGedeeld: 1, nietGedeeldWoningen: 100, totaal: 2 });
    expect(JSON.stringify(c)).not.toContain('Havenkwartier');
  });

  it('compares with the peildatum of the previous rapportage', () => {
    const h = historie();
    op('2026-12-31');
    const p2 = O.freezePeildatum(h.t.relay, h.t.actor.chair, '2026-12-31');
    O.startRapportage(h.t.relay, h.t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    expect(M.genereerCijfers(h.t.relay, { periode: '2026-H2', peildatumId: p2 }).vorigePeildatum).toBe('2026-06-30');
  });
});

describe('rapportage: lifecycle', () => {
  it('concept, co-edited by chair and kernteam, commented by every lid, vastgesteld, then immutable', () => {
    const h = historie();
    const { t } = h;
    expect(() => O.startRapportage(t.relay, t.actor.a, { periode: '2026-H1', peildatumId: h.p1 })).toThrow(O.OwnershipError);
    const id = O.startRapportage(t.relay, t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    expect(M.readRapportage(t.relay, id)).toMatchObject({ status: 'concept', koersoordeel: null, kernteam: [] });
    expect(M.readRapportage(t.relay, id)!.cijfers!.plancapaciteit.capaciteit).toBe(220);
    // The figures are frozen with the report, even for the chair.
    expect(() => setFields(t.relay, t.actor.chair, 'rapportages', id, { cijfers: {} })).toThrow(O.OwnershipError);
    expect(() => O.setKoersoordeel(t.relay, t.actor.a, id, 'op koers')).toThrow(O.OwnershipError);
    O.setKernteam(t.relay, t.actor.chair, id, [t.actor.a.lidId]);
    O.setKoersoordeel(t.relay, t.actor.a, id, 'op koers met zorgen');
    O.richText(t.relay, 'rapportages', id, 'samenvatting')!.insert(0, [new Y.XmlText('Productie loopt achter')]);
    O.reageerOpRapportage(t.relay, t.actor.z, id, 'Graag netcongestie benoemen');
    expect(M.readRapportage(t.relay, id)!.reacties.map((r) => r.tekst)).toEqual(['Graag netcongestie benoemen']);
    expect(() => O.stelRapportageVast(t.relay, t.actor.a, id)).toThrow(O.OwnershipError);
    O.stelRapportageVast(t.relay, t.actor.chair, id);
    expect(M.readRapportage(t.relay, id)).toMatchObject({ status: 'vastgesteld', vastgesteldOp: '2026-09-02', koersoordeel: 'op koers met zorgen' });
    expect(() => O.setKoersoordeel(t.relay, t.actor.chair, id, 'op koers')).toThrow(O.OwnershipError);
    expect(() => O.reageerOpRapportage(t.relay, t.actor.z, id, 'Te laat')).toThrow(O.OwnershipError);
    expect(() => setFields(t.relay, t.actor.chair, 'rapportages', id, { status: 'concept' })).toThrow(O.OwnershipError);
    expect(() => deleteEntity(t.relay, t.actor.chair, 'rapportages', id)).toThrow(O.OwnershipError);
    expect(M.readRichText(t.relay, 'rapportages', id, 'samenvatting').length).toBe(1);
  });

  it('is immutable at the gate once vastgesteld: text edits, fields, comments, removal', () => {
    const h = historie();
    const { t } = h;
    const id = O.startRapportage(t.relay, t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    O.setKernteam(t.relay, t.actor.chair, id, [t.actor.a.lidId]);
    t.bindings.set(t.relay.clientID, 'systeem');
    // Before: the kernteam lid edits the text through the gate; a lid outside the kernteam cannot.
    const edit = (actor: M.Actor, tekst: string) => {
      const d = device(t);
      O.richText(d, 'rapportages', id, 'vragen')!.insert(0, [new Y.XmlText(tekst)]);
      return pendingUpdate(t, d);
    };
    expect(submit(t, edit(t.actor.a, 'Vraag aan BZK'), t.actor.a).ok).toBe(true);
    expect(validate(t, edit(t.actor.z, 'Niet van mij'), t.actor.z).ok).toBe(false);
    O.stelRapportageVast(t.relay, t.actor.chair, id);
    const na = validate(t, edit(t.actor.a, 'Na vaststellen'), t.actor.a);
    expect(na.ok).toBe(false);
    expect(na.violations.map((v) => v.code)).toContain('frozen');
    const remove = (() => {
      const d = device(t);
      d.getMap('rapportages').delete(id);
      return pendingUpdate(t, d);
    })();
    expect(validate(t, remove, t.actor.chair).ok).toBe(false);
    const oordeel = (() => {
      const d = device(t);
      (d.getMap('rapportages').get(id) as Y.Map<unknown>).set('koersoordeel', { v: 'op koers', by: t.actor.chair.lidId, p: t.actor.chair.partijId, at: Date.now() });
      return pendingUpdate(t, d);
    })();
    expect(validate(t, oordeel, t.actor.chair).violations.map((v) => v.code)).toContain('frozen');
  });

  it('gives the landsdeel seam only a vastgestelde rapportage: koersoordeel and key figures', () => {
    const h = historie();
    const id = O.startRapportage(h.t.relay, h.t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    O.setKoersoordeel(h.t.relay, h.t.actor.chair, id, 'niet op koers');
    expect(M.rapportageSamenvatting(M.readRapportage(h.t.relay, id)!)).toBeNull();
    O.stelRapportageVast(h.t.relay, h.t.actor.chair, id);
    expect(M.rapportageSamenvatting(M.readRapportage(h.t.relay, id)!)).toEqual({
      tafelNaam: 'Versnellingstafel Test',
      periode: '2026-H1',
      peildatum: '2026-06-30',
      vastgesteldOp: '2026-09-02',
      koersoordeel: 'niet op koers',
      verwachtTotaal: 135,
      doelTotaal: 1100,
      plancapaciteitRatio: 0.2,
      aandeelBetaalbaar: 170 / 220,
      openKnelpunten: 2,
      openEscalaties: 1,
    });
  });
});
