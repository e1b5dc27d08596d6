// What can be wrong with a file, a row or a cell, as codes with parameters. The UI turns them into
// Dutch sentences (src/ui/strings.ts, monitor.import); the CLI prints them with an English text
// from describeProblem, so scripts can match on the code.

export type FileProblemCode =
  | 'te-groot'
  | 'te-veel-rijen'
  | 'leeg'
  | 'onbekend-type'
  | 'type-klopt-niet'
  | 'beschadigd'
  | 'geen-kopregel'
  | 'geen-naamkolom'
  | 'geojson-ongeldig'
  | 'onbekend-coordinatenstelsel';

export interface FileProblem {
  readonly code: FileProblemCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Thrown by the readers; carries the code to the edge. */
export class ImportFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(describeFileProblem(problem));
    this.name = 'ImportFileError';
  }
}

export type CellProblemCode =
  | 'geen-aantal'
  | 'geen-jaar'
  | 'geen-percentage'
  | 'onbekende-waarde'
  | 'geen-ja-nee'
  | 'geen-cbs-code'
  | 'te-lang'
  | 'geen-kwartaal'
  | 'geometrie-ongeldig';

export interface CellProblem {
  readonly code: CellProblemCode;
  readonly kolom: string;
  readonly waarde: string;
}

/** Why a row (or one of its fields) is refused. */
export type RefusalCode =
  | 'niet-eigenaar-publiek'
  | 'niet-eigenaar-privaat'
  | 'mag-geen-project-maken'
  | 'geen-privaat-eigenaar'
  | 'alleen-lezen'
  | 'naam-ontbreekt'
  | 'dubbel-in-bestand'
  | 'meerdere-projecten'
  | 'naam-niet-bevestigd'
  | 'ongeldige-waarde';

export interface Refusal {
  readonly code: RefusalCode;
  /** the column (as in the file) the refusal is about, when it is about one */
  readonly kolom?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

const FILE_TEXT: Record<FileProblemCode, (p: Readonly<Record<string, string | number>>) => string> = {
  'te-groot': (p) => `file is larger than ${p.max} bytes`,
  'te-veel-rijen': (p) => `file has ${p.rijen} rows; at most ${p.max} are imported at once`,
  leeg: () => 'file is empty',
  'onbekend-type': () => 'not an xlsx, csv or GeoJSON file',
  'type-klopt-niet': (p) => `file is named .${p.naam} but contains ${p.inhoud}`,
  beschadigd: () => 'file is damaged or truncated',
  'geen-kopregel': () => 'no header row found',
  'geen-naamkolom': () => 'no column holds the project name',
  'geojson-ongeldig': () => 'not a GeoJSON FeatureCollection',
  'onbekend-coordinatenstelsel': (p) => `coordinate reference system ${p.crs} is not WGS84 or RD New (EPSG:28992)`,
};

export function describeFileProblem(p: FileProblem): string {
  return FILE_TEXT[p.code](p.params ?? {});
}

const CELL_TEXT: Record<CellProblemCode, string> = {
  'geen-aantal': 'is not a count',
  'geen-jaar': 'is not a year',
  'geen-percentage': 'is not a percentage',
  'onbekende-waarde': 'is not a known value',
  'geen-ja-nee': 'is not yes or no',
  'geen-cbs-code': 'is not a CBS gemeentecode (GMnnnn)',
  'te-lang': 'is too long',
  'geen-kwartaal': 'is not a quarter',
  'geometrie-ongeldig': 'is not a valid polygon',
};

export function describeCellProblem(p: CellProblem, rij: number): string {
  return `row ${rij}, column '${p.kolom}': '${p.waarde}' ${CELL_TEXT[p.code]}`;
}

const REFUSAL_TEXT: Record<RefusalCode, string> = {
  'niet-eigenaar-publiek': "only leden of the project's public owner may write its public part",
  'niet-eigenaar-privaat': "only leden of the project's private owner may write its private part",
  'mag-geen-project-maken': 'only an overheid partij or the chair may create projects',
  'geen-privaat-eigenaar': 'the project has no private owner yet',
  'alleen-lezen': 'gasten and adviseurs only read',
  'naam-ontbreekt': 'the row has no project name',
  'dubbel-in-bestand': 'the same project appears earlier in the file',
  'meerdere-projecten': 'more than one project has this name in this gemeente',
  'naam-niet-bevestigd': 'matched on naam + gemeente only and not confirmed (CLI: --koppel-op-naam; or give the file an id column)',
  'ongeldige-waarde': 'the value is not allowed',
};

export function describeRefusal(r: Refusal): string {
  return `${r.kolom ? `column '${r.kolom}': ` : ''}${REFUSAL_TEXT[r.code]}`;
}
