// Command-line arguments: `<command> --name value --flag`. Small on purpose: every command
// declares the options it takes, and anything else is a usage error (exit code 2).

export interface Args {
  readonly command: string | undefined;
  readonly options: ReadonlyMap<string, string | true>;
}

export class UsageError extends Error {}

/**
 * Option names are lowercase words (`--relay`, `--met-lid`). A value such as a device token is
 * base64url and may itself start with "--", so only a whole lowercase word counts as the next option.
 */
function isOptionName(arg: string): boolean {
  return /^--[a-z][a-z-]*(=.*)?$/.test(arg);
}

export function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const next = rest[i + 1];
    if (inline !== undefined) options.set(name, inline);
    else if (next !== undefined && !isOptionName(next)) {
      options.set(name, next);
      i++;
    } else options.set(name, true);
  }
  return { command: command?.startsWith('--') ? undefined : command, options };
}

export function text(args: Args, name: string, required: true): string;
export function text(args: Args, name: string, required?: false): string | undefined;
export function text(args: Args, name: string, required = false): string | undefined {
  const v = args.options.get(name);
  if (v === undefined) {
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  }
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function flag(args: Args, name: string): boolean {
  const v = args.options.get(name);
  if (v === undefined) return false;
  if (v !== true) throw new UsageError(`--${name} takes no value`);
  return true;
}

/** Every option must be one the command knows. */
export function onlyKnown(args: Args, known: readonly string[]): void {
  for (const k of args.options.keys()) if (!known.includes(k)) throw new UsageError(`unknown option --${k}`);
}
