import { describe, expect, it } from 'vitest';
import { displayValue, formatValue, parseCount, parseValue } from '../../../../src/ui/components/fieldFormat';
import { sameValue } from '../../../../src/model/sameValue';

describe('field values as text and back', () => {
  it('reads whole numbers the way people type them and refuses the rest with a Dutch message', () => {
    expect(parseCount('1200')).toBe(1200);
    expect(parseCount('1.200')).toBe(1200);
    expect(parseCount(' 1 200 ')).toBe(1200);
    expect(parseCount('')).toBe(0);
    expect(parseCount('-5')).toBeNull();
    expect(parseCount('12,5')).toBeNull();
    expect(parseCount('abc')).toBeNull();
    const bad = parseValue({ kind: 'number' }, 'twaalf');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/heel getal/);
  });

  it('trims text, requires it when asked, and splits lines into a list', () => {
    expect(parseValue({ kind: 'text' }, '  De Kade ')).toEqual({ ok: true, value: 'De Kade' });
    expect(parseValue({ kind: 'text', required: true }, '   ').ok).toBe(false);
    expect(parseValue({ kind: 'lines' }, 'parkeren\n\n stikstof \n')).toEqual({ ok: true, value: ['parkeren', 'stikstof'] });
    expect(formatValue({ kind: 'lines' }, ['parkeren', 'stikstof'])).toBe('parkeren\nstikstof');
  });

  it('handles selects, quarters and yes/no', () => {
    const select = { kind: 'select' as const, options: [{ value: 'vastgesteld', label: 'Vastgesteld' }], nullable: true };
    expect(parseValue(select, '')).toEqual({ ok: true, value: null });
    expect(parseValue({ ...select, nullable: false }, '').ok).toBe(false);
    expect(parseValue(select, 'verzonnen').ok).toBe(false);
    expect(displayValue(select, 'vastgesteld')).toBe('Vastgesteld');
    expect(parseValue({ kind: 'kwartaal' }, '2027-Q3')).toEqual({ ok: true, value: '2027-Q3' });
    expect(parseValue({ kind: 'kwartaal' }, '')).toEqual({ ok: true, value: null });
    expect(parseValue({ kind: 'kwartaal' }, '2027-Q5').ok).toBe(false);
    expect(displayValue({ kind: 'kwartaal' }, '2027-Q3')).toBe('2027 kwartaal 3');
    expect(displayValue({ kind: 'kwartaal' }, null)).toBe('Niet gepland');
    expect(displayValue({ kind: 'bool' }, true)).toBe('Ja');
    expect(displayValue({ kind: 'number' }, 12000)).toBe('12.000');
  });

  it('sees an unchanged value as the same, so no new provenance is written', () => {
    expect(sameValue(['a'], ['a'])).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });
});
