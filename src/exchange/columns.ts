// Where a column of a file goes in the planmonitor: a target per column, recognised from the
// headers the DIWI template and the provincial monitors use (Zeeland's Planmonitor Wonen:
// plan_naam, status_planologisch, knelpunten_meerkeuze, ...), or chosen by hand and saved per
// tafel. Targets are strings, so a mapping is plain JSON (the CLI's --mapping file):
//   "veld:<field>"                        a project field, e.g. "veld:planstatus"
//   "planning:<jaar>:<woningtype>.<cat>"  a cell of the gemeente's planning grid (public)
//   "oplevering:<jaar>"                   the developer's opleveringen that year (private)
//   "externId"                            the project's id in the source system
//   "negeren"                             not imported

import { PLANNING_CELLEN } from '../model/monitorValues';
import { JAARSCHIJF_MAX, JAARSCHIJF_MIN } from '../model/vocabulary';
import { GEOMETRIE_KOLOM } from './table';
import { woorden } from './words';

/** Project fields an import can write; public ones first. */
export const IMPORT_VELDEN_PUBLIEK = [
  'naam',
  'gemeente',
  'locatie',
  'planstatus',
  'projectfase',
  'plantype',
  'knelpunten',
  'realisatiekans',
  'sleutelproject',
  'vertrouwelijkheid',
  'cbsGemeentecode',
  'omgevingsvergunning',
  'novex',
  'woningtype',
  'woningenSocialeHuur',
  'woningenMiddenhuur',
  'woningenBetaalbareKoop',
  'woningenVrijeSectorHuur',
  'woningenVrijeSectorKoop',
  'publiekeOpmerkingen',
  'contour',
] as const;
export const IMPORT_VELDEN_PRIVAAT = ['startBouw', 'startVerkoop', 'bouwstatus', 'financieleHaalbaarheid', 'privateOpmerkingen'] as const;
export type ImportVeld = (typeof IMPORT_VELDEN_PUBLIEK)[number] | (typeof IMPORT_VELDEN_PRIVAAT)[number];

export type Doel =
  | { readonly soort: 'veld'; readonly veld: ImportVeld }
  | { readonly soort: 'planning'; readonly jaar: number; readonly cel: string }
  | { readonly soort: 'oplevering'; readonly jaar: number }
  | { readonly soort: 'externId' }
  | { readonly soort: 'negeren' };

/** A mapping as saved per tafel and passed to the CLI: column name -> target string. */
export interface Koppeling {
  /** the source system, kept with external ids, e.g. "DIWI" or "Excel gemeente" */
  readonly bron: string;
  readonly kolommen: Readonly<Record<string, string>>;
}

const ALLE_VELDEN: readonly string[] = [...IMPORT_VELDEN_PUBLIEK, ...IMPORT_VELDEN_PRIVAAT];

export function doelVan(target: string): Doel | null {
  if (target === 'negeren') return { soort: 'negeren' };
  if (target === 'externId') return { soort: 'externId' };
  const [soort, a, b] = target.split(':');
  if (soort === 'veld' && a && ALLE_VELDEN.includes(a)) return { soort: 'veld', veld: a as ImportVeld };
  const jaar = Number(a);
  const geldigJaar = Number.isInteger(jaar) && jaar >= JAARSCHIJF_MIN && jaar <= JAARSCHIJF_MAX;
  if (soort === 'oplevering' && geldigJaar) return { soort: 'oplevering', jaar };
  if (soort === 'planning' && geldigJaar && b && PLANNING_CELLEN.includes(b)) return { soort: 'planning', jaar, cel: b };
  return null;
}

export function doelTekst(d: Doel): string {
  switch (d.soort) {
    case 'veld':
      return `veld:${d.veld}`;
    case 'planning':
      return `planning:${d.jaar}:${d.cel}`;
    case 'oplevering':
      return `oplevering:${d.jaar}`;
    default:
      return d.soort;
  }
}

/** Headers (as words) of the known monitors and templates, per field. */
const BEKEND: Readonly<Record<string, readonly string[]>> = {
  naam: ['plan naam', 'plannaam', 'projectnaam', 'project naam', 'naam', 'project', 'naam project', 'naam plan', 'name'],
  gemeente: ['gemeente', 'gemeentenaam', 'gemeente naam', 'municipality'],
  locatie: ['plaatsnaam', 'plaats', 'woonplaats', 'locatie', 'wijk', 'kern', 'wijk locatie', 'wijk of locatie', 'adres'],
  planstatus: ['planstatus', 'status planologisch', 'planologische status', 'planologische planstatus', 'planologische hardheid', 'hardheid', 'plan status'],
  projectfase: ['projectfase', 'status project', 'project status', 'projectstatus', 'fase'],
  plantype: ['plantype', 'plan type', 'type plan'],
  knelpunten: ['knelpunten', 'knelpunten meerkeuze', 'knelpunt'],
  realisatiekans: ['realisatiekans', 'realisatie kans', 'kans'],
  sleutelproject: ['sleutelproject', 'sleutel project', 'prioriteit'],
  vertrouwelijkheid: ['vertrouwelijkheid', 'vertrouwelijk'],
  cbsGemeentecode: ['cbs gemeentecode', 'cbs code', 'gemeentecode', 'gm code', 'gemeente code', 'cbs'],
  omgevingsvergunning: ['omgevingsvergunning', 'vergunning'],
  novex: ['novex'],
  woningtype: ['woningtype', 'woning type'],
  woningenSocialeHuur: ['sociale huur', 'woningen sociale huur', 'huur sociaal'],
  woningenMiddenhuur: ['middenhuur', 'huur middenhuur', 'woningen middenhuur'],
  woningenBetaalbareKoop: ['betaalbare koop', 'koop betaalbare koop', 'woningen betaalbare koop'],
  woningenVrijeSectorHuur: ['vrije sector huur', 'huur dure huur', 'dure huur'],
  woningenVrijeSectorKoop: ['vrije sector koop', 'koop dure koop', 'dure koop'],
  publiekeOpmerkingen: ['opmerkingen', 'opmerking', 'toelichting', 'opmerkingen publiek', 'opmerkingen gemeente'],
  contour: [GEOMETRIE_KOLOM, 'geometry', 'geom', 'the geom', 'contour', 'geometrie'],
  startBouw: ['start bouw', 'startbouw', 'start bouw kwartaal'],
  startVerkoop: ['start verkoop', 'start verkoop verhuur', 'start verhuur'],
  bouwstatus: ['bouwstatus'],
  financieleHaalbaarheid: ['financiele haalbaarheid', 'haalbaarheid'],
  privateOpmerkingen: ['opmerkingen privaat', 'opmerkingen ontwikkelaar'],
};
const EXTERN_ID = ['id', 'plan id', 'project id', 'projectnummer', 'plannummer', 'planregistratie id', 'diwi id', 'objectid', 'identificatie', 'extern id'];

const WONINGTYPE_WOORDEN: readonly [RegExp, string][] = [
  [/eengezins|\begw\b|grondgebonden/, 'eengezins'],
  [/meergezins|\bmgw\b|gestapeld/, 'meergezins'],
];
const CATEGORIE_WOORDEN: readonly [RegExp, string][] = [
  [/huur ?1\b/, 'huur1'],
  [/huur ?2\b/, 'huur2'],
  [/huur ?3\b/, 'huur3'],
  [/huur ?4\b/, 'huur4'],
  [/huur ?onb/, 'huur_onb'],
  [/koop ?1\b/, 'koop1'],
  [/koop ?2\b/, 'koop2'],
  [/koop ?3\b/, 'koop3'],
  [/koop ?4\b/, 'koop4'],
  [/koop ?onb/, 'koop_onb'],
];

/** The target a header is recognised as, or null when it is not a known header. */
export function herken(kolom: string): Doel | null {
  const t = woorden(kolom.replace(/_/g, ' '));
  // A two-row header prefixes the section ("Project Projectnaam"): try the name without it too.
  const delen = t.split(' ');
  for (let i = 0; i < delen.length; i++) {
    const naam = delen.slice(i).join(' ');
    for (const [veld, namen] of Object.entries(BEKEND)) if (namen.includes(naam)) return { soort: 'veld', veld: veld as ImportVeld };
    if (EXTERN_ID.includes(naam)) return { soort: 'externId' };
    if (/\d{4}/.test(naam)) break;
  }
  const jaarMatch = /\b(19|20)(\d\d)\b/.exec(t);
  if (!jaarMatch) return null;
  const jaar = Number(jaarMatch[0]);
  if (jaar < JAARSCHIJF_MIN || jaar > JAARSCHIJF_MAX) return null;
  if (/oplever/.test(t)) return { soort: 'oplevering', jaar };
  if (/sloop/.test(t)) return { soort: 'planning', jaar, cel: 'sloop' };
  const woningtype = WONINGTYPE_WOORDEN.find(([re]) => re.test(t))?.[1] ?? 'onbekend';
  const categorie = CATEGORIE_WOORDEN.find(([re]) => re.test(t))?.[1] ?? 'onbekend';
  return { soort: 'planning', jaar, cel: `${woningtype}.${categorie}` };
}

/** The automatic mapping of a file's columns; a saved mapping's choices win for the columns it names. */
export function stelKoppelingVoor(kolommen: readonly string[], opgeslagen?: Koppeling): Koppeling {
  const out: Record<string, string> = {};
  for (const k of kolommen) {
    const saved = opgeslagen?.kolommen[k];
    if (saved !== undefined && doelVan(saved)) out[k] = saved;
    else {
      const d = herken(k);
      out[k] = d ? doelTekst(d) : 'negeren';
    }
  }
  return { bron: opgeslagen?.bron ?? '', kolommen: out };
}
