// Issue 16, defect 11: the lid's own part of a project comes first.

import { describe, expect, it } from 'vitest';
import { eigenDeelEerst } from '../../../../src/ui/screens/planmonitor/eigenDeel';

const project = { publiekEigenaar: 'gemeente', privaatEigenaar: 'horizon' };

describe('own part first', () => {
  it('puts the private part first for its owner partij', () => {
    expect(eigenDeelEerst('horizon', project)).toBe('privaat');
  });
  it('keeps the public part first for the gemeente, others and no lid', () => {
    expect(eigenDeelEerst('gemeente', project)).toBe('publiek');
    expect(eigenDeelEerst('thuis', project)).toBe('publiek');
    expect(eigenDeelEerst(null, project)).toBe('publiek');
    expect(eigenDeelEerst('horizon', { ...project, privaatEigenaar: null })).toBe('publiek');
  });
});
