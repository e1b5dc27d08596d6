// The admin CLI's argument parsing. Values such as device tokens are base64url and may start with
// "-" (one token in 64): node's parseArgs refuses `--token -abc…` as ambiguous, which made
// `revoke-token` fail at random. An option that takes a value takes the next argument whatever it
// starts with, unless that argument is itself one of our options.

import { parseArgs } from 'node:util';

const STRING_OPTIONS = [
  'name', 'regio', 'chair', 'tafel', 'lid', 'token', 'out', 'soort', 'provincies', 'woondealregio',
  'boven', 'met', 'met-lid', 'persoon', 'from',
] as const;

type StringOption = (typeof STRING_OPTIONS)[number];

export interface AdminArgs {
  readonly positionals: readonly string[];
  readonly values: Partial<Record<StringOption, string>> & { help?: boolean };
}

function isOurOption(arg: string): boolean {
  const name = arg.replace(/^--?/, '').split('=', 1)[0]!;
  return arg.startsWith('-') && (name === 'h' || name === 'help' || (STRING_OPTIONS as readonly string[]).includes(name));
}

/** `--token -abc` becomes `--token=-abc`, so parseArgs reads the value instead of refusing it. */
function joinValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && (STRING_OPTIONS as readonly string[]).includes(name) && next !== undefined && !isOurOption(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Throws parseArgs' own error (with its message) on unknown options or missing values. */
export function parseAdminArgs(argv: readonly string[]): AdminArgs {
  const options = Object.fromEntries(STRING_OPTIONS.map((o) => [o, { type: 'string' as const }]));
  const parsed = parseArgs({
    args: joinValues(argv),
    allowPositionals: true,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
  });
  return { positionals: parsed.positionals, values: parsed.values as AdminArgs['values'] };
}
