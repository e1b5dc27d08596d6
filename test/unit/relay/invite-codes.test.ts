// Invite codes are read aloud and typed on tablets. (What storage promises is the contract suite
// in test/integration/storage/, run against SQLite and Postgres.)

import { describe, expect, it } from 'vitest';
import { isPlausibleInviteCode, newInviteCode, normalizeInviteCode } from '../../../server/auth';

describe('invite codes', () => {
  it('are readable and forgiving to type', () => {
    const code = newInviteCode();
    expect(isPlausibleInviteCode(code)).toBe(true);
    expect(code).not.toMatch(/[01OIL]/);
    expect(normalizeInviteCode(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `)).toBe(code);
  });
});
