import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { statusBijEscalatie } from '../../../src/model/escalatieStatus';
import { makeTafel } from '../ownership/fixture';

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

describe('escalateKnelpunt', () => {
  it('writes the level and the status that goes with it in one change, by the chair', () => {
    const t = makeTafel();
    const lees = () => M.readKnelpunten(t.relay).find((k) => k.id === t.knelpuntB)!;
    let changes = 0;
    t.relay.on('afterTransaction', () => void changes++);
    O.escalateKnelpunt(t.relay, t.actor.chair, t.knelpuntB, 'landelijke versnellingstafel');
    expect(changes).toBe(1);
    expect([lees().escalatie, lees().status]).toEqual(['landelijke versnellingstafel', 'geescaleerd']);
    expect(lees().provenance.status?.by).toBe(t.actor.chair.lidId);
    O.escalateKnelpunt(t.relay, t.actor.chair, t.knelpuntB, 'tafel');
    expect([lees().escalatie, lees().status]).toEqual(['tafel', 'in behandeling']);
    O.setKnelpuntStatus(t.relay, t.actor.b, t.knelpuntB, 'opgelost');
    O.escalateKnelpunt(t.relay, t.actor.chair, t.knelpuntB, 'expertteam woningbouw');
    expect([lees().escalatie, lees().status]).toEqual(['expertteam woningbouw', 'opgelost']);
  });
});
