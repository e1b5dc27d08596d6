// The planmonitor as export rows in the national vocabulary: one row per project with the headers
// the importer recognises (so an export imports back into an empty tafel as the same planmonitor),
// and the planning grid per jaartal. An export meant for outside the tafel keeps only projects
// whose vertrouwelijkheid reaches that audience, without the developers' private part and without
// who wrote what.

import type * as Y from 'yjs';
import { readLeden, readOudLeden, readPartijen, readProjecten, type Project, type Provenance } from '../../model/reads';
import { PRIJSCATEGORIEEN, GRID_WONINGTYPES, STANDAARD_VERTROUWELIJKHEID, VERTROUWELIJKHEDEN, type Vertrouwelijkheid } from '../../model/vocabulary';

export interface ExportOpties {
  /** null: for inside the tafel (everything); else the audience outside the tafel */
  readonly buiten: Exclude<Vertrouwelijkheid, 'gemeente'> | null;
  /** add "<kolom> (ingevuld door)" columns: who wrote each value and when */
  readonly herkomst?: boolean;
}

export type ExportCel = string | number | boolean | null;
export interface ExportBlad {
  readonly kolommen: readonly string[];
  readonly rijen: readonly (readonly ExportCel[])[];
}

/** The source name exports give their own ids, so a re-import finds the same projects. */
export const AAN_TAFEL_BRON = 'Aan Tafel';

const PUBLIEK: readonly [string, (p: Project) => ExportCel, string][] = [
  ['Id', (p) => p.id, 'id'],
  ['Projectnaam', (p) => p.naam, 'naam'],
  ['Gemeente', (p) => p.gemeente, 'gemeente'],
  ['CBS gemeentecode', (p) => p.cbsGemeentecode, 'cbsGemeentecode'],
  ['Plaatsnaam', (p) => p.locatie, 'locatie'],
  ['Planstatus', (p) => p.planstatus, 'planstatus'],
  ['Projectfase', (p) => p.projectfase, 'projectfase'],
  ['Plantype', (p) => p.plantype, 'plantype'],
  ['Knelpunten', (p) => p.knelpunten.join('; ') || null, 'knelpunten'],
  ['Realisatiekans', (p) => (p.realisatiekans === null ? null : `${Math.round(p.realisatiekans * 1000) / 10}%`.replace('.', ',')), 'realisatiekans'],
  ['Sleutelproject', (p) => (p.sleutelproject ? 'ja' : 'nee'), 'sleutelproject'],
  ['Vertrouwelijkheid', (p) => p.vertrouwelijkheid, 'vertrouwelijkheid'],
  ['Omgevingsvergunning', (p) => p.omgevingsvergunning, 'omgevingsvergunning'],
  ['NOVEX', (p) => (p.novex ? 'ja' : 'nee'), 'novex'],
  ['Woningtype', (p) => p.woningtype, 'woningtype'],
  ['Sociale huur', (p) => p.woningenSocialeHuur, 'woningenSocialeHuur'],
  ['Middenhuur', (p) => p.woningenMiddenhuur, 'woningenMiddenhuur'],
  ['Betaalbare koop', (p) => p.woningenBetaalbareKoop, 'woningenBetaalbareKoop'],
  ['Vrije sector huur', (p) => p.woningenVrijeSectorHuur, 'woningenVrijeSectorHuur'],
  ['Vrije sector koop', (p) => p.woningenVrijeSectorKoop, 'woningenVrijeSectorKoop'],
  ['Opmerkingen', (p) => p.publiekeOpmerkingen || null, 'publiekeOpmerkingen'],
  ['Andere ids', (p) => p.externeIds.map((e) => `${e.bron}: ${e.id}`).join('; ') || null, 'externeIds'],
];
const PRIVAAT: readonly [string, (p: Project) => ExportCel, string][] = [
  ['Start bouw', (p) => p.startBouw, 'startBouw'],
  ['Start verkoop', (p) => p.startVerkoop, 'startVerkoop'],
  ['Bouwstatus', (p) => p.bouwstatus, 'bouwstatus'],
  ['Financiele haalbaarheid', (p) => p.financieleHaalbaarheid, 'financieleHaalbaarheid'],
  ['Opmerkingen ontwikkelaar', (p) => p.privateOpmerkingen || null, 'privateOpmerkingen'],
];

/** May this project leave the tafel for this audience? Unclassified projects stay inside. */
export function magNaarBuiten(p: Project, buiten: ExportOpties['buiten']): boolean {
  if (buiten === null) return true;
  const eigen = VERTROUWELIJKHEDEN.indexOf(p.vertrouwelijkheid ?? STANDAARD_VERTROUWELIJKHEID);
  return eigen >= VERTROUWELIJKHEDEN.indexOf(buiten);
}

export function exportProjecten(doc: Y.Doc, opties: ExportOpties): Project[] {
  return readProjecten(doc)
    .filter((p) => magNaarBuiten(p, opties.buiten))
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl') || a.id.localeCompare(b.id));
}

function herkomstTekst(doc: Y.Doc): (prov: Provenance | undefined) => ExportCel {
  const leden = new Map(readLeden(doc).map((l) => [l.id, l.naam]));
  const oud = readOudLeden(doc);
  const partijen = new Map(readPartijen(doc).map((p) => [p.id, p.naam]));
  return (prov) =>
    prov ? `${leden.get(prov.by) ?? oud.get(prov.by) ?? prov.by} (${partijen.get(prov.p) ?? prov.p}), ${new Date(prov.at).toISOString().slice(0, 10)}` : null;
}

/** Every (jaartal, cell) the grid uses, in a stable order. */
function gridKolommen(projecten: readonly Project[]): [number, string][] {
  const cellen = [...GRID_WONINGTYPES.flatMap((w) => PRIJSCATEGORIEEN.map((c) => `${w}.${c}`)), 'sloop'];
  const gebruikt = new Set<string>();
  for (const p of projecten) for (const [j, g] of Object.entries(p.planning)) for (const c of Object.keys(g)) gebruikt.add(`${j}|${c}`);
  const jaren = [...new Set([...gebruikt].map((k) => Number(k.split('|')[0])))].sort((a, b) => a - b);
  return jaren.flatMap((j) => cellen.filter((c) => gebruikt.has(`${j}|${c}`)).map((c): [number, string] => [j, c]));
}

const celKop = (c: string) => (c === 'sloop' ? 'Sloop' : c.replace('.', ' ').replace('_onb', ' onbekend').replace(/^./, (x) => x.toUpperCase()));

export function projectenBlad(doc: Y.Doc, opties: ExportOpties): ExportBlad {
  const projecten = exportProjecten(doc, opties);
  const velden = opties.buiten === null ? [...PUBLIEK, ...PRIVAAT] : PUBLIEK;
  const grid = gridKolommen(projecten);
  const jaren = opties.buiten === null ? [...new Set(projecten.flatMap((p) => Object.keys(p.opleveringen).map(Number)))].sort((a, b) => a - b) : [];
  const herkomst = opties.herkomst && opties.buiten === null ? herkomstTekst(doc) : null;
  const kolommen = [
    ...velden.flatMap(([k]) => (herkomst && k !== 'Id' ? [k, `${k} (ingevuld door)`] : [k])),
    ...grid.map(([j, c]) => `Planning ${j} ${celKop(c)}`),
    ...jaren.map((j) => `Oplevering ${j}`),
  ];
  const rijen = projecten.map((p) => [
    ...velden.flatMap(([k, get, veld]) => (herkomst && k !== 'Id' ? [get(p), herkomst(p.provenance[veld])] : [get(p)])),
    ...grid.map(([j, c]) => p.planning[j]?.[c] ?? null),
    ...jaren.map((j) => p.opleveringen[j] ?? null),
  ]);
  return { kolommen, rijen };
}

/** The planning grid in long form: one row per project and jaartal, the monitors' columns. */
export function planningBlad(doc: Y.Doc, opties: ExportOpties): ExportBlad {
  const cellen = [...GRID_WONINGTYPES.flatMap((w) => PRIJSCATEGORIEEN.map((c) => `${w}.${c}`)), 'sloop'];
  const kolommen = ['Id', 'Projectnaam', 'Jaartal', ...cellen.map(celKop), 'Totaal'];
  const rijen: ExportCel[][] = [];
  for (const p of exportProjecten(doc, opties)) {
    for (const j of Object.keys(p.planning).map(Number).sort((a, b) => a - b)) {
      const g = p.planning[j]!;
      const totaal = Object.entries(g).reduce((s, [c, n]) => (c === 'sloop' ? s : s + n), 0);
      rijen.push([p.id, p.naam, j, ...cellen.map((c) => g[c] ?? 0), totaal]);
    }
  }
  return { kolommen, rijen };
}
