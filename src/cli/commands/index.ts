// The CLI's commands. A new command: a file in this folder exporting a Command, listed here.

import type { Command } from '../command';
import { escalaties } from './escalaties';
import { exportCommand } from './export';
import { importCommand } from './import';
import { show } from './show';

export const COMMANDS: readonly Command[] = [exportCommand, importCommand, show, escalaties];
