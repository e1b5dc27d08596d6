// Numbers as Dutch spreadsheets and CSVs write them: "1.234" (thousands), "12,5" (decimal),
// "1.234,5", " 40 ", and numbers that are already numbers (xlsx). Anything else ("ca. 40", "40?")
// is not a number: the preview says so instead of guessing.

/** A non-negative whole number, or null when the text is not one. Empty text is undefined (no value). */
export function parseAantal(raw: unknown): number | null | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : null;
  const s = String(raw).trim().replace(/\u00a0/g, ' ');
  if (s === '' || s === '-') return undefined;
  const n = parseGetal(s);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : null;
}

/** A decimal number written the Dutch way (or plainly); null when it is not a number. */
export function parseGetal(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  let s = String(raw).trim().replace(/[\s\u00a0]/g, '');
  if (!/^-?[\d.,]+$/.test(s)) return null;
  if (s.includes(',')) {
    // Dutch: dots group thousands, the comma is the decimal mark.
    if (!/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^-?\d+(,\d+)?$/.test(s)) return null;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    // "1.234" and "12.000": thousands separators, never a decimal in a count column.
    s = s.replace(/\./g, '');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A percentage or fraction: "45", "45%", "45,5 %", 0.45 (from xlsx percent cells) -> 0..1. */
export function parseKans(raw: unknown): number | null | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return raw >= 0 && raw <= 1 ? raw : raw > 1 && raw <= 100 ? raw / 100 : null;
  const s = String(raw).trim();
  if (s === '') return undefined;
  const n = parseGetal(s.replace('%', ''));
  if (n === null || n < 0 || n > 100) return null;
  return s.includes('%') || n > 1 ? n / 100 : n;
}
