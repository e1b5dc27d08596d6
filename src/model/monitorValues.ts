// Value types of the fields schema version 2 added to speak the monitors' language: multi-selects
// from a closed list, CBS gemeentecodes, source-system ids, outlines and the per-year planning
// grid. Like values.ts, each checks one plain JSON value and says in English what is wrong.

import { isJaarschijf, problem, type ValueProblem, type ValueType } from './values';
import { GRID_WONINGTYPES, PRIJSCATEGORIEEN } from './vocabulary';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Distinct values from a closed list, e.g. the knelpunten of a plan. */
export function subsetOf(list: readonly string[]): ValueType {
  return {
    describe: `list of distinct values from ${list.map((x) => `"${x}"`).join(', ')}`,
    check: (v) => {
      if (!Array.isArray(v)) return problem('not-allowed', 'expected a list');
      if (!v.every((x) => typeof x === 'string' && list.includes(x))) return problem('not-allowed', 'not one of the allowed values');
      return new Set(v).size === v.length ? null : problem('not-allowed', 'duplicate values in list');
    },
  };
}

/** A probability 0..1, or null for "use the tafel's default". */
export const kansOfNull: ValueType = {
  describe: 'number 0..1, or null',
  check: (v) => (v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1) ? null : problem('not-allowed', 'expected a number 0..1')),
};

export const CBS_GEMEENTECODE = /^GM\d{4}$/;
export const cbsGemeentecode: ValueType = {
  describe: 'CBS gemeentecode "GMnnnn", or null',
  check: (v) => (v === null || (typeof v === 'string' && CBS_GEMEENTECODE.test(v)) ? null : problem('not-allowed', 'expected a CBS gemeentecode GMnnnn')),
};

export interface ExternId {
  /** the source system, e.g. "DIWI", "Planmonitor Wonen Zeeland", "Excel gemeente" */
  readonly bron: string;
  readonly id: string;
}
export const MAX_EXTERNE_IDS = 20;
export const externeIds: ValueType = {
  describe: `list of up to ${MAX_EXTERNE_IDS} {bron, id} (strings of 1..100 characters), each pair once`,
  check: (v) => {
    if (!Array.isArray(v)) return problem('not-allowed', 'expected a list of {bron, id}');
    if (v.length > MAX_EXTERNE_IDS) return problem('not-allowed', `more than ${MAX_EXTERNE_IDS} entries`);
    const seen = new Set<string>();
    for (const e of v) {
      if (!isPlainObject(e) || Object.keys(e).length !== 2) return problem('not-allowed', 'each entry is {bron, id}');
      const { bron, id } = e;
      if (typeof bron !== 'string' || typeof id !== 'string' || bron.length < 1 || id.length < 1 || bron.length > 100 || id.length > 100) {
        return problem('not-allowed', 'bron and id are strings of 1..100 characters');
      }
      const k = `${bron}\u0000${id}`;
      if (seen.has(k)) return problem('not-allowed', 'an id is listed twice');
      seen.add(k);
    }
    return null;
  },
};

export type Positie = readonly [number, number];
export type Ring = readonly Positie[];
export type Contour =
  | { readonly type: 'Polygon'; readonly coordinates: readonly Ring[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly Ring[])[] };

/** An outline keeps the document small: a plan area, not a cadastral survey. */
export const MAX_CONTOUR_PUNTEN = 5_000;

function checkRing(r: unknown, budget: { left: number }): ValueProblem | null {
  if (!Array.isArray(r) || r.length < 4) return problem('not-allowed', 'a ring has at least 4 positions');
  budget.left -= r.length;
  if (budget.left < 0) return problem('not-allowed', `more than ${MAX_CONTOUR_PUNTEN} positions`);
  for (const p of r) {
    if (!Array.isArray(p) || p.length !== 2) return problem('not-allowed', 'a position is [longitude, latitude]');
    const [lon, lat] = p as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return problem('not-allowed', 'a position is two numbers');
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return problem('not-allowed', 'positions are WGS84 longitude, latitude');
  }
  const first = r[0] as number[];
  const last = r[r.length - 1] as number[];
  return first[0] === last[0] && first[1] === last[1] ? null : problem('not-allowed', 'a ring must be closed');
}

function checkPolygon(rings: unknown, budget: { left: number }): ValueProblem | null {
  if (!Array.isArray(rings) || rings.length < 1) return problem('not-allowed', 'a polygon has at least one ring');
  for (const r of rings) {
    const err = checkRing(r, budget);
    if (err) return err;
  }
  return null;
}

/** A GeoJSON Polygon or MultiPolygon geometry in WGS84 (imports in RD New are reprojected first). */
export const contour: ValueType = {
  describe: `GeoJSON Polygon or MultiPolygon in WGS84 (up to ${MAX_CONTOUR_PUNTEN} positions), or null`,
  check: (v) => {
    if (v === null) return null;
    if (!isPlainObject(v) || Object.keys(v).length !== 2 || !('coordinates' in v)) return problem('not-allowed', 'expected {type, coordinates}');
    const budget = { left: MAX_CONTOUR_PUNTEN };
    if (v.type === 'Polygon') return checkPolygon(v.coordinates, budget);
    if (v.type === 'MultiPolygon') {
      if (!Array.isArray(v.coordinates) || v.coordinates.length < 1) return problem('not-allowed', 'a multipolygon has at least one polygon');
      for (const poly of v.coordinates) {
        const err = checkPolygon(poly, budget);
        if (err) return err;
      }
      return null;
    }
    return problem('not-allowed', 'expected a Polygon or MultiPolygon');
  },
};

/** A cell of the planning grid: "<woningtype>.<prijscategorie>", or "sloop" for demolished homes. */
export const PLANNING_CELLEN: readonly string[] = [
  ...GRID_WONINGTYPES.flatMap((w) => PRIJSCATEGORIEEN.map((c) => `${w}.${c}`)),
  'sloop',
];

/** The most homes one cell of the planning grid can hold. */
export const PLANNING_CEL_MAX = 1_000_000;

/** One jaartal of the gemeente's planning grid: cell -> homes. Cells left out are zero. */
export const planningJaar: ValueType = {
  describe: 'object: "<eengezins|meergezins|onbekend>.<huur1..4|huur_onb|koop1..4|koop_onb|onbekend>" or "sloop" -> non-negative integer',
  check: (v) => {
    if (!isPlainObject(v)) return problem('not-allowed', 'expected an object of cell -> count');
    for (const [cell, n] of Object.entries(v)) {
      if (!PLANNING_CELLEN.includes(cell)) return problem('not-allowed', `"${cell}" is not a cell of the planning grid`);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > PLANNING_CEL_MAX) return problem('not-count', `"${cell}" is not a count`, { max: PLANNING_CEL_MAX });
    }
    return null;
  },
};

function isBounds(b: unknown): boolean {
  return (
    Array.isArray(b) &&
    b.length === 3 &&
    b.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0 && x < 100_000_000) &&
    (b[0] as number) < (b[1] as number) &&
    (b[1] as number) < (b[2] as number)
  );
}

/** Price category boundaries per year: {"2024": {koop: [a, b, c], huur: [a, b, c]}}. */
export const prijsgrenzenPerJaar: ValueType = {
  describe: 'object: year -> {koop: three rising euro bounds, huur: three rising euro bounds}',
  check: (v) => {
    if (!isPlainObject(v)) return problem('not-allowed', 'expected an object of year -> boundaries');
    if (Object.keys(v).length > 101) return problem('not-allowed', 'too many years');
    for (const [year, g] of Object.entries(v)) {
      if (!/^\d{4}$/.test(year) || !isJaarschijf(Number(year))) return problem('not-allowed', `"${year}" is not a year`);
      if (!isPlainObject(g) || Object.keys(g).length !== 2 || !isBounds(g.koop) || !isBounds(g.huur)) {
        return problem('not-allowed', `boundaries for ${year} must be {koop: [a, b, c], huur: [a, b, c]}, rising`);
      }
    }
    return null;
  },
};

/** Original values of a source file, kept beside the mapped ones: field -> text as the source wrote it. */
export const bronwaarden: ValueType = {
  describe: 'object: field name -> original text (up to 200 characters)',
  check: (v) => {
    if (!isPlainObject(v)) return problem('not-allowed', 'expected an object of field -> text');
    if (Object.keys(v).length > 40) return problem('not-allowed', 'too many fields');
    for (const [k, t] of Object.entries(v)) {
      if (!/^[a-zA-Z]{1,40}$/.test(k)) return problem('not-allowed', `"${k}" is not a field name`);
      if (typeof t !== 'string' || t.length > 200) return problem('not-allowed', `original value of ${k} must be text of up to 200 characters`);
    }
    return null;
  },
};

/** What a saved import mapping's column may go to (src/exchange/columns.ts spells these out). */
const IMPORT_DOEL = /^(negeren|externId|veld:[A-Za-z]{1,40}|oplevering:\d{4}|planning:\d{4}:[a-z_]{1,20}(\.[a-z0-9_]{1,20})?)$/;
/** Columns of one saved mapping: wide provincial exports have a few hundred (a grid per year). */
export const IMPORT_KOPPELING_MAX_KOLOMMEN = 600;

/** A partij's saved import mapping: the source system's name and, per column of the file, its target. */
export const importKoppeling: ValueType = {
  describe: `object {bron: text (up to 200 characters); kolommen: object of column name (up to 200 characters) -> target ("veld:<field>", "planning:<jaar>:<cel>", "oplevering:<jaar>", "externId" or "negeren"), up to ${IMPORT_KOPPELING_MAX_KOLOMMEN} columns}`,
  check: (v) => {
    if (!isPlainObject(v) || Object.keys(v).some((k) => k !== 'bron' && k !== 'kolommen')) return problem('not-allowed', 'expected {bron, kolommen}');
    if (typeof v.bron !== 'string' || v.bron.length > 200) return problem('not-allowed', 'bron must be text of up to 200 characters');
    if (!isPlainObject(v.kolommen)) return problem('not-allowed', 'kolommen must be an object of column -> target');
    const kolommen = Object.entries(v.kolommen);
    if (kolommen.length > IMPORT_KOPPELING_MAX_KOLOMMEN) return problem('too-many-entries', 'too many columns', { max: IMPORT_KOPPELING_MAX_KOLOMMEN });
    for (const [k, doel] of kolommen) {
      if (k.length === 0 || k.length > 200) return problem('not-allowed', 'a column name is 1 to 200 characters');
      if (typeof doel !== 'string' || !IMPORT_DOEL.test(doel)) return problem('not-allowed', `"${String(doel)}" is not an import target`);
    }
    return null;
  },
};
