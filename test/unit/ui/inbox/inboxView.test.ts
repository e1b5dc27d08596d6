import { describe, expect, it } from 'vitest';
import { conflictRoute, conflictValueText } from '../../../../src/ui/screens/inbox/inboxView';

describe('conflict inbox', () => {
  it('writes values in words', () => {
    expect(conflictValueText(null)).toBe('(leeg)');
    expect(conflictValueText('')).toBe('(leeg)');
    expect(conflictValueText(1200)).toBe('1.200');
    expect(conflictValueText('2027-Q3')).toBe('2027 kwartaal 3');
    expect(conflictValueText(true)).toBe('Ja');
    expect(conflictValueText(['parkeren', 'stikstof'])).toBe('parkeren, stikstof');
    expect(conflictValueText({ tekst: 'Eens' })).toBe('Eens');
    expect(conflictValueText({ '2027': 100 })).toBe('2027: 100');
  });

  it('links to the screen of the item', () => {
    const none = () => undefined;
    expect(conflictRoute(['projecten', 'abc123xyz', 'naam'], none)).toBe('planmonitor/abc123xyz');
    expect(conflictRoute(['tafel', 'naam'], none)).toBe('instellingen');
    expect(conflictRoute(['leden', 'x', 'rol'], none)).toBe('leden');
    expect(conflictRoute(['agendapunten', 'a1b2c3', 'titel'], (id) => (id === 'a1b2c3' ? 'verg01' : undefined))).toBe('vergaderingen/verg01');
    expect(conflictRoute(['knelpunten', 'k1k1k1', 'status'], none)).toBe('knelpunten/k1k1k1');
    expect(conflictRoute([], none)).toBeNull();
  });
});
