// Files the tests make themselves, shaped like what tafels really have: a DIWI-style xlsx with a
// two-row header, a Zuid-Holland-style GeoJSON in RD New, a semicolon CSV with Dutch numbers in
// Windows-1252, and broken ones. Plus a small tafel built through the model's operations.

import * as XLSX from '@e965/xlsx';
import * as Y from 'yjs';
import { actorForLid, type Actor } from '../../../src/model';
import { addLid, addPartij, initTafel } from '../../../src/operations';

export function tafel() {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'Importtafel', voorzitter: { naam: 'Voorzitter' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
  const andereGemeente = addPartij(doc, chair, { naam: 'Gemeente Buurdorp', bloedgroep: 'overheid' });
  const markt = addPartij(doc, chair, { naam: 'Bouwbedrijf Horizon', bloedgroep: 'markt' });
  const lid = (partijId: string, rol: 'lid' | 'gast' = 'lid') =>
    actorForLid(doc, addLid(doc, chair, { naam: `lid ${partijId}`, partijId, rol })) as Actor;
  return { doc, chair, partij: { gemeente, andereGemeente, markt }, gert: lid(gemeente), bert: lid(andereGemeente), dirk: lid(markt), gast: lid(gemeente, 'gast') };
}

/** A DIWI-style template: a section row of merged cells above the column row, a formula with a cached value. */
export function diwiXlsx(rijen = 3): Uint8Array {
  const sectie = ['Project', '', '', '', '', '', '', '', 'Planning 2027', '', 'Planning 2028', ''];
  const kop = ['Projectnaam', 'Gemeente', 'Planologische status', 'Projectfase', 'Knelpunten', 'Project id', 'Realisatiekans', 'Sleutelproject', 'Meergezins huur1', 'Eengezins koop2', 'Meergezins huur1', 'Eengezins koop2'];
  const data: unknown[][] = [];
  const statussen = ['_2A_VASTGESTELD', '4B. Optie', 'In voorbereiding (ontwerp ter inzage)', '_4A_OPGENOMEN_IN_VISIE'];
  for (let i = 0; i < rijen; i++) {
    data.push([`Plan ${i + 1}`, 'Voorbeeldstad', statussen[i % statussen.length], 'Ontwerp', 'Netcongestie; Stikstof', `D-${i + 1}`, '60%', i === 0 ? 'ja' : 'nee', 10 + i, 5, 20, 0]);
  }
  const ws = XLSX.utils.aoa_to_sheet([sectie, kop, ...data]);
  ws['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 7 } },
    { s: { r: 0, c: 8 }, e: { r: 0, c: 9 } },
    { s: { r: 0, c: 10 }, e: { r: 0, c: 11 } },
  ];
  // A formula whose cached value is 30: read as 30, never evaluated (the formula would say 999).
  ws['K3'] = { t: 'n', v: 30, f: '999' };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Projecten');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A semicolon CSV in Windows-1252 with Dutch numbers, one bad count. */
export function semicolonCsv1252(): Uint8Array {
  const tekst = [
    'Plannaam;Gemeente;Status planologisch;Sociale huur;Vrije sector koop;Oplevering 2027;Opmerkingen',
    'Café de Kade;Voorbeeldstad;Onherroepelijk;1.200;40;ca. 40;Zuidelijke oever',
    'Weidevogelhof;Voorbeeldstad;Vastgesteld, uitwerkingsplicht;12;0;;',
  ].join('\r\n');
  const bytes = new Uint8Array(tekst.length);
  for (let i = 0; i < tekst.length; i++) bytes[i] = tekst.charCodeAt(i); // every character here is below 0x100: Latin-1 = Windows-1252
  return bytes;
}

/** A Zuid-Holland-style GeoJSON: RD New named in the crs member, a polygon around a plan in Rotterdam. */
export function rdGeojson(): Uint8Array {
  const ring = [
    [92_000, 437_000],
    [92_200, 437_000],
    [92_200, 437_200],
    [92_000, 437_200],
    [92_000, 437_000],
  ];
  const fc = {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { plan_naam: 'Plan 1', gemeente: 'Voorbeeldstad', status_planologisch: '2A. Vastgesteld', plantype: 'Verdichting' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ],
  };
  return new TextEncoder().encode(JSON.stringify(fc));
}

export function htmlAlsXlsx(): Uint8Array {
  return new TextEncoder().encode('<!DOCTYPE html><html><body><table><tr><td>Projectnaam</td></tr></table></body></html>');
}

export function groteCsv(rijen: number): Uint8Array {
  const lines = ['Projectnaam;Gemeente'];
  for (let i = 0; i < rijen; i++) lines.push(`Plan ${i};Voorbeeldstad`);
  return new TextEncoder().encode(lines.join('\n'));
}
