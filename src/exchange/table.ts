// A file read into one shape, whatever it was: column names and rows of cells, each row with the
// number it has in the file (as a spreadsheet shows it), so every message can name "rij 14".

export type Bronsoort = 'xlsx' | 'csv' | 'geojson';

export interface Rij {
  /** the row number in the file, 1-based, as Excel or a text editor shows it */
  readonly nummer: number;
  /** one cell per column; strings, numbers, booleans, null, or (GeoJSON) the geometry */
  readonly cellen: readonly unknown[];
}

export interface Tabel {
  readonly soort: Bronsoort;
  readonly kolommen: readonly string[];
  readonly rijen: readonly Rij[];
}

/** The column a GeoJSON feature's geometry is put in. */
export const GEOMETRIE_KOLOM = 'geometrie';
