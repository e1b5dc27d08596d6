// Import: reading the monitors' files, recognising their columns, the preview per row, ownership,
// idempotence and undo, all against a tafel built through the model's operations.

import { describe, expect, it } from 'vitest';
import { readProject, readProjecten } from '../../../src/model';
import { setPrivaatEigenaar, setProjectField } from '../../../src/operations';
import {
  belemmeringen,
  ImportFileError,
  leesBestand,
  maakImportOngedaan,
  MAX_BESTAND_BYTES,
  mapRijen,
  metBevestiging,
  pasImportToe,
  planImport,
  stelKoppelingVoor,
  type Koppeling,
} from '../../../src/exchange';
import { diwiXlsx, groteCsv, htmlAlsXlsx, rdGeojson, semicolonCsv1252, tafel } from './fixtures';

function fileError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportFileError) return e.problem.code;
    throw e;
  }
  throw new Error('expected an ImportFileError');
}

describe('reading files', () => {
  it('reads a DIWI-style xlsx with a two-row header and formulas as their cached values', () => {
    const t = leesBestand('monitor.xlsx', diwiXlsx());
    expect(t.kolommen).toContain('Planning 2027 Meergezins huur1');
    expect(t.kolommen).toContain('Planning 2028 Eengezins koop2');
    expect(t.kolommen[0]).toBe('Project Projectnaam');
    expect(t.rijen[0]!.nummer).toBe(3);
    expect(t.rijen[0]!.cellen[10]).toBe(30);
  });

  it('reads a semicolon CSV in Windows-1252 with Dutch numbers, and says which cell is no count', () => {
    const t = leesBestand('plannen.csv', semicolonCsv1252());
    const k = stelKoppelingVoor(t.kolommen);
    expect(k.kolommen).toMatchObject({ Plannaam: 'veld:naam', 'Status planologisch': 'veld:planstatus', 'Sociale huur': 'veld:woningenSocialeHuur', 'Oplevering 2027': 'oplevering:2027', Opmerkingen: 'veld:publiekeOpmerkingen' });
    const [kade, weide] = mapRijen(t, k);
    expect(kade!.velden.naam).toBe('Café de Kade');
    expect(kade!.velden.woningenSocialeHuur).toBe(1200);
    expect(kade!.problemen).toEqual([{ code: 'geen-aantal', kolom: 'Oplevering 2027', waarde: 'ca. 40' }]);
    expect(kade!.nummer).toBe(2);
    expect(weide!.velden.planstatus).toBe('2B vastgesteld, uitwerkingsplicht');
    expect(weide!.bronwaarden.planstatus).toBe('Vastgesteld, uitwerkingsplicht');
  });

  it('reads UTF-8 with a byte order mark and comma separators', () => {
    const bytes = new TextEncoder().encode('\uFEFFProjectnaam,Gemeente,Planstatus\r\n"Kerkplein, Zuid",Voorbeeldstad,1A\r\n');
    const t = leesBestand('x.csv', bytes);
    expect(t.kolommen).toEqual(['Projectnaam', 'Gemeente', 'Planstatus']);
    const [r] = mapRijen(t, stelKoppelingVoor(t.kolommen));
    expect(r!.velden).toMatchObject({ naam: 'Kerkplein, Zuid', planstatus: '1A onherroepelijk' });
  });

  it('reprojects a GeoJSON outline in RD New to WGS84', () => {
    const t = leesBestand('zh.geojson', rdGeojson());
    const [r] = mapRijen(t, stelKoppelingVoor(t.kolommen));
    const ring = (r!.velden.contour as { coordinates: number[][][] }).coordinates[0]!;
    // RD 92000, 437000 lies in Rotterdam: about 4.47 E, 51.92 N.
    expect(ring[0]![0]).toBeCloseTo(4.47, 1);
    expect(ring[0]![1]).toBeCloseTo(51.92, 1);
    expect(r!.velden).toMatchObject({ naam: 'Plan 1', planstatus: '2A vastgesteld', plantype: 'verdichting' });
  });

  it('refuses broken and mislabelled files with a clear code', () => {
    expect(fileError(() => leesBestand('monitor.xlsx', htmlAlsXlsx()))).toBe('type-klopt-niet');
    expect(fileError(() => leesBestand('monitor.xlsx', diwiXlsx().slice(0, 400)))).toBe('beschadigd');
    expect(fileError(() => leesBestand('groot.csv', groteCsv(100_000)))).toBe('te-veel-rijen');
    expect(fileError(() => leesBestand('leeg.csv', new Uint8Array()))).toBe('leeg');
    expect(fileError(() => leesBestand('groot.csv', new Uint8Array(MAX_BESTAND_BYTES + 1).fill(0x41)))).toBe('te-groot');
    expect(fileError(() => leesBestand('plaatje.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])))).toBe('onbekend-type');
  });

  it('maps statuses on their words, whatever letters the source gives 4A and 4B', () => {
    const t = leesBestand('monitor.xlsx', diwiXlsx(4));
    const rijen = mapRijen(t, stelKoppelingVoor(t.kolommen));
    expect(rijen.map((r) => r.velden.planstatus)).toEqual(['2A vastgesteld', '4B idee/optie', '3 in voorbereiding', '4A visie']);
    expect(rijen[0]!.velden.knelpunten).toEqual(['netcongestie / nutsvoorzieningen', 'stikstof']);
    expect(rijen[0]!.velden.realisatiekans).toBeCloseTo(0.6);
    expect(rijen[0]!.planning).toEqual({ 2027: { 'meergezins.huur1': 10, 'eengezins.koop2': 5 }, 2028: { 'meergezins.huur1': 30, 'eengezins.koop2': 0 } });
  });
});

describe('preview, apply, ownership, idempotence and undo', () => {
  const koppeling = (bytes: Uint8Array, naam: string, bron = 'DIWI'): [ReturnType<typeof leesBestand>, Koppeling] => {
    const t = leesBestand(naam, bytes);
    return [t, { ...stelKoppelingVoor(t.kolommen), bron }];
  };

  it('a gemeente imports its monitor: creates projects, a second import changes and sends nothing', async () => {
    const t = tafel();
    const [tabel, k] = koppeling(diwiXlsx(3), 'm.xlsx');
    const plan = planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente });
    expect(plan.telling).toEqual({ nieuw: 3, wijzigen: 0, ongewijzigd: 0, geweigerd: 0 });
    await pasImportToe(t.doc, t.gert, plan, { publiekEigenaar: t.partij.gemeente });
    const p1 = readProjecten(t.doc).find((p) => p.naam === 'Plan 1')!;
    expect(p1).toMatchObject({ planstatus: '2A vastgesteld', sleutelproject: true, externeIds: [{ bron: 'DIWI', id: 'D-1' }], bronwaarden: { planstatus: '_2A_VASTGESTELD' } });
    expect(p1.planning[2027]).toEqual({ 'meergezins.huur1': 10, 'eengezins.koop2': 5 });
    expect(p1.provenance.planstatus?.by).toBe(t.gert.lidId);

    let updates = 0;
    t.doc.on('update', () => updates++);
    const again = planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente });
    expect(again.telling).toEqual({ nieuw: 0, wijzigen: 0, ongewijzigd: 3, geweigerd: 0 });
    expect(again.rijen.every((r) => r.gekoppeldOp === 'externId')).toBe(true);
    await pasImportToe(t.doc, t.gert, again, { publiekEigenaar: t.partij.gemeente });
    expect(updates).toBe(0);
  });

  it('writes only the values that differ, so provenance of the others stays', async () => {
    const t = tafel();
    const [tabel, k] = koppeling(diwiXlsx(2), 'm.xlsx');
    await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    const id = readProjecten(t.doc).find((p) => p.naam === 'Plan 1')!.id;
    setProjectField(t.doc, t.gert, id, 'planstatus', '1A onherroepelijk');
    const before = readProject(t.doc, id)!.provenance.naam;
    const plan = planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente });
    const rij = plan.rijen.find((r) => r.projectId === id)!;
    expect(rij.status).toBe('wijzigen');
    expect(rij.wijzigingen.map((w) => w.key)).toEqual(['planstatus']);
    await pasImportToe(t.doc, t.gert, plan, { publiekEigenaar: t.partij.gemeente });
    expect(readProject(t.doc, id)!.provenance.naam).toEqual(before);
  });

  it('refuses, row by row and column by column, what the lid may not write — and never sends it', async () => {
    const t = tafel();
    const [tabel, k] = koppeling(diwiXlsx(1), 'm.xlsx');
    await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    // Another gemeente's lid importing the same file: the project is not theirs.
    const ander = planImport(t.doc, t.bert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.andereGemeente });
    const gewijzigd = { ...ander.rijen[0]! };
    expect(gewijzigd.status).toBe('ongewijzigd');
    // A changed file makes the refusals visible:
    const t2 = leesBestand('m.xlsx', diwiXlsx(1));
    (t2.rijen[0]!.cellen as unknown[])[2] = '1A Onherroepelijk';
    const plan = planImport(t.doc, t.bert, mapRijen(t2, k), { bron: 'DIWI', publiekEigenaar: t.partij.andereGemeente });
    expect(plan.rijen[0]!.status).toBe('geweigerd');
    expect(plan.rijen[0]!.geweigerd).toContainEqual({ code: 'niet-eigenaar-publiek', kolom: 'planstatus' });
    let updates = 0;
    t.doc.on('update', () => updates++);
    await pasImportToe(t.doc, t.bert, plan, { publiekEigenaar: t.partij.andereGemeente });
    expect(updates).toBe(0);
    // A gast imports nothing; a developer cannot create projects.
    expect(planImport(t.doc, t.gast, mapRijen(leesBestand('x.csv', semicolonCsv1252()), stelKoppelingVoor(leesBestand('x.csv', semicolonCsv1252()).kolommen)), { bron: '', publiekEigenaar: t.partij.gemeente }).rijen.map((r) => r.geweigerd[0]?.code)).toEqual(['alleen-lezen', 'alleen-lezen']);
  });

  it('a developer imports the private part of the projects it owns, and only that', async () => {
    const t = tafel();
    const [tabel, k] = koppeling(diwiXlsx(2), 'm.xlsx');
    await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    const [p1, p2] = ['Plan 1', 'Plan 2'].map((n) => readProjecten(t.doc).find((p) => p.naam === n)!.id) as [string, string];
    setPrivaatEigenaar(t.doc, t.gert, p1, t.partij.markt);
    const csv = new TextEncoder().encode('Projectnaam;Gemeente;Oplevering 2027;Oplevering 2028;Start bouw;Planstatus\nPlan 1;Voorbeeldstad;12;8;2026-Q3;1A\nPlan 2;Voorbeeldstad;5;;;\n');
    const tabel2 = leesBestand('dev.csv', csv);
    const plan = planImport(t.doc, t.dirk, mapRijen(tabel2, stelKoppelingVoor(tabel2.kolommen)), { bron: 'Excel ontwikkelaar', publiekEigenaar: '' });
    const [r1, r2] = plan.rijen;
    expect(r1!.gekoppeldOp).toBe('naam');
    expect(r1!.wijzigingen.map((w) => w.key).sort()).toEqual(['oplevering.2027', 'oplevering.2028', 'startBouw']);
    expect(r1!.geweigerd).toEqual([{ code: 'niet-eigenaar-publiek', kolom: 'planstatus' }]);
    expect(r2!.status).toBe('geweigerd');
    expect(r2!.geweigerd).toEqual([{ code: 'geen-privaat-eigenaar', kolom: 'oplevering 2027' }]);
    await pasImportToe(t.doc, t.dirk, plan, { publiekEigenaar: '' });
    expect(readProject(t.doc, p1)).toMatchObject({ opleveringen: { 2027: 12, 2028: 8 }, startBouw: '2026-Q3', planstatus: '2A vastgesteld' });
    expect(readProject(t.doc, p2)!.opleveringen).toEqual({});
  });

  it('undoes an import as a whole, but not after someone changed what it wrote', async () => {
    const t = tafel();
    const [tabel, k] = koppeling(diwiXlsx(2), 'm.xlsx');
    await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    const id = readProjecten(t.doc).find((p) => p.naam === 'Plan 1')!.id;
    setProjectField(t.doc, t.gert, id, 'planstatus', '1A onherroepelijk');
    const t2 = leesBestand('m.xlsx', diwiXlsx(3));
    const verslag = await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(t2, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    expect(verslag.aangemaakt).toHaveLength(1);
    expect(verslag.geschreven.map((g) => g.key)).toEqual(['planstatus']);
    expect(readProject(t.doc, id)!.planstatus).toBe('2A vastgesteld');
    expect(belemmeringen(t.doc, verslag)).toEqual([]);
    expect(maakImportOngedaan(t.doc, t.gert, verslag)).toEqual({ ok: true });
    expect(readProject(t.doc, id)!.planstatus).toBe('1A onherroepelijk');
    expect(readProjecten(t.doc).map((p) => p.naam).sort()).toEqual(['Plan 1', 'Plan 2']);

    // Import again, then someone edits an imported field: the undo is refused and says where.
    const verslag2 = await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(t2, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    setProjectField(t.doc, t.gert, id, 'planstatus', '3 in voorbereiding');
    const r = maakImportOngedaan(t.doc, t.gert, verslag2);
    expect(r).toEqual({ ok: false, belemmeringen: [{ projectId: id, key: 'planstatus' }] });
    expect(readProjecten(t.doc)).toHaveLength(3);
  });

  it('writes a row matched only on naam + gemeente when the user confirmed it, and lists it as refused when not', async () => {
    const t = tafel();
    const [tabel, k] = koppeling(diwiXlsx(2), 'm.xlsx');
    await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: 'DIWI', publiekEigenaar: t.partij.gemeente }), { publiekEigenaar: t.partij.gemeente });
    // The gemeente's own Excel list: no ids, so both rows match on naam + gemeente.
    const csv = new TextEncoder().encode('Projectnaam;Gemeente;Planstatus\nPlan 1;Voorbeeldstad;1A\nPlan 2;Voorbeeldstad;1A\n');
    const tabel2 = leesBestand('excel.csv', csv);
    const plan = planImport(t.doc, t.gert, mapRijen(tabel2, stelKoppelingVoor(tabel2.kolommen)), { bron: 'Excel', publiekEigenaar: t.partij.gemeente });
    expect(plan.rijen.map((r) => [r.gekoppeldOp, r.status])).toEqual([
      ['naam', 'wijzigen'],
      ['naam', 'wijzigen'],
    ]);
    const toegepast = metBevestiging(plan, (nummer) => nummer === 2);
    expect(toegepast.telling).toEqual({ nieuw: 0, wijzigen: 1, ongewijzigd: 0, geweigerd: 1 });
    expect(toegepast.rijen[1]).toMatchObject({ status: 'geweigerd', wijzigingen: [], geweigerd: [{ code: 'naam-niet-bevestigd' }] });
    await pasImportToe(t.doc, t.gert, toegepast, { publiekEigenaar: t.partij.gemeente });
    const status = Object.fromEntries(readProjecten(t.doc).map((p) => [p.naam, p.planstatus]));
    expect(status).toEqual({ 'Plan 1': '1A onherroepelijk', 'Plan 2': '4B idee/optie' });
  });

  it('refuses rows without a name and rows that repeat a project', () => {
    const t = tafel();
    const csv = new TextEncoder().encode('Projectnaam;Gemeente;Sociale huur\n;Voorbeeldstad;4\nA;Voorbeeldstad;1\nA;Voorbeeldstad;2\n');
    const tabel = leesBestand('x.csv', csv);
    const plan = planImport(t.doc, t.gert, mapRijen(tabel, stelKoppelingVoor(tabel.kolommen)), { bron: '', publiekEigenaar: t.partij.gemeente });
    expect(plan.rijen.map((r) => [r.nummer, r.status, r.geweigerd[0]?.code])).toEqual([
      [2, 'geweigerd', 'naam-ontbreekt'],
      [3, 'nieuw', undefined],
      [4, 'geweigerd', 'dubbel-in-bestand'],
    ]);
  });
});
