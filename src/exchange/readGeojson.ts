// GeoJSON FeatureCollections as the provincial monitors publish them: polygons in RD New
// (EPSG:28992, named in the old-style "crs" member or recognisable by its metre coordinates) or
// WGS84. Outlines are reprojected to WGS84, which is what the document stores and the map draws.
// Every feature's properties become the row's cells; its geometry goes in the "geometrie" column.

import { decodeTekst } from './decode';
import { MAX_RIJEN } from './limits';
import { ImportFileError } from './problems';
import { lijktRd, rdNaarWgs84 } from './rd';
import { GEOMETRIE_KOLOM, type Tabel } from './table';

type Crs = 'wgs84' | 'rd';

function crsVan(fc: Record<string, unknown>): Crs | null {
  const crs = fc.crs as { properties?: { name?: unknown } } | undefined;
  const naam = crs?.properties?.name;
  if (typeof naam !== 'string') return null;
  if (/28992/.test(naam)) return 'rd';
  if (/CRS84|4326/.test(naam)) return 'wgs84';
  throw new ImportFileError({ code: 'onbekend-coordinatenstelsel', params: { crs: naam } });
}

function eerstePositie(g: unknown): number[] | null {
  let c: unknown = (g as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' ? (c as number[]) : null;
}

/** Rings with positions as [lon, lat] (Z dropped), closed; null when it is not a (Multi)Polygon. */
function naarContour(g: unknown, crs: Crs): unknown {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') || !Array.isArray(geom.coordinates)) return g ?? null;
  const pos = (p: unknown): [number, number] | null => {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') return null;
    return crs === 'rd' ? rdNaarWgs84(p as number[]) : [p[0], p[1]];
  };
  const ring = (r: unknown) => {
    if (!Array.isArray(r)) return null;
    const out = r.map(pos);
    if (out.some((p) => p === null) || out.length === 0) return null;
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
    return out;
  };
  const poly = (rings: unknown) => (Array.isArray(rings) ? rings.map(ring) : null);
  // Invalid parts stay in place as null, so the value check reports the cell instead of hiding it.
  return geom.type === 'Polygon'
    ? { type: 'Polygon', coordinates: poly(geom.coordinates) }
    : { type: 'MultiPolygon', coordinates: geom.coordinates.map(poly) };
}

export function leesGeojson(bytes: Uint8Array): Tabel {
  let fc: unknown;
  try {
    fc = JSON.parse(decodeTekst(bytes));
  } catch {
    throw new ImportFileError({ code: 'geojson-ongeldig' });
  }
  const obj = fc as Record<string, unknown>;
  if (!obj || typeof obj !== 'object' || obj.type !== 'FeatureCollection' || !Array.isArray(obj.features)) {
    throw new ImportFileError({ code: 'geojson-ongeldig' });
  }
  const features = obj.features as { properties?: Record<string, unknown> | null; geometry?: unknown }[];
  if (features.length > MAX_RIJEN) throw new ImportFileError({ code: 'te-veel-rijen', params: { rijen: features.length, max: MAX_RIJEN } });
  let crs = crsVan(obj);
  if (crs === null) {
    const p = features.map((f) => eerstePositie(f.geometry)).find((x) => x !== null);
    crs = p && lijktRd(p) ? 'rd' : 'wgs84';
  }
  const kolommen: string[] = [];
  const index = new Map<string, number>();
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!index.has(k) && k !== GEOMETRIE_KOLOM) {
        index.set(k, kolommen.length);
        kolommen.push(k);
      }
    }
  }
  kolommen.push(GEOMETRIE_KOLOM);
  const rijen = features.map((f, i) => {
    const cellen: unknown[] = new Array(kolommen.length).fill(null);
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const c = index.get(k);
      if (c !== undefined) cellen[c] = typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : (v ?? null);
    }
    cellen[kolommen.length - 1] = f.geometry ? naarContour(f.geometry, crs) : null;
    return { nummer: i + 1, cellen };
  });
  return { soort: 'geojson', kolommen, rijen };
}
