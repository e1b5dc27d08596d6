// The export files: xlsx (a sheet of projects and a sheet of the planning per year), csv
// (semicolon separated, UTF-8 with a byte order mark, as Dutch Excel opens it), GeoJSON (outlines
// in WGS84 or RD New). Text that a spreadsheet would run as a formula is neutralised (safe.ts).

import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type * as Y from 'yjs';
import { wgs84NaarRd } from '../rd';
import { exportProjecten, planningBlad, projectenBlad, type ExportBlad, type ExportCel, type ExportOpties } from './rows';
import { veiligeTekst } from './safe';

const veilig = (c: ExportCel): ExportCel => (typeof c === 'string' ? veiligeTekst(c) : c);

function blad(b: ExportBlad): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([b.kolommen.map((k) => veiligeTekst(k)), ...b.rijen.map((r) => r.map(veilig))]);
  ws['!cols'] = b.kolommen.map((k) => ({ wch: Math.min(40, Math.max(10, k.length + 2)) }));
  return ws;
}

export function exportXlsx(doc: Y.Doc, opties: ExportOpties): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, blad(projectenBlad(doc, opties)), 'Projecten');
  XLSX.utils.book_append_sheet(wb, blad(planningBlad(doc, opties)), 'Planning per jaar');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export function exportCsv(doc: Y.Doc, opties: ExportOpties): Uint8Array {
  const b = projectenBlad(doc, opties);
  const tekst = Papa.unparse({ fields: b.kolommen.map(veiligeTekst), data: b.rijen.map((r) => r.map((c) => (c === null ? '' : veilig(c)))) }, { delimiter: ';', newline: '\r\n' });
  return new TextEncoder().encode(`\uFEFF${tekst}`);
}

export type Coordinatenstelsel = 'wgs84' | 'rd';

export function exportGeojson(doc: Y.Doc, opties: ExportOpties, crs: Coordinatenstelsel = 'wgs84'): Uint8Array {
  const b = projectenBlad(doc, { ...opties, herkomst: false });
  const projecten = exportProjecten(doc, opties);
  const omzetten = (coords: unknown): unknown => (typeof (coords as unknown[])[0] === 'number' ? wgs84NaarRd(coords as number[]) : (coords as unknown[]).map(omzetten));
  const features = projecten.map((p, i) => ({
    type: 'Feature',
    id: p.id,
    properties: Object.fromEntries(b.kolommen.map((k, c) => [k, b.rijen[i]![c] ?? null])),
    geometry: p.contour ? (crs === 'rd' ? { type: p.contour.type, coordinates: omzetten(p.contour.coordinates) } : p.contour) : null,
  }));
  const fc = {
    type: 'FeatureCollection',
    ...(crs === 'rd' ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } } } : {}),
    features,
  };
  return new TextEncoder().encode(JSON.stringify(fc));
}
