// Export: the files import back into an empty tafel as the same planmonitor; text that would run
// as a formula is neutralised; an export for outside the tafel keeps inside what vertrouwelijkheid
// keeps inside.

import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readProjecten, type Project } from '../../../src/model';
import { createProject, setOplevering, setPrivaatEigenaar, setProjectFields } from '../../../src/operations';
import {
  AAN_TAFEL_BRON,
  exportCsv,
  exportGeojson,
  exportXlsx,
  leesBestand,
  mapRijen,
  pasImportToe,
  planImport,
  stelKoppelingVoor,
} from '../../../src/exchange';
import { tafel } from './fixtures';

const RING = [
  [4.47, 51.92],
  [4.48, 51.92],
  [4.48, 51.93],
  [4.47, 51.92],
];

function gevuldeTafel() {
  const t = tafel();
  const a = createProject(t.doc, t.gert, {
    naam: 'Havenfront',
    publiekEigenaar: t.partij.gemeente,
    publiek: {
      gemeente: 'Voorbeeldstad',
      locatie: 'Haven',
      planstatus: '2B vastgesteld, uitwerkingsplicht',
      projectfase: 'ontwerp',
      plantype: 'herstructurering',
      knelpunten: ['stikstof', 'parkeren'],
      realisatiekans: 0.65,
      sleutelproject: true,
      vertrouwelijkheid: 'provincie',
      cbsGemeentecode: 'GM0513',
      woningenSocialeHuur: 40,
      woningenMiddenhuur: 20,
      publiekeOpmerkingen: '=HYPERLINK("http://evil")',
      contour: { type: 'Polygon', coordinates: [RING] },
      'planning.2027': { 'meergezins.huur1': 12, 'eengezins.koop2': 4 },
      'planning.2028': { 'meergezins.huur3': 20, sloop: 2 },
    } as Record<string, unknown>,
  });
  setPrivaatEigenaar(t.doc, t.gert, a, t.partij.markt);
  setOplevering(t.doc, t.dirk, a, 2027, 16);
  setProjectFields(t.doc, t.dirk, a, { privateOpmerkingen: 'Onderhandeling grond loopt' });
  createProject(t.doc, t.gert, { naam: 'Binnenstad-Oost', publiekEigenaar: t.partij.gemeente, publiek: { gemeente: 'Voorbeeldstad', planstatus: '4A visie', woningenVrijeSectorKoop: 80 } });
  return t;
}

/** The public part of the planmonitor, as the round trip must keep it. */
function publiek(p: Project) {
  return {
    naam: p.naam, gemeente: p.gemeente, locatie: p.locatie, planstatus: p.planstatus, projectfase: p.projectfase, plantype: p.plantype, knelpunten: p.knelpunten,
    realisatiekans: p.realisatiekans, sleutelproject: p.sleutelproject, vertrouwelijkheid: p.vertrouwelijkheid, cbsGemeentecode: p.cbsGemeentecode,
    woningen: [p.woningenSocialeHuur, p.woningenMiddenhuur, p.woningenBetaalbareKoop, p.woningenVrijeSectorHuur, p.woningenVrijeSectorKoop],
    publiekeOpmerkingen: p.publiekeOpmerkingen, planning: p.planning, contour: p.contour,
  };
}

async function importeerInLegeTafel(naam: string, bytes: Uint8Array) {
  const t = tafel();
  const tabel = leesBestand(naam, bytes);
  const k = { ...stelKoppelingVoor(tabel.kolommen), bron: AAN_TAFEL_BRON };
  const plan = planImport(t.doc, t.gert, mapRijen(tabel, k), { bron: AAN_TAFEL_BRON, publiekEigenaar: t.partij.gemeente });
  await pasImportToe(t.doc, t.gert, plan, { publiekEigenaar: t.partij.gemeente });
  return { t, plan };
}

const sorteer = (ps: Project[]) => ps.map(publiek).sort((a, b) => a.naam.localeCompare(b.naam));

describe('export', () => {
  it('round trip xlsx: export, import into an empty tafel, same planmonitor', async () => {
    const bron = gevuldeTafel();
    const { t, plan } = await importeerInLegeTafel('export.xlsx', exportXlsx(bron.doc, { buiten: null }));
    expect(plan.telling.nieuw).toBe(2);
    const verwacht = sorteer(readProjecten(bron.doc)).map((p) => ({ ...p, contour: null }));
    expect(sorteer(readProjecten(t.doc))).toEqual(verwacht);
    // The private part is listed as refused: a new project has no developer yet.
    expect(plan.rijen.flatMap((r) => r.geweigerd.map((g) => g.code))).toContain('geen-privaat-eigenaar');
  });

  it('round trip csv and GeoJSON (RD New): the same planmonitor, outlines included', async () => {
    const bron = gevuldeTafel();
    const csv = await importeerInLegeTafel('export.csv', exportCsv(bron.doc, { buiten: null }));
    expect(sorteer(readProjecten(csv.t.doc))).toEqual(sorteer(readProjecten(bron.doc)).map((p) => ({ ...p, contour: null })));
    const geo = await importeerInLegeTafel('export.geojson', exportGeojson(bron.doc, { buiten: null }, 'rd'));
    const terug = sorteer(readProjecten(geo.t.doc));
    const ring = (terug[1]!.contour as unknown as { coordinates: number[][][] }).coordinates[0]!;
    // WGS84 -> RD -> WGS84 within a few centimetres.
    ring.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(RING[i]![0]!, 6);
      expect(p[1]).toBeCloseTo(RING[i]![1]!, 6);
    });
  });

  it('writes text that would run as a formula so no spreadsheet runs it', () => {
    const bron = gevuldeTafel();
    const csv = new TextDecoder().decode(exportCsv(bron.doc, { buiten: null }));
    expect(csv).toContain(`'=HYPERLINK`);
    const wb = XLSX.read(exportXlsx(bron.doc, { buiten: null }), { type: 'array', cellFormula: true });
    const ws = wb.Sheets.Projecten!;
    const cellen = Object.entries(ws).filter(([k]) => !k.startsWith('!')).map(([, c]) => c as XLSX.CellObject);
    expect(cellen.some((c) => c.f !== undefined)).toBe(false);
    expect(cellen.some((c) => c.v === `'=HYPERLINK("http://evil")`)).toBe(true);
  });

  it('for outside the tafel: only projects cleared for that audience, no private part, no names', () => {
    const bron = gevuldeTafel();
    const lees = (bytes: Uint8Array) => leesBestand('x.xlsx', bytes);
    const binnen = lees(exportXlsx(bron.doc, { buiten: null, herkomst: true }));
    expect(binnen.rijen).toHaveLength(2);
    expect(binnen.kolommen).toContain('Oplevering 2027');
    expect(binnen.kolommen).toContain('Projectnaam (ingevuld door)');
    const provincie = lees(exportXlsx(bron.doc, { buiten: 'provincie', herkomst: true }));
    expect(provincie.rijen.map((r) => r.cellen[1])).toEqual(['Havenfront']);
    expect(provincie.kolommen.some((k) => /Oplevering|ontwikkelaar|ingevuld door|Start bouw/.test(k))).toBe(false);
    const openbaar = lees(exportXlsx(bron.doc, { buiten: 'openbaar' }));
    expect(openbaar.rijen).toHaveLength(0);
  });
});
