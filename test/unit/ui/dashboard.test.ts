import { describe, expect, it } from 'vitest';
import { kwartaalPeildatum } from '../../../src/ui/screens/dashboard/peildatum';

describe('kwartaalPeildatum', () => {
  it('proposes the first day of the current quarter', () => {
    expect(kwartaalPeildatum('2026-01-01')).toBe('2026-01-01');
    expect(kwartaalPeildatum('2026-03-31')).toBe('2026-01-01');
    expect(kwartaalPeildatum('2026-04-01')).toBe('2026-04-01');
    expect(kwartaalPeildatum('2026-08-15')).toBe('2026-07-01');
    expect(kwartaalPeildatum('2026-11-23')).toBe('2026-10-01');
    expect(kwartaalPeildatum('2026-12-31')).toBe('2026-10-01');
  });
});
