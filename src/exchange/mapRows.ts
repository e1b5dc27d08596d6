// A file's rows read through a mapping into planmonitor values, with every cell that cannot be
// read listed as a problem (row, column, value, why) instead of guessed. Empty cells carry no
// value: an import fills in and updates, it never clears what the tafel already knows.

import { contour } from '../model/monitorValues';
import { doelVan, type ImportVeld, type Koppeling } from './columns';
import { parseAantal, parseKans } from './numbers';
import type { CellProblem, CellProblemCode } from './problems';
import type { Tabel } from './table';
import {
  bouwstatusUit,
  cbsCodeUit,
  financieleHaalbaarheidUit,
  jaNeeUit,
  knelpuntenUit,
  kwartaalUit,
  omgevingsvergunningUit,
  planstatusUit,
  plantypeUit,
  projectfaseUit,
  vertrouwelijkheidUit,
  woningtypeUit,
} from './vocabMap';

export interface ImportRij {
  readonly nummer: number;
  readonly velden: Partial<Record<ImportVeld, unknown>>;
  /** the gemeente's planning grid: jaar -> cell -> homes */
  readonly planning: Readonly<Record<number, Readonly<Record<string, number>>>>;
  /** the developer's opleveringen: jaar -> homes */
  readonly opleveringen: Readonly<Record<number, number>>;
  readonly externId: string | null;
  /** original text of vocabulary values that were mapped to a different national value */
  readonly bronwaarden: Readonly<Record<string, string>>;
  readonly problemen: readonly CellProblem[];
}

const TEKST_MAX: Partial<Record<ImportVeld, number>> = { publiekeOpmerkingen: 20_000, privateOpmerkingen: 20_000 };
const AANTAL_VELDEN = new Set<ImportVeld>(['woningenSocialeHuur', 'woningenMiddenhuur', 'woningenBetaalbareKoop', 'woningenVrijeSectorHuur', 'woningenVrijeSectorKoop']);

type Lezer = (raw: unknown) => { waarde: unknown } | { probleem: CellProblemCode };

function woordLezer(map: (raw: unknown) => unknown): Lezer {
  return (raw) => {
    const w = map(raw);
    return w === undefined ? { probleem: 'onbekende-waarde' } : { waarde: w };
  };
}

const LEZERS: Partial<Record<ImportVeld, Lezer>> = {
  planstatus: woordLezer(planstatusUit),
  projectfase: woordLezer(projectfaseUit),
  plantype: woordLezer(plantypeUit),
  vertrouwelijkheid: woordLezer(vertrouwelijkheidUit),
  omgevingsvergunning: woordLezer(omgevingsvergunningUit),
  bouwstatus: woordLezer(bouwstatusUit),
  financieleHaalbaarheid: woordLezer(financieleHaalbaarheidUit),
  woningtype: woordLezer(woningtypeUit),
  sleutelproject: (raw) => {
    const b = jaNeeUit(raw);
    return b === undefined ? { probleem: 'geen-ja-nee' } : { waarde: b };
  },
  novex: (raw) => {
    const b = jaNeeUit(raw);
    return b === undefined ? { probleem: 'geen-ja-nee' } : { waarde: b };
  },
  cbsGemeentecode: (raw) => {
    const c = cbsCodeUit(raw);
    return c === undefined ? { probleem: 'geen-cbs-code' } : { waarde: c };
  },
  realisatiekans: (raw) => {
    const k = parseKans(raw);
    return k === null || k === undefined ? { probleem: 'geen-percentage' } : { waarde: k };
  },
  startBouw: (raw) => {
    const q = kwartaalUit(raw);
    return q === undefined ? { probleem: 'geen-kwartaal' } : { waarde: q };
  },
  startVerkoop: (raw) => {
    const q = kwartaalUit(raw);
    return q === undefined ? { probleem: 'geen-kwartaal' } : { waarde: q };
  },
  contour: (raw) => (contour.check(raw) === null ? { waarde: raw } : { probleem: 'geometrie-ongeldig' }),
};

const VOCAB_VELDEN = new Set<ImportVeld>(['planstatus', 'projectfase', 'plantype', 'vertrouwelijkheid', 'omgevingsvergunning', 'woningtype']);

function celTekst(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return typeof raw === 'object' ? JSON.stringify(raw).slice(0, 60) : String(raw);
}

export function mapRijen(tabel: Tabel, koppeling: Koppeling): ImportRij[] {
  const doelen = tabel.kolommen.map((k) => doelVan(koppeling.kolommen[k] ?? 'negeren') ?? { soort: 'negeren' as const });
  return tabel.rijen.map((rij) => {
    const velden: Partial<Record<ImportVeld, unknown>> = {};
    const planning: Record<number, Record<string, number>> = {};
    const opleveringen: Record<number, number> = {};
    const bronwaarden: Record<string, string> = {};
    const problemen: CellProblem[] = [];
    let externId: string | null = null;
    doelen.forEach((doel, c) => {
      const raw = rij.cellen[c];
      if (raw === null || raw === undefined || doel.soort === 'negeren') return;
      const kolom = tabel.kolommen[c] ?? '';
      const probleem = (code: CellProblemCode) => problemen.push({ code, kolom, waarde: celTekst(raw) });
      if (doel.soort === 'externId') {
        externId = celTekst(raw).slice(0, 100);
        return;
      }
      if (doel.soort === 'planning' || doel.soort === 'oplevering') {
        const n = parseAantal(raw);
        if (n === undefined) return;
        if (n === null) return probleem('geen-aantal');
        if (doel.soort === 'oplevering') opleveringen[doel.jaar] = (opleveringen[doel.jaar] ?? 0) + n;
        else {
          const jaar = (planning[doel.jaar] ??= {});
          jaar[doel.cel] = (jaar[doel.cel] ?? 0) + n;
        }
        return;
      }
      const veld = doel.veld;
      if (veld === 'knelpunten') {
        const { waarde, onbekend } = knelpuntenUit(raw);
        if (onbekend.length > 0) problemen.push({ code: 'onbekende-waarde', kolom, waarde: onbekend.join('; ') });
        velden.knelpunten = waarde;
        if (celTekst(raw) !== waarde.join('; ')) bronwaarden.knelpunten = celTekst(raw).slice(0, 200);
        return;
      }
      if (AANTAL_VELDEN.has(veld)) {
        const n = parseAantal(raw);
        if (n === null) return probleem('geen-aantal');
        if (n !== undefined) velden[veld] = n;
        return;
      }
      const lezer = LEZERS[veld];
      if (!lezer) {
        const tekst = celTekst(raw);
        if (tekst.length > (TEKST_MAX[veld] ?? 200)) return probleem('te-lang');
        velden[veld] = tekst;
        return;
      }
      const r = lezer(raw);
      if ('probleem' in r) return probleem(r.probleem);
      velden[veld] = r.waarde;
      if (VOCAB_VELDEN.has(veld) && typeof r.waarde === 'string' && celTekst(raw) !== r.waarde) bronwaarden[veld] = celTekst(raw).slice(0, 200);
    });
    return { nummer: rij.nummer, velden, planning, opleveringen, externId, bronwaarden, problemen };
  });
}

