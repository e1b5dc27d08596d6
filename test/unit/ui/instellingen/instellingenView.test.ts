import { describe, expect, it } from 'vitest';
import { DEFAULT_REALISATIEKANSEN } from '../../../../src/model';
import { formatPercent, parsePercent, withDoel, withKans } from '../../../../src/ui/screens/instellingen/instellingenView';

describe('tafel settings editing', () => {
  it('reads percentages as fractions, Dutch comma included, and refuses out of range', () => {
    expect(parsePercent('85')).toBe(0.85);
    expect(parsePercent('85,5%')).toBe(0.855);
    expect(parsePercent(' 0 ')).toBe(0);
    expect(parsePercent('100')).toBe(1);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('veel')).toBeNull();
    expect(formatPercent(0.855)).toBe('85,5');
    expect(formatPercent(0.3)).toBe('30');
  });

  it('changes one realisation probability and keeps the others', () => {
    const k = withKans(DEFAULT_REALISATIEKANSEN, '2A vastgesteld', 0.9);
    expect(k['2A vastgesteld']).toBe(0.9);
    expect(k['1A onherroepelijk']).toBe(DEFAULT_REALISATIEKANSEN['1A onherroepelijk']);
    expect(Object.keys(k)).toHaveLength(11);
  });

  it('sets, adds and removes woondeal targets per year', () => {
    const doelen = { '2026': 1000 };
    expect(withDoel(doelen, '2027', '1.200')).toEqual({ ok: true, doelen: { '2026': 1000, '2027': 1200 } });
    expect(withDoel(doelen, '2026', '')).toEqual({ ok: true, doelen: {} });
    expect(withDoel(doelen, '2026', '900', false)).toEqual({ ok: false, error: 'bestaat' });
    expect(withDoel(doelen, '1999', '5')).toEqual({ ok: false, error: 'jaar' });
    expect(withDoel(doelen, '2027', 'veel')).toEqual({ ok: false, error: 'getal' });
    expect(doelen).toEqual({ '2026': 1000 });
  });
});
