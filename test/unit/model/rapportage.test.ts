// The half-yearly rapportage's figures against a tafel with a known history: every generated
// section, the vertrouwelijkheid rules (not-to-share projects counted, not named), and the summary
// that leaves for the landelijke tafel once it is vastgesteld. The lifecycle (operations) is in
// test/unit/operations/rapportages.test.ts.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { ontvangTerugmelding } from '../../../src/operations/doorgifte';
import { historie, op } from './rapportageHistorie';

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

  it('shows the tafel as it was on the peildatum: what happened after it is not in the report', () => {
    const h = historie();
    op('2026-09-15');
    const p2 = O.freezePeildatum(h.t.relay, h.t.actor.chair, '2026-09-15');
    // After the peildatum: a new knelpunt, the escalated one solved, a meeting with a besluit.
    op('2026-10-01');
    O.raiseKnelpunt(h.t.relay, h.t.actor.b, { titel: 'Stikstofruimte', thema: 'stikstof', projecten: [h.t.projectA] });
    O.setKnelpuntStatus(h.t.relay, h.t.actor.chair, h.k1, 'opgelost');
    const oktober = O.planVergadering(h.t.relay, h.t.actor.chair, { titel: 'Overleg oktober', datum: '2026-10-01' });
    O.recordBesluit(h.t.relay, h.t.actor.chair, { vergaderingId: oktober, tekst: 'Besluit na de peildatum' });
    O.recordAfspraak(h.t.relay, h.t.actor.chair, { wat: 'Afspraak na de peildatum', partijId: h.t.partij.markt, vergaderingId: oktober });
    op('2026-10-05');
    const opPeildatum = M.genereerCijfers(h.t.relay, { periode: '2026-H2', peildatumId: p2 });
    expect(opPeildatum.knelpunten).toEqual([{ thema: 'energietransitie', nieuw: 0, opgelost: 0, open: 2 }]);
    expect(opPeildatum.escalaties.map((e) => e.status)).toEqual(['geescaleerd']);
    expect(opPeildatum.besluiten.map((b) => b.tekst)).toEqual(['Later besluit']);
    expect(opPeildatum.afspraken.map((a) => a.wat)).toEqual(['Later']);

    // The same period at a later peildatum has all of it.
    const p3 = O.freezePeildatum(h.t.relay, h.t.actor.chair, '2026-10-05');
    const later = M.genereerCijfers(h.t.relay, { periode: '2026-H2', peildatumId: p3 });
    expect(later.knelpunten).toEqual(
      [
        { thema: 'energietransitie', nieuw: 0, opgelost: 1, open: 1 },
        { thema: 'stikstof', nieuw: 1, opgelost: 0, open: 1 },
      ].sort((a, b) => M.THEMAS.indexOf(a.thema as M.Thema) - M.THEMAS.indexOf(b.thema as M.Thema)),
    );
    expect(later.escalaties.map((e) => e.status)).toEqual(['opgelost']);
    expect(later.besluiten.map((b) => b.tekst)).toEqual(['Later besluit', 'Besluit na de peildatum']);
    expect(later.afspraken.map((a) => a.wat).sort()).toEqual(['Afspraak na de peildatum', 'Later']);
  });

  it('answers an escalation with the addressed tafel’s answer to its request, as far as the peildatum', () => {
    const h = historie();
    op('2026-09-01');
    const knelpunt = O.raiseKnelpunt(h.t.relay, h.t.actor.b, { titel: 'Stikstofruimte', thema: 'stikstof', projecten: [h.t.projectA] });
    const verzoek = O.escaleer(h.t.relay, h.t.actor.chair, { knelpuntId: knelpunt, niveau: 'landelijke versnellingstafel', gevraagd: 'Ruimte uit de provinciale bank', waarom: 'Provinciaal' });
    op('2026-09-10');
    const p2 = O.freezePeildatum(h.t.relay, h.t.actor.chair, '2026-09-10');
    op('2026-09-20');
    const antwoord = { status: 'in behandeling' as const, antwoord: 'De provincie reserveert ruimte', lid: 'Zara Zuidwest', tafel: 'Landelijke versnellingstafel', op: Date.now() };
    ontvangTerugmelding(h.t.relay, verzoek, antwoord, Date.now());
    // A comment at the tafel afterwards is not the answer.
    O.addReactie(h.t.relay, h.t.actor.a, knelpunt, 'Wij wachten af');
    const p3 = O.freezePeildatum(h.t.relay, h.t.actor.chair, '2026-09-20');
    const antwoordVan = (peildatumId: string) => M.genereerCijfers(h.t.relay, { periode: '2026-H2', peildatumId }).escalaties.find((e) => e.titel === 'Stikstofruimte')!.antwoord;
    expect(antwoordVan(p2)).toBeNull();
    expect(antwoordVan(p3)).toBe('De provincie reserveert ruimte');
  });

  it('compares with the peildatum of the previous rapportage', () => {
    const h = historie();
    op('2026-12-31');
    const p2 = O.freezePeildatum(h.t.relay, h.t.actor.chair, '2026-12-31');
    O.startRapportage(h.t.relay, h.t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    expect(M.genereerCijfers(h.t.relay, { periode: '2026-H2', peildatumId: p2 }).vorigePeildatum).toBe('2026-06-30');
  });
});

describe('rapportage: the summary for the landelijke tafel', () => {
  /** A vastgestelde rapportage of 2026-H1 with a judgement, narrative in three sections and a comment. */
  function vastgesteld() {
    const h = historie();
    const id = O.startRapportage(h.t.relay, h.t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    O.setKoersoordeel(h.t.relay, h.t.actor.chair, id, 'niet op koers');
    const schrijf = (veld: M.RapportageTekst, ...alineas: string[]) => {
      const t = O.richText(h.t.relay, 'rapportages', id, veld)!;
      for (const tekst of alineas) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(tekst)]);
        t.insert(t.length, [p]);
      }
    };
    schrijf('samenvatting', 'Productie loopt achter door netcongestie.', 'Plancapaciteit ruim onder de norm.');
    schrijf('vragen', 'Vraag aan BZK: voorrang bij de netbeheerder.');
    schrijf('ontsloten', 'Intern: onderhandeling grondprijs Havenkwartier.');
    O.reageerOpRapportage(h.t.relay, h.t.actor.z, id, 'Reactie-alleen-aan-tafel');
    return { h, id };
  }

  it('is null for a concept: nothing leaves before the chair sets it vastgesteld', () => {
    const h = historie();
    const id = O.startRapportage(h.t.relay, h.t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    O.setKoersoordeel(h.t.relay, h.t.actor.chair, id, 'niet op koers');
    expect(M.rapportageSamenvatting(h.t.relay, id)).toBeNull();
    expect(M.rapportageSamenvatting(h.t.relay, 'GeenRapportage0001')).toBeNull();
    O.stelRapportageVast(h.t.relay, h.t.actor.chair, id);
    expect(M.rapportageSamenvatting(h.t.relay, id)).not.toBeNull();
  });

  it('carries the koersoordeel and the key figures of the frozen cijfers', () => {
    const { h, id } = vastgesteld();
    O.stelRapportageVast(h.t.relay, h.t.actor.chair, id);
    expect(M.rapportageSamenvatting(h.t.relay, id)).toMatchObject({
      versie: 1,
      rapportageId: id,
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

  it('carries the figures behind them as totals, the summary and the asks as plain text', () => {
    const { h, id } = vastgesteld();
    O.stelRapportageVast(h.t.relay, h.t.actor.chair, id);
    const s = M.rapportageSamenvatting(h.t.relay, id)!;
    const c = M.readRapportage(h.t.relay, id)!.cijfers!;
    expect(s.productie).toEqual(c.productie);
    expect(s.plancapaciteit).toEqual(c.plancapaciteit);
    expect(s.betaalbaarheid?.perSegment).toEqual(c.betaalbaarheid?.perSegment);
    expect(s.knelpunten).toEqual(c.knelpunten);
    expect(s.slippage).toEqual({ telling: c.slippage!.telling, themas: [{ thema: 'mobiliteit', projecten: 1 }, { thema: 'energietransitie', projecten: 1 }] });
    expect(s.teksten).toEqual({
      samenvatting: 'Productie loopt achter door netcongestie.\nPlancapaciteit ruim onder de norm.',
      vragen: 'Vraag aan BZK: voorrang bij de netbeheerder.',
    });
  });

  it('lets out only what vertrouwelijkheid allows: the not-to-share project counted, never named', () => {
    const { h, id } = vastgesteld();
    O.setProjectField(h.t.relay, h.t.actor.b, h.t.projectA, 'privateOpmerkingen', 'VERTROUWELIJK-marge-7');
    O.stelRapportageVast(h.t.relay, h.t.actor.chair, id);
    const s = M.rapportageSamenvatting(h.t.relay, id)!;
    expect(s.projecten).toEqual({ genoemd: [{ naam: 'Stationskwartier', planstatus: '2A vastgesteld', woningen: 120 }], nietGedeeld: 1, nietGedeeldWoningen: 100, totaal: 2 });
    const json = JSON.stringify(s);
    // Not the project kept inside, nor the narrative, comments, besluiten, afspraken or answers of the tafel itself.
    for (const binnen of ['Havenkwartier', 'VERTROUWELIJK-marge-7', 'Intern: onderhandeling', 'Reactie-alleen-aan-tafel', 'Netcongestie agenderen', 'Netbeheerder uitnodigen', 'Netbeheerder neemt']) {
      expect(json).not.toContain(binnen);
    }
    // No project by name in the slippage, no per-project private figures.
    expect(json).not.toContain('opleveringen');
    expect(json).not.toContain('verschuivingJaren');
  });

  it('cuts a narrative longer than the field at the landelijke tafel holds, and says so', () => {
    const { h, id } = vastgesteld();
    const t = O.richText(h.t.relay, 'rapportages', id, 'vragen')!;
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('x'.repeat(25_000))]);
    t.insert(t.length, [p]);
    O.stelRapportageVast(h.t.relay, h.t.actor.chair, id);
    const vragen = M.rapportageSamenvatting(h.t.relay, id)!.teksten.vragen;
    expect(vragen).toHaveLength(20_000);
    expect(vragen.endsWith('…')).toBe(true);
  });
});
