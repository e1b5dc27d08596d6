// The shape of a CLI command. Add one by writing a file under commands/ and listing it in
// commands/index.ts; main.ts does the rest (usage text, exit codes, connecting to the relay).

import type { Args } from './args';
import type { TafelClient } from './client';

export const EXIT_OK = 0;
/** something the lid asked for was refused (by ownership, a value or the relay) */
export const EXIT_REFUSED = 1;
export const EXIT_USAGE = 2;
/** the relay could not be reached or did not accept the device token */
export const EXIT_RELAY = 3;

export interface Command {
  readonly name: string;
  /** one line: the arguments after the command name */
  readonly usage: string;
  readonly summary: string;
  /** options besides --relay and --token */
  readonly options: readonly string[];
  /** checks the arguments before connecting; throws UsageError */
  check?(args: Args): void;
  run(client: TafelClient, args: Args, out: (line: string) => void): Promise<number>;
}
