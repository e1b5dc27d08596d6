// The headless client: `npm run tafel -- <command> --relay <url> --token <device token> [options]`.
// It connects as the lid the token belongs to, through the relay, so the gate judges every change
// exactly as from the app; import and export use the same code as the browser (src/exchange).
// Exit codes: 0 done, 1 something was refused, 2 usage error, 3 relay unreachable or token refused.

import { onlyKnown, parseArgs, text, UsageError, type Args } from './args';
import { ClientError, openTafel } from './client';
import { EXIT_RELAY, EXIT_USAGE, type Command } from './command';
import { COMMANDS } from './commands';

function usage(): string {
  return [
    'usage: npm run tafel -- <command> --relay <url> --token <device token> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name} ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let args: Args;
  let command: Command | undefined;
  try {
    args = parseArgs(argv);
    command = COMMANDS.find((c) => c.name === args.command);
    if (!command) throw new UsageError(args.command ? `unknown command "${args.command}"` : 'no command given');
    onlyKnown(args, ['relay', 'token', ...command.options]);
    text(args, 'relay', true);
    text(args, 'token', true);
    command.check?.(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`${e.message}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  let client;
  try {
    client = await openTafel(text(args, 'relay', true), text(args, 'token', true));
  } catch (e) {
    if (!(e instanceof ClientError)) throw e;
    err(e.message);
    return EXIT_RELAY;
  }
  try {
    return await command.run(client, args, out);
  } catch (e) {
    if (e instanceof ClientError) {
      err(e.message);
      return EXIT_RELAY;
    }
    throw e;
  } finally {
    client.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  runCli(process.argv.slice(2), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(EXIT_RELAY);
    },
  );
}
