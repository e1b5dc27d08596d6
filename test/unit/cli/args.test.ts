import { describe, expect, it } from 'vitest';
import { parseArgs, text } from '../../../src/cli/args';

describe('the headless client reads its arguments', () => {
  it('takes a device token that starts with dashes as the value of --token', () => {
    const args = parseArgs(['status', '--relay', 'http://localhost:8080', '--token', '--w5-eG1WJ7dEDMte3Ij3a5KQ_A4Yu']);
    expect(text(args, 'token')).toBe('--w5-eG1WJ7dEDMte3Ij3a5KQ_A4Yu');
    expect(text(args, 'relay')).toBe('http://localhost:8080');
  });

  it('still reads an option without a value as a flag when the next argument is an option', () => {
    const args = parseArgs(['export', '--dry-run', '--out', 'x.xlsx']);
    expect(args.options.get('dry-run')).toBe(true);
    expect(text(args, 'out')).toBe('x.xlsx');
  });
});
