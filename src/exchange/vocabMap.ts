// Values of other monitors mapped onto the national vocabulary on their words, never on their
// letters alone: sources disagree on 4A/4B (DIWI: 4A "opgenomen in visie", 4B "niet opgenomen in
// visie"; Zeeland: 4A "Visie", 4B "Optie"), so "visie" and "optie/idee/niet in visie" decide.
// Each mapper returns the national value, or undefined when the words are not recognised.

import {
  BOUWSTATUSSEN,
  FINANCIELE_HAALBAARHEID,
  OMGEVINGSVERGUNNING,
  PROJECT_KNELPUNTEN,
  VERTROUWELIJKHEDEN,
  WONINGTYPES,
  type Planstatus,
  type Plantype,
  type ProjectKnelpunt,
  type Projectfase,
} from '../model/vocabulary';
import { woorden } from './words';

export function planstatusUit(raw: unknown): Planstatus | undefined {
  const t = woorden(raw);
  if (t === '') return undefined;
  if (/niet (opgenomen )?in (de )?visie|\bidee\b|\boptie\b/.test(t)) return '4B idee/optie';
  if (/\bvisie\b|potentie/.test(t)) return '4A visie';
  if (/ambtelijk/.test(t)) return /zonder locatie/.test(t) ? '5B ambtelijk zonder locatie' : '5A ambtelijk met locatie';
  if (/voorbereiding|ontwerp/.test(t)) return '3 in voorbereiding';
  const variant = /uitwerk/.test(t) ? 'B' : /wijzig|\bbw\b/.test(t) ? 'C' : 'A';
  if (/onherroepelijk/.test(t)) return ({ A: '1A onherroepelijk', B: '1B onherroepelijk, uitwerkingsplicht', C: '1C onherroepelijk, wijzigingsbevoegdheid' } as const)[variant];
  if (/vastgesteld/.test(t)) return ({ A: '2A vastgesteld', B: '2B vastgesteld, uitwerkingsplicht', C: '2C vastgesteld, wijzigingsbevoegdheid' } as const)[variant];
  // Codes without words: only where the letters mean the same everywhere.
  const code = /^([1-5])\s*([abc])?$/.exec(t.replace(/\s+/g, ' '));
  if (code) {
    const c = `${code[1]}${(code[2] ?? '').toUpperCase()}`;
    const byCode: Record<string, Planstatus> = {
      '1A': '1A onherroepelijk',
      '1B': '1B onherroepelijk, uitwerkingsplicht',
      '1C': '1C onherroepelijk, wijzigingsbevoegdheid',
      '2A': '2A vastgesteld',
      '2B': '2B vastgesteld, uitwerkingsplicht',
      '2C': '2C vastgesteld, wijzigingsbevoegdheid',
      '3': '3 in voorbereiding',
      '5A': '5A ambtelijk met locatie',
      '5B': '5B ambtelijk zonder locatie',
    };
    return byCode[c];
  }
  return undefined;
}

export function projectfaseUit(raw: unknown): Projectfase | null | undefined {
  const t = woorden(raw);
  if (t === '') return undefined;
  if (/onbekend/.test(t)) return null;
  if (/afgerond|gereed|opgeleverd/.test(t)) return 'afgerond';
  if (/nazorg/.test(t)) return 'nazorg';
  if (/realisatie|uitvoering|in aanbouw/.test(t)) return 'realisatie';
  if (/voorbereiding/.test(t)) return 'voorbereiding';
  if (/ontwerp/.test(t)) return 'ontwerp';
  if (/definitie/.test(t)) return 'definitie';
  if (/studie|initiatief|start|concept/.test(t)) return 'studie/initiatief';
  return undefined;
}

export function plantypeUit(raw: unknown): Plantype | undefined {
  const t = woorden(raw);
  if (/transformatiegebied|transformatie gebied/.test(t)) return 'transformatiegebied';
  if (/transformatie/.test(t)) return 'pand transformatie';
  if (/herstructurering/.test(t)) return 'herstructurering';
  if (/verdichting/.test(t)) return 'verdichting';
  if (/uitleg/.test(t)) return 'uitbreiding uitleg';
  if (/uitbreiding/.test(t)) return 'uitbreiding overig';
  return undefined;
}

const KNELPUNT_WOORDEN: readonly [RegExp, ProjectKnelpunt][] = [
  [/netcongestie|nutsvoorziening|stroomnet|elektriciteitsnet/, 'netcongestie / nutsvoorzieningen'],
  [/stikstof/, 'stikstof'],
  [/onrendabel/, 'onrendabele top'],
  [/parkeer|parkeren/, 'parkeren'],
  [/bereikbaar|ontsluiting|mobiliteit/, 'bereikbaarheid'],
  [/capaciteit bouw|bouwcapaciteit|aannemer/, 'capaciteit bouwsector'],
  [/ambtelijke capaciteit|capaciteit overheid|capaciteit gemeente|capaciteit/, 'capaciteit overheid'],
  [/geluid/, 'geluidhinder'],
  [/draagvlak|participatie/, 'maatschappelijk draagvlak'],
  [/natuur|flora|fauna/, 'natuurbescherming'],
  [/vervuil|bodem/, 'vervuilde grond'],
  [/procedure|bezwaar|beroep/, 'procedures (bezwaar/beroep)'],
  [/anders|overig/, 'anders'],
];

/** Several knelpunten in one cell, separated by ; , | or line breaks. undefined: a part was not recognised. */
export function knelpuntenUit(raw: unknown): { waarde: ProjectKnelpunt[]; onbekend: string[] } {
  if (Array.isArray(raw)) raw = raw.join(';');
  const delen = String(raw ?? '')
    .split(/[;,|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const gevonden = new Set<ProjectKnelpunt>();
  const onbekend: string[] = [];
  for (const d of delen) {
    const hit = KNELPUNT_WOORDEN.find(([re]) => re.test(woorden(d)));
    if (hit) gevonden.add(hit[1]);
    else onbekend.push(d);
  }
  return { waarde: PROJECT_KNELPUNTEN.filter((k) => gevonden.has(k)), onbekend };
}

function exactUit<T extends string>(list: readonly T[], raw: unknown): T | undefined {
  const t = woorden(raw);
  return list.find((x) => woorden(x) === t);
}

export const vertrouwelijkheidUit = (raw: unknown) => exactUit(VERTROUWELIJKHEDEN, raw);
export const bouwstatusUit = (raw: unknown) => exactUit(BOUWSTATUSSEN, raw);
export const financieleHaalbaarheidUit = (raw: unknown) => exactUit(FINANCIELE_HAALBAARHEID, raw);
export const omgevingsvergunningUit = (raw: unknown) => exactUit(OMGEVINGSVERGUNNING, raw);
export function woningtypeUit(raw: unknown): (typeof WONINGTYPES)[number] | undefined {
  const t = woorden(raw);
  if (/eengezins|grondgebonden|\begw\b/.test(t)) return 'eengezins';
  if (/meergezins|gestapeld|appartement|\bmgw\b/.test(t)) return 'meergezins';
  if (/gemengd/.test(t)) return 'gemengd';
  return undefined;
}

export function jaNeeUit(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : undefined;
  const t = woorden(raw);
  if (['ja', 'j', 'true', 'waar', 'yes', 'y', 'x', '1'].includes(t)) return true;
  if (['nee', 'n', 'false', 'onwaar', 'no', '0'].includes(t)) return false;
  return undefined;
}

/** "GM0513", "0513", 513 -> "GM0513". */
export function cbsCodeUit(raw: unknown): string | undefined {
  const t = String(raw ?? '').trim().toUpperCase();
  const m = /^(?:GM)?\s*(\d{1,4})$/.exec(t);
  return m ? `GM${m[1]!.padStart(4, '0')}` : undefined;
}

/** "2027-Q2", "Q2 2027", "2027 Q2", "2e kwartaal 2027", "2027 kwartaal 2" -> "2027-Q2". */
export function kwartaalUit(raw: unknown): string | undefined {
  const t = woorden(raw);
  const a = /^(\d{4}) ?q([1-4])$/.exec(t) ?? /^(\d{4}) kwartaal ([1-4])$/.exec(t);
  if (a) return `${a[1]}-Q${a[2]}`;
  const b = /^q([1-4]) (\d{4})$/.exec(t) ?? /^([1-4])(?:e|ste|de)? kwartaal (\d{4})$/.exec(t);
  if (b) return `${b[2]}-Q${b[1]}`;
  return undefined;
}
