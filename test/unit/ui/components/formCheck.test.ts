// Issue 16, defects 6 and 7: each empty required field and each too long text gets its own message
// at the field, naming it; nothing is cut off silently.

import { describe, expect, it } from 'vitest';
import { formProblems, lengthHint, problemSummary } from '../../../../src/ui/components/formCheck';

const rules = (titel: string, thema: string) => [
  { id: 't', label: 'Titel', value: titel, required: true, max: 200 },
  { id: 'h', label: 'Thema', value: thema, required: true },
  { id: 'b', label: 'Beschrijving', value: '' },
];

describe('form check', () => {
  it('names every empty required field, at the field', () => {
    const p = formProblems(rules('', ''));
    expect(Object.keys(p).sort()).toEqual(['h', 't']);
    expect(p.t).toContain('„Titel”');
    expect(p.h).toContain('„Thema”');
    expect(problemSummary(rules('', ''), p)).toBe('Nog niet in orde: Titel, Thema.');
  });

  it('refuses a title over 200 characters with the limit, and keeps it whole', () => {
    const lang = 'x'.repeat(230);
    const p = formProblems(rules(lang, 'stikstof'));
    expect(p.t).toContain('230 tekens, maximaal 200');
    expect(p.h).toBeUndefined();
  });

  it('passes a complete form and shows the limit only near it', () => {
    expect(formProblems(rules('Netcongestie', 'energietransitie'))).toEqual({});
    expect(lengthHint('x'.repeat(10), 200)).toBeNull();
    expect(lengthHint('x'.repeat(170), 200)).toBe('170 van 200 tekens');
    // The hint counts as the check does: the space typed last is not a character too many.
    const lang = `${'x'.repeat(230)} `;
    expect(lengthHint(lang, 200)).toBe('230 van 200 tekens');
    expect(formProblems([{ id: 't', label: 'Titel', value: lang, max: 200 }]).t).toContain('230 tekens');
  });
});
