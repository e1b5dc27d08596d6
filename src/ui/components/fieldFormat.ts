// How each kind of field shows its value as text, and reads typed text back into a value.
// Parsing happens before the model sees the value, so the user gets a Dutch message about what
// they typed (e.g. "1.200" is read as 1200; "abc" is not a number) and keeps it in the input.

import { strings } from '../strings';

export type FieldInput =
  | { readonly kind: 'text'; readonly required?: boolean }
  | { readonly kind: 'textarea' }
  /** A non-negative whole number (homes, targets). */
  | { readonly kind: 'number' }
  | { readonly kind: 'select'; readonly options: readonly { readonly value: string; readonly label: string }[]; readonly nullable?: boolean }
  | { readonly kind: 'bool' }
  /** A list of short texts, one per line (belemmeringen). */
  | { readonly kind: 'lines' }
  /** A quarter "YYYY-Qn" or null. */
  | { readonly kind: 'kwartaal' };

export type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** The value as the text in an input (or the text shown when locked, see displayValue). */
export function formatValue(input: FieldInput, value: unknown): string {
  switch (input.kind) {
    case 'lines':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'bool':
      return value === true ? 'true' : 'false';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** A quarter "2027-Q3" for people: "2027 kwartaal 3". */
export function kwartaalTekst(v: string): string {
  return v.replace('-Q', ' kwartaal ');
}

/** The value for reading (locked fields, summaries). */
export function displayValue(input: FieldInput, value: unknown): string {
  switch (input.kind) {
    case 'bool':
      return value === true ? strings.common.ja : strings.common.nee;
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat('nl-NL').format(value) : strings.common.leeg;
    case 'select': {
      const o = input.options.find((x) => x.value === value);
      return o ? o.label : strings.common.leeg;
    }
    case 'lines':
      return Array.isArray(value) && value.length ? value.join(', ') : strings.common.leeg;
    case 'kwartaal':
      return typeof value === 'string' ? kwartaalTekst(value) : strings.project.nietGepland;
    default:
      return typeof value === 'string' && value ? value : strings.common.leeg;
  }
}

/** Whole numbers as people type them: "1200", "1.200", " 1 200 ". */
export function parseCount(text: string): number | null {
  const t = text.trim().replace(/[\s.]/g, '');
  if (t === '') return 0;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

export function parseValue(input: FieldInput, text: string): Parsed {
  switch (input.kind) {
    case 'text': {
      const v = text.trim();
      if (input.required && v === '') return { ok: false, error: strings.errors.waarde.leeg };
      return { ok: true, value: v };
    }
    case 'textarea':
      return { ok: true, value: text };
    case 'number': {
      const n = parseCount(text);
      return n === null ? { ok: false, error: strings.errors.waarde.geenGetal } : { ok: true, value: n };
    }
    case 'lines': {
      const items = text
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return { ok: true, value: items };
    }
    case 'bool':
      return { ok: true, value: text === 'true' };
    case 'select':
      if (text === '') return input.nullable ? { ok: true, value: null } : { ok: false, error: strings.errors.waarde.leeg };
      return input.options.some((o) => o.value === text) ? { ok: true, value: text } : { ok: false, error: strings.errors.waarde.algemeen };
    case 'kwartaal': {
      if (text === '') return { ok: true, value: null };
      return /^\d{4}-Q[1-4]$/.test(text) ? { ok: true, value: text } : { ok: false, error: strings.errors.waarde.geenKwartaal };
    }
  }
}
