// What the HTTP API, the websocket upgrade and the CLI share: configuration, storage, rooms, log.

import type { Config } from './config';
import type { Log } from './log';
import type { Rooms } from './rooms';
import type { RelayStorage } from './storage';

export interface RelayContext {
  readonly config: Config;
  readonly storage: RelayStorage;
  readonly rooms: Rooms;
  readonly log: Log;
  readonly startedAt: number;
}
