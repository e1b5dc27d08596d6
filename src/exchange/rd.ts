// RD New (EPSG:28992, Amersfoort / RD New), the Dutch national grid the provincial monitors keep
// their outlines in, to WGS84 and back with proj4. The definition is the one EPSG publishes
// (with the 7-parameter datum shift towards WGS84 that RDNAPTRANS approximates within ~1 m).

import proj4 from 'proj4';

export const RD_NEW = 'EPSG:28992';
proj4.defs(
  RD_NEW,
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel ' +
    '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
);

const naarWgs = proj4(RD_NEW, 'WGS84');

/** [x, y] in RD New -> [longitude, latitude], rounded to ~1 cm. */
export function rdNaarWgs84(p: readonly number[]): [number, number] {
  const [lon, lat] = naarWgs.forward([p[0]!, p[1]!]);
  return [Math.round(lon! * 1e7) / 1e7, Math.round(lat! * 1e7) / 1e7];
}

/** [longitude, latitude] -> [x, y] in RD New, rounded to mm. */
export function wgs84NaarRd(p: readonly number[]): [number, number] {
  const [x, y] = naarWgs.inverse([p[0]!, p[1]!]);
  return [Math.round(x! * 1000) / 1000, Math.round(y! * 1000) / 1000];
}

/** Coordinates that can only be RD New: metres within the Dutch grid's range. */
export function lijktRd(p: readonly number[]): boolean {
  return p.length >= 2 && p[0]! > -7_000 && p[0]! < 300_000 && p[1]! > 289_000 && p[1]! < 629_000;
}
