// Value types of the tafel document. Each checks one plain JSON value and says what is wrong with
// it: a code with parameters for people (the UI words it: src/ui/codeText.ts) and an English
// message for logs and tests. The relay runs the same checks on every incoming value, so a
// crafted update can never put garbage where the UI expects a count or a status.

import { JAARSCHIJF_MAX, JAARSCHIJF_MIN } from './vocabulary';

/** What can be wrong with a value; the parameters say the limit that was crossed. */
export type ValueProblemCode =
  | 'empty'
  | 'too-long'
  | 'not-allowed'
  | 'not-count'
  | 'not-between'
  | 'not-date'
  | 'not-jaarschijf'
  | 'not-quarter'
  | 'too-many-entries'
  | 'bad-entries'
  | 'not-probability';

export interface ValueProblem {
  readonly code: ValueProblemCode;
  readonly params?: Readonly<Record<string, number>>;
  /** English, for logs, tests and the relay's rejections. */
  readonly message: string;
}

export function problem(code: ValueProblemCode, message: string, params?: Readonly<Record<string, number>>): ValueProblem {
  return params ? { code, message, params } : { code, message };
}

/** The same problem, its message prefixed with where it was found (a key of an object). */
export function within(where: string, p: ValueProblem): ValueProblem {
  return { ...p, message: `${where}: ${p.message}` };
}

export interface ValueType {
  /** Short description for docs/document-schema.md. */
  readonly describe: string;
  /** Returns what is wrong with the value, or null when it is allowed. */
  check(value: unknown): ValueProblem | null;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{6,40}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function text(maxLength: number, opts: { minLength?: number } = {}): ValueType {
  const min = opts.minLength ?? 0;
  return {
    describe: `string, ${min}..${maxLength} characters`,
    check: (v) => {
      if (typeof v !== 'string') return problem('not-allowed', 'expected a string');
      if (v.length < min) return problem('empty', min === 1 ? 'must not be empty' : `must have at least ${min} characters`, { min });
      if (v.length > maxLength) return problem('too-long', `longer than ${maxLength} characters`, { max: maxLength });
      return null;
    },
  };
}

export function oneOf<T extends string>(list: readonly T[], opts: { nullable?: boolean } = {}): ValueType {
  return {
    describe: `one of ${list.map((x) => `"${x}"`).join(', ')}${opts.nullable ? ', or null' : ''}`,
    check: (v) => {
      if (v === null && opts.nullable) return null;
      return typeof v === 'string' && (list as readonly string[]).includes(v) ? null : problem('not-allowed', 'not one of the allowed values');
    },
  };
}

export function count(max = 1_000_000): ValueType {
  return {
    describe: `non-negative integer up to ${max}`,
    check: (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? null : problem('not-count', 'expected a non-negative integer', { max }),
  };
}

export function integerBetween(min: number, max: number): ValueType {
  return {
    describe: `integer ${min}..${max}`,
    check: (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : problem('not-between', `expected an integer ${min}..${max}`, { min, max }),
  };
}

export const bool: ValueType = {
  describe: 'boolean',
  check: (v) => (typeof v === 'boolean' ? null : problem('not-allowed', 'expected true or false')),
};

export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function isoDate(opts: { nullable?: boolean } = {}): ValueType {
  return {
    describe: `date "YYYY-MM-DD"${opts.nullable ? ' or null' : ''}`,
    check: (v) => {
      if (v === null && opts.nullable) return null;
      if (!isIsoDate(v)) return problem('not-date', 'expected a date YYYY-MM-DD');
      const year = Number(v.slice(0, 4));
      return year >= JAARSCHIJF_MIN && year <= JAARSCHIJF_MAX ? null : problem('not-jaarschijf', 'date outside the years 2000-2100', { min: JAARSCHIJF_MIN, max: JAARSCHIJF_MAX });
    },
  };
}

export function isJaarschijf(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= JAARSCHIJF_MIN && v <= JAARSCHIJF_MAX;
}

/** A quarter such as "2027-Q2", or null when not planned yet. */
export const kwartaal: ValueType = {
  describe: 'quarter "YYYY-Qn" or null',
  check: (v) => {
    if (v === null) return null;
    if (typeof v !== 'string') return problem('not-quarter', 'expected a quarter YYYY-Qn');
    const m = /^(\d{4})-Q([1-4])$/.exec(v);
    return m && isJaarschijf(Number(m[1])) ? null : problem('not-quarter', 'expected a quarter YYYY-Qn');
  },
};

export function idRef(opts: { nullable?: boolean } = {}): ValueType {
  return {
    describe: `id${opts.nullable ? ' or null' : ''}`,
    check: (v) => (isId(v) || (v === null && opts.nullable) ? null : problem('not-allowed', 'expected an id')),
  };
}

export function idList(max: number): ValueType {
  return {
    describe: `list of up to ${max} distinct ids`,
    check: (v) => {
      if (!Array.isArray(v)) return problem('not-allowed', 'expected a list of ids');
      if (v.length > max) return problem('too-many-entries', `more than ${max} entries`, { max });
      if (!v.every(isId)) return problem('not-allowed', 'expected a list of ids');
      return new Set(v).size === v.length ? null : problem('not-allowed', 'duplicate ids in list');
    },
  };
}

export function textList(maxItems: number, maxLength: number): ValueType {
  return {
    describe: `list of up to ${maxItems} strings of up to ${maxLength} characters`,
    check: (v) => {
      if (!Array.isArray(v)) return problem('not-allowed', 'expected a list of strings');
      if (v.length > maxItems) return problem('too-many-entries', `more than ${maxItems} entries`, { max: maxItems });
      return v.every((s) => typeof s === 'string' && s.length > 0 && s.length <= maxLength)
        ? null
        : problem('bad-entries', `entries must be non-empty strings of up to ${maxLength} characters`, { maxItems, maxLength });
    },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Woondeal targets: homes per jaarschijf, e.g. {"2026": 1200, "2027": 1400}. */
export const doelenPerJaarschijf: ValueType = {
  describe: 'object: jaarschijf (year as string) -> non-negative integer',
  check: (v) => {
    if (!isPlainObject(v)) return problem('not-allowed', 'expected an object of year -> count');
    const entries = Object.entries(v);
    if (entries.length > 101) return problem('not-allowed', 'too many years');
    for (const [year, n] of entries) {
      if (!/^\d{4}$/.test(year) || !isJaarschijf(Number(year))) return problem('not-jaarschijf', `"${year}" is not a jaarschijf`, { min: JAARSCHIJF_MIN, max: JAARSCHIJF_MAX });
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 10_000_000) return problem('not-count', `target for ${year} is not a count`, { max: 10_000_000 });
    }
    return null;
  },
};

/** Realisation probability per key of `keys`, each 0..1; every key present. */
export function probabilities(keys: readonly string[]): ValueType {
  return {
    describe: `object: each of ${keys.map((k) => `"${k}"`).join(', ')} -> number 0..1`,
    check: (v) => {
      if (!isPlainObject(v)) return problem('not-probability', 'expected an object of probabilities');
      for (const k of Object.keys(v)) if (!keys.includes(k)) return problem('not-allowed', `unknown key "${k}"`);
      for (const k of keys) {
        const p = v[k];
        if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) return problem('not-probability', `probability for "${k}" must be 0..1`);
      }
      return null;
    },
  };
}

/** A plain object with exactly the given fields, each of its own type. */
export function record(fields: Readonly<Record<string, ValueType>>): ValueType {
  return {
    describe: `object {${Object.entries(fields)
      .map(([k, t]) => `${k}: ${t.describe}`)
      .join('; ')}}`,
    check: (v) => {
      if (!isPlainObject(v)) return problem('not-allowed', 'expected an object');
      for (const k of Object.keys(v)) if (!(k in fields)) return problem('not-allowed', `unknown field "${k}"`);
      for (const [k, t] of Object.entries(fields)) {
        const err = t.check(v[k]);
        if (err) return within(k, err);
      }
      return null;
    },
  };
}

/** Any JSON value up to a size; used for frozen snapshots whose shape the model writes itself. */
export function jsonUpTo(maxBytes: number, shape: ValueType): ValueType {
  return {
    describe: `${shape.describe}, at most ${maxBytes} bytes as JSON`,
    check: (v) => {
      const err = shape.check(v);
      if (err) return err;
      return JSON.stringify(v).length > maxBytes ? problem('not-allowed', `larger than ${maxBytes} bytes`, { max: maxBytes }) : null;
    },
  };
}

export const anyObject: ValueType = {
  describe: 'object',
  check: (v) => (isPlainObject(v) ? null : problem('not-allowed', 'expected an object')),
};
