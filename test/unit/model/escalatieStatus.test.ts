import { describe, expect, it } from 'vitest';
import { statusBijEscalatie } from '../../../../src/ui/screens/knelpunten/escalatieStatus';

describe('statusBijEscalatie', () => {
  it('marks an open knelpunt geescaleerd when it goes up the ladder', () => {
    expect(statusBijEscalatie('gesignaleerd', 'landelijke versnellingstafel')).toBe('geescaleerd');
    expect(statusBijEscalatie('in behandeling', 'expertteam woningbouw')).toBe('geescaleerd');
    expect(statusBijEscalatie('geescaleerd', 'bestuurlijke woondealtafel')).toBeNull();
  });

  it('puts it back in behandeling when it returns to the tafel', () => {
    expect(statusBijEscalatie('geescaleerd', 'tafel')).toBe('in behandeling');
    expect(statusBijEscalatie('gesignaleerd', 'tafel')).toBeNull();
  });

  it('leaves closed knelpunten closed', () => {
    expect(statusBijEscalatie('opgelost', 'landelijke versnellingstafel')).toBeNull();
    expect(statusBijEscalatie('vervallen', 'tafel')).toBeNull();
  });
});
