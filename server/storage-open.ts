// Opens the storage engine the configuration asks for: Postgres when AAN_TAFEL_DATABASE_URL is
// set, else the embedded SQLite file in the data folder.

import type { Config } from './config';
import type { RelayStorage } from './storage';
import { PostgresStorage } from './storage-postgres';
import { SqliteStorage } from './storage-sqlite';

export async function openStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<RelayStorage> {
  if (config.databaseUrl !== null) return PostgresStorage.open(config.databaseUrl);
  return SqliteStorage.open(config.dataDir);
}
