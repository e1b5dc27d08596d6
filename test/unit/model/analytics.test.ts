import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readKnelpunten,
  readPeildata,
  readProjecten,
  readTafel,
  readVergaderingen,
} from '../../../src/model';
import { actorForLid } from '../../../src/model';
import {
  addLid,
  addPartij,
  createProject,
  editTafel,
  freezePeildatum,
  initTafel,
  planVergadering,
  editVergadering,
  raiseKnelpunt,
  setKnelpuntStatus,
  setOplevering,
  setProjectFields,
} from '../../../src/operations';
import type { Actor } from '../../../src/ownership/rulebook';
import {
  alsPeildatumProjecten,
  betaalbaarheid,
  cadans,
  capaciteitVan,
  knelpuntenPerThema,
  plancapaciteit,
  rodeDraden,
  slippage,
  slippagePerJaarschijf,
  verwachteProductie,
} from '../../../src/model/analytics';

/** A small tafel built through the real operations: chair, two gemeenten, a corporatie, a developer. */
function tafel() {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'Versnellingstafel Test', voorzitter: { naam: 'Voorzitter' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeenteA = addPartij(doc, chair, { naam: 'Gemeente A', bloedgroep: 'overheid' });
  const gemeenteB = addPartij(doc, chair, { naam: 'Gemeente B', bloedgroep: 'overheid' });
  const corporatie = addPartij(doc, chair, { naam: 'Woonstichting', bloedgroep: 'corporatie' });
  const ontwikkelaar = addPartij(doc, chair, { naam: 'Bouwbedrijf', bloedgroep: 'markt' });
  const lid = (partijId: string) => actorForLid(doc, addLid(doc, chair, { naam: `lid van ${partijId}`, partijId, rol: 'lid' })) as Actor;
  return {
    doc,
    chair,
    gemeenteA: lid(gemeenteA),
    gemeenteB: lid(gemeenteB),
    corporatie: lid(corporatie),
    ontwikkelaar: lid(ontwikkelaar),
  };
}

describe('verwachteProductie', () => {
  it('weights planned opleveringen by the tafel realisatiekansen and sets them against the woondeal target', () => {
    const t = tafel();
    const hard = createProject(t.doc, t.gemeenteA, {
      naam: 'Stationsgebied',
      publiekEigenaar: t.gemeenteA.partijId,
      privaatEigenaar: t.ontwikkelaar.partijId,
      publiek: { planstatus: 'onherroepelijk' },
    });
    const zacht = createProject(t.doc, t.gemeenteA, {
      naam: 'Polder Oost',
      publiekEigenaar: t.gemeenteA.partijId,
      privaatEigenaar: t.corporatie.partijId,
      publiek: { planstatus: 'visie/potentie' },
    });
    const zonderStatus = createProject(t.doc, t.gemeenteB, {
      naam: 'Kerkplein',
      publiekEigenaar: t.gemeenteB.partijId,
      privaatEigenaar: t.corporatie.partijId,
    });
    setOplevering(t.doc, t.ontwikkelaar, hard, 2027, 100);
    setOplevering(t.doc, t.ontwikkelaar, hard, 2028, 40);
    setOplevering(t.doc, t.corporatie, zacht, 2028, 200);
    setOplevering(t.doc, t.corporatie, zonderStatus, 2028, 10);
    editTafel(t.doc, t.chair, { woondealDoelen: { '2026': 500, '2027': 150, '2028': 300 } });

    const rows = verwachteProductie(readProjecten(t.doc), readTafel(t.doc));
    // defaults: onherroepelijk 0.95, visie/potentie 0.3; no planstatus counts as visie/potentie
    expect(rows).toEqual([
      { jaarschijf: 2026, gepland: 0, verwacht: 0, doel: 500 },
      { jaarschijf: 2027, gepland: 100, verwacht: 95, doel: 150 },
      { jaarschijf: 2028, gepland: 250, verwacht: expect.closeTo(40 * 0.95 + 200 * 0.3 + 10 * 0.3, 9), doel: 300 },
    ]);
  });

  it('follows the probabilities the chair set', () => {
    const t = tafel();
    const id = createProject(t.doc, t.gemeenteA, {
      naam: 'Haven',
      publiekEigenaar: t.gemeenteA.partijId,
      privaatEigenaar: t.ontwikkelaar.partijId,
      publiek: { planstatus: 'in voorbereiding' },
    });
    setOplevering(t.doc, t.ontwikkelaar, id, 2030, 80);
    editTafel(t.doc, t.chair, {
      realisatiekansen: { 'visie/potentie': 0.1, 'in voorbereiding': 0.25, 'ontwerp ter inzage': 0.6, vastgesteld: 0.8, onherroepelijk: 1 },
    });
    const [row] = verwachteProductie(readProjecten(t.doc), readTafel(t.doc));
    expect(row).toEqual({ jaarschijf: 2030, gepland: 80, verwacht: 20, doel: null });
  });
});

describe('plancapaciteit', () => {
  it('compares plan capacity with the remaining target and the 130% norm', () => {
    const t = tafel();
    createProject(t.doc, t.gemeenteA, {
      naam: 'Vastgesteld plan',
      publiekEigenaar: t.gemeenteA.partijId,
      publiek: { planstatus: 'vastgesteld', woningenSocialeHuur: 300, woningenVrijeSectorKoop: 200 },
    });
    const zonderSegmenten = createProject(t.doc, t.gemeenteB, {
      naam: 'Nog niet uitgesplitst',
      publiekEigenaar: t.gemeenteB.partijId,
      privaatEigenaar: t.ontwikkelaar.partijId,
      publiek: { planstatus: 'in voorbereiding' },
    });
    setOplevering(t.doc, t.ontwikkelaar, zonderSegmenten, 2027, 150);
    setOplevering(t.doc, t.ontwikkelaar, zonderSegmenten, 2028, 150);
    const opgeleverd = createProject(t.doc, t.gemeenteA, {
      naam: 'Al opgeleverd',
      publiekEigenaar: t.gemeenteA.partijId,
      privaatEigenaar: t.corporatie.partijId,
      publiek: { planstatus: 'onherroepelijk', woningenMiddenhuur: 999 },
    });
    setProjectFields(t.doc, t.corporatie, opgeleverd, { bouwstatus: 'opgeleverd' });

    const doelen = { '2025': 10_000, '2026': 400, '2027': 300 };
    const r = plancapaciteit(readProjecten(t.doc), doelen, 2026);
    expect(r.capaciteit).toBe(800);
    expect(r.hardeCapaciteit).toBe(500);
    expect(r.resterendDoel).toBe(700);
    expect(r.ratio).toBeCloseTo(800 / 700, 9);
    expect(r.voldoetAanNorm).toBe(false);
    expect(r.tekort).toBe(110); // 1.3 x 700 = 910
    expect(plancapaciteit(readProjecten(t.doc), { '2027': 600 }, 2026)).toMatchObject({ ratio: 800 / 600, voldoetAanNorm: true, tekort: 0 });
  });

  it('has no ratio when no target remains', () => {
    const r = plancapaciteit([], { '2020': 100 }, 2026);
    expect(r).toMatchObject({ capaciteit: 0, resterendDoel: 0, ratio: null, voldoetAanNorm: null, tekort: 0 });
  });

  it('counts a delivered project as no capacity and otherwise prefers the segment split', () => {
    const t = tafel();
    const id = createProject(t.doc, t.gemeenteA, {
      naam: 'P',
      publiekEigenaar: t.gemeenteA.partijId,
      privaatEigenaar: t.ontwikkelaar.partijId,
      publiek: { woningenMiddenhuur: 40 },
    });
    setOplevering(t.doc, t.ontwikkelaar, id, 2027, 70);
    const [p] = readProjecten(t.doc);
    expect(capaciteitVan(p!)).toBe(40);
  });
});

describe('betaalbaarheid', () => {
  it('computes the betaalbaar and sociale huur shares over all segments', () => {
    const t = tafel();
    createProject(t.doc, t.gemeenteA, {
      naam: 'Gemengd',
      publiekEigenaar: t.gemeenteA.partijId,
      publiek: { woningenSocialeHuur: 90, woningenMiddenhuur: 60, woningenBetaalbareKoop: 50, woningenVrijeSectorKoop: 100 },
    });
    createProject(t.doc, t.gemeenteB, {
      naam: 'Duur',
      publiekEigenaar: t.gemeenteB.partijId,
      publiek: { woningenVrijeSectorHuur: 100 },
    });
    const b = betaalbaarheid(readProjecten(t.doc));
    expect(b.totaal).toBe(400);
    expect(b.perSegment).toEqual({
      'sociale huur': 90,
      middenhuur: 60,
      'betaalbare koop': 50,
      'vrije sector huur': 100,
      'vrije sector koop': 100,
    });
    expect(b.aandeelBetaalbaar).toBeCloseTo(0.5, 9);
    expect(b.aandeelSocialeHuur).toBeCloseTo(0.225, 9);
    expect(b.doelBetaalbaar).toBeCloseTo(2 / 3, 9);
    expect(b.doelSocialeHuur).toBe(0.3);
  });

  it('has no shares without homes', () => {
    expect(betaalbaarheid([])).toMatchObject({ totaal: 0, aandeelBetaalbaar: null, aandeelSocialeHuur: null });
  });
});

describe('knelpunten per thema and rode draden', () => {
  function metKnelpunten() {
    const t = tafel();
    const p = (naam: string) => createProject(t.doc, t.gemeenteA, { naam, publiekEigenaar: t.gemeenteA.partijId });
    const [p1, p2, p3, p4] = [p('Een'), p('Twee'), p('Drie'), p('Vier')];
    // netcongestie in three projects, one partij: rode draad on projects (threshold 3)
    raiseKnelpunt(t.doc, t.gemeenteA, { titel: 'Geen aansluiting', thema: 'energietransitie', projecten: [p1!, p2!] });
    raiseKnelpunt(t.doc, t.gemeenteA, { titel: 'Wachtlijst netbeheerder', thema: 'energietransitie', projecten: [p2!, p3!] });
    // rendement raised by two partijen on one project: rode draad on partijen
    raiseKnelpunt(t.doc, t.ontwikkelaar, { titel: 'Onrendabele top', thema: 'rendement', projecten: [p4!] });
    const opgelost = raiseKnelpunt(t.doc, t.corporatie, { titel: 'Stichtingskosten', thema: 'rendement', projecten: [p4!] });
    setKnelpuntStatus(t.doc, t.corporatie, opgelost, 'opgelost');
    // stikstof: two partijen, but one knelpunt vervallen, so only one partij counts
    raiseKnelpunt(t.doc, t.gemeenteB, { titel: 'Stikstofdepositie', thema: 'stikstof', projecten: [p1!] });
    const vervallen = raiseKnelpunt(t.doc, t.corporatie, { titel: 'Toch geen probleem', thema: 'stikstof', projecten: [p2!, p3!, p4!] });
    setKnelpuntStatus(t.doc, t.corporatie, vervallen, 'vervallen');
    return { ...t, projecten: [p1!, p2!, p3!, p4!] };
  }

  it('counts knelpunten per theme, open ones first', () => {
    const t = metKnelpunten();
    expect(knelpuntenPerThema(readKnelpunten(t.doc))).toEqual([
      { thema: 'energietransitie', totaal: 2, open: 2 },
      // ties in the order of the theme list
      { thema: 'rendement', totaal: 2, open: 1 },
      { thema: 'stikstof', totaal: 2, open: 1 },
    ]);
  });

  it('finds themes across enough projects or raised by several partijen', () => {
    const t = metKnelpunten();
    const [p1, p2, p3, p4] = t.projecten;
    const draden = rodeDraden(readKnelpunten(t.doc), 3);
    expect(draden.map((d) => [d.thema, [...d.projecten].sort(), d.partijen.length, d.open, d.redenen])).toEqual([
      ['energietransitie', [p1, p2, p3].sort(), 1, 2, ['projecten']],
      ['rendement', [p4], 2, 1, ['partijen']],
    ]);
  });

  it('follows the threshold of the tafel', () => {
    const t = metKnelpunten();
    expect(rodeDraden(readKnelpunten(t.doc), 4).map((d) => d.thema)).toEqual(['rendement']);
    expect(rodeDraden(readKnelpunten(t.doc), 2).map((d) => d.thema)).toEqual(['energietransitie', 'rendement']);
  });
});

describe('slippage', () => {
  it('shows how planned opleveringen moved between a peildatum and now', () => {
    const t = tafel();
    const mk = (naam: string) =>
      createProject(t.doc, t.gemeenteA, { naam, publiekEigenaar: t.gemeenteA.partijId, privaatEigenaar: t.ontwikkelaar.partijId });
    const schuift = mk('Schuift');
    const vast = mk('Vast');
    const sneller = mk('Sneller');
    const weg = mk('Weg');
    setOplevering(t.doc, t.ontwikkelaar, schuift, 2027, 100);
    setOplevering(t.doc, t.ontwikkelaar, vast, 2028, 50);
    setOplevering(t.doc, t.ontwikkelaar, sneller, 2030, 20);
    setOplevering(t.doc, t.ontwikkelaar, weg, 2029, 10);
    freezePeildatum(t.doc, t.chair, '2026-01-01');

    // half of Schuift moves two years later, Sneller moves one year earlier, Weg goes, Nieuw comes
    setOplevering(t.doc, t.ontwikkelaar, schuift, 2027, 50);
    setOplevering(t.doc, t.ontwikkelaar, schuift, 2029, 50);
    setOplevering(t.doc, t.ontwikkelaar, sneller, 2030, null);
    setOplevering(t.doc, t.ontwikkelaar, sneller, 2029, 20);
    const nieuw = mk('Nieuw');
    setOplevering(t.doc, t.ontwikkelaar, nieuw, 2031, 30);
    const projecten = readProjecten(t.doc).filter((p) => p.id !== weg);

    const [peildatum] = readPeildata(t.doc);
    const rows = slippage(peildatum!.projecten, alsPeildatumProjecten(projecten));
    const byNaam = Object.fromEntries(rows.map((r) => [r.naam, r]));
    expect(byNaam.Schuift).toMatchObject({
      soort: 'vertraagd',
      woningenVoor: 100,
      woningenNa: 100,
      gemiddeldJaarVoor: 2027,
      gemiddeldJaarNa: 2028,
      verschuivingJaren: 1,
      perJaarschijf: { '2027': -50, '2029': 50 },
    });
    expect(byNaam.Vast).toMatchObject({ soort: 'gelijk', verschuivingJaren: 0, perJaarschijf: {} });
    expect(byNaam.Sneller).toMatchObject({ soort: 'versneld', verschuivingJaren: -1 });
    expect(byNaam.Weg).toMatchObject({ soort: 'vervallen', woningenVoor: 10, woningenNa: 0 });
    expect(byNaam.Nieuw).toMatchObject({ soort: 'nieuw', woningenVoor: 0, woningenNa: 30 });
    expect(rows[0]!.naam).toBe('Schuift');

    expect(slippagePerJaarschijf(peildatum!.projecten, alsPeildatumProjecten(projecten))).toEqual([
      { jaarschijf: 2027, voor: 100, na: 50 },
      { jaarschijf: 2028, voor: 50, na: 50 },
      { jaarschijf: 2029, voor: 10, na: 70 },
      { jaarschijf: 2030, voor: 20, na: 0 },
      { jaarschijf: 2031, voor: 0, na: 30 },
    ]);
  });
});

describe('cadans', () => {
  function vergaderingen(data: [string, 'gepland' | 'gehouden' | 'geannuleerd'][]) {
    const t = tafel();
    for (const [datum, status] of data) {
      const id = planVergadering(t.doc, t.chair, { titel: `Tafel ${datum}`, datum });
      if (status !== 'gepland') editVergadering(t.doc, t.chair, id, { status });
    }
    return readVergaderingen(t.doc);
  }

  it('is on schedule within three calendar months of the last meeting', () => {
    const v = vergaderingen([
      ['2026-01-15', 'gehouden'],
      ['2026-04-14', 'gepland'],
    ]);
    const c = cadans(v, '2026-04-10');
    expect(c.status).toBe('op-schema');
    expect(c.laatste?.datum).toBe('2026-01-15');
    expect(c.volgende?.datum).toBe('2026-04-14');
    expect(c.dagenSindsLaatste).toBe(85);
    expect(c.uiterlijkVolgende).toBe('2026-04-15');
    expect(cadans(v, '2026-04-15').status).toBe('op-schema');
  });

  it('warns the day after a quarter has passed, ignoring cancelled meetings', () => {
    const v = vergaderingen([
      ['2025-11-30', 'gehouden'],
      ['2026-02-10', 'geannuleerd'],
    ]);
    const c = cadans(v, '2026-03-01');
    expect(c.laatste?.datum).toBe('2025-11-30');
    expect(c.uiterlijkVolgende).toBe('2026-02-28');
    expect(c.status).toBe('te-lang-geleden');
    expect(c.volgende).toBeNull();
  });

  it('says when the tafel has never met', () => {
    const c = cadans(vergaderingen([['2026-06-01', 'gepland']]), '2026-05-01');
    expect(c).toMatchObject({ status: 'nog-nooit', laatste: null, dagenSindsLaatste: null });
    expect(c.volgende?.datum).toBe('2026-06-01');
  });
});
