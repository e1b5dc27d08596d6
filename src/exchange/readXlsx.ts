// xlsx through SheetJS CE (@e965/xlsx): the first sheet that has data, cells as their stored
// values. Formulas are never evaluated: a formula cell is read as the value Excel cached for it.
// Templates with a two-row header (a section row of merged cells, e.g. "Planning 2027", above the
// column row, e.g. "Meergezins koop1") get one column name per column: "Planning 2027 Meergezins koop1".

import * as XLSX from '@e965/xlsx';
import { zonderBeveiliging } from './export/safe';
import { MAX_RIJEN } from './limits';
import { ImportFileError } from './problems';
import type { Tabel } from './table';

type Grid = unknown[][];

function leeg(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function tekst(v: unknown): string {
  return leeg(v) ? '' : String(v).replace(/\s+/g, ' ').trim();
}

export function leesXlsx(bytes: Uint8Array): Tabel {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellText: false, cellDates: false, sheetRows: MAX_RIJEN + 4 });
  } catch {
    throw new ImportFileError({ code: 'beschadigd' });
  }
  const sheet = wb.SheetNames.map((n) => wb.Sheets[n]).find((s) => s && s['!ref']);
  if (!sheet) throw new ImportFileError({ code: 'leeg' });
  const full = XLSX.utils.decode_range((sheet['!fullref'] as string | undefined) ?? sheet['!ref']!);
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true }) as Grid;

  const kopIndex = grid.findIndex((r) => r.some((c) => !leeg(c)));
  if (kopIndex === -1) throw new ImportFileError({ code: 'leeg' });
  const dataRijen = full.e.r - (range.s.r + kopIndex);
  if (dataRijen > MAX_RIJEN + 1) throw new ImportFileError({ code: 'te-veel-rijen', params: { rijen: dataRijen, max: MAX_RIJEN } });

  const breedte = Math.max(...grid.map((r) => r.length));
  const sectieRij = grid[kopIndex]!;
  const volgende = grid[kopIndex + 1] ?? [];
  const merges = (sheet['!merges'] ?? []).filter((m) => m.s.r === range.s.r + kopIndex && m.e.c > m.s.c);
  const tweeRegels =
    merges.length > 0 ||
    (volgende.filter((c) => !leeg(c)).length > sectieRij.filter((c) => !leeg(c)).length && volgende.every((c) => leeg(c) || typeof c === 'string'));

  let kolommen: string[];
  let eersteData: number;
  if (tweeRegels) {
    // The section of a column: its own cell, or the first cell of the merge it lies in.
    const sectie: string[] = Array.from({ length: breedte }, (_, c) => tekst(sectieRij[c]));
    for (const m of merges) {
      for (let c = m.s.c; c <= m.e.c; c++) sectie[c - range.s.c] = tekst(sectieRij[m.s.c - range.s.c]);
    }
    kolommen = Array.from({ length: breedte }, (_, c) => {
      const kol = tekst(volgende[c]);
      const sec = sectie[c] ?? '';
      return kol === '' ? sec : sec === '' || sec === kol ? kol : `${sec} ${kol}`;
    });
    eersteData = kopIndex + 2;
  } else {
    kolommen = Array.from({ length: breedte }, (_, c) => tekst(sectieRij[c]));
    eersteData = kopIndex + 1;
  }
  if (kolommen.every((k) => k === '')) throw new ImportFileError({ code: 'geen-kopregel' });

  const rijen = [];
  for (let i = eersteData; i < grid.length; i++) {
    const r = grid[i]!;
    if (r.every(leeg)) continue;
    rijen.push({
      nummer: range.s.r + i + 1,
      cellen: Array.from({ length: breedte }, (_, c) => {
        const v = r[c];
        return leeg(v) ? null : typeof v === 'string' ? zonderBeveiliging(v.trim()) : v;
      }),
    });
  }
  return { soort: 'xlsx', kolommen, rijen };
}
