// What the HTTP API, the websocket upgrade and the CLI share: configuration, storage, rooms, log.

import type { Config } from './config';
import type { Cluster } from './cluster';
import type { Log } from './log';
import type { Rooms } from './rooms';
import type { RelayStorage } from './storage';

export interface RelayContext {
  readonly config: Config;
  readonly storage: RelayStorage;
  readonly rooms: Rooms;
  /** Leases and the bus between relay processes (server/cluster.ts). */
  readonly cluster: Cluster;
  readonly log: Log;
  readonly startedAt: number;
}
