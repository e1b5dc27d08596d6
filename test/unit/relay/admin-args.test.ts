import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from '../../../server/admin-args';

describe('the admin CLI reads its arguments', () => {
  it('takes a device token that starts with a dash as the value of --token (node refuses it as ambiguous)', () => {
    const parsed = parseAdminArgs(['revoke-token', '--token', '-w5-eG1WJ7dEDMte3Ij3a5KQ_A4YUwtceN_XCHbJjnk']);
    expect(parsed.positionals).toEqual(['revoke-token']);
    expect(parsed.values.token).toBe('-w5-eG1WJ7dEDMte3Ij3a5KQ_A4YUwtceN_XCHbJjnk');
  });

  it('does not take one of its own options as a value', () => {
    expect(() => parseAdminArgs(['invite', '--tafel', '--lid', 'x'])).toThrow(/--tafel/);
  });

  it('refuses an unknown option', () => {
    expect(() => parseAdminArgs(['invite', '--tafle', 'x'])).toThrow(/tafle/);
  });
});
