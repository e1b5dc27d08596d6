// Issue 16, defect 13: a lid's status in words, and the toast after adding a lid.

import { describe, expect, it } from 'vitest';
import { lidStatusText } from '../../../../src/ui/screens/leden/lidStatusText';
import { strings } from '../../../../src/ui/strings';

const s = { lidId: 'l', invitedUntil: null, joinedAt: null, lastJoinAt: null, lastSeenAt: null, revoked: false };
const now = Date.UTC(2026, 11, 2, 12);

describe('lid status', () => {
  it('reads invited, joined with last seen, revoked, never invited', () => {
    expect(lidStatusText({ ...s, invitedUntil: now + 1000 }, now)).toBe(strings.ledenStatus.uitgenodigd);
    expect(lidStatusText({ ...s, joinedAt: now - 3_600_000, lastJoinAt: now - 3_600_000, lastSeenAt: now - 600_000 }, now)).toBe(
      'Aangesloten, laatst gezien 10 minuten geleden',
    );
    expect(lidStatusText({ ...s, joinedAt: now - 1000, revoked: true }, now)).toBe(strings.ledenStatus.ingetrokken);
    expect(lidStatusText(undefined, now)).toBe(strings.ledenStatus.nietUitgenodigd);
  });

  it('says a lid was added, not "lid toevoegen"', () => {
    expect(strings.ledenStatus.lidToegevoegd('Nina Nieuw')).toBe('Nina Nieuw is toegevoegd');
  });
});
