// Opens the storage engine the configuration asks for (Postgres when AAN_TAFEL_DATABASE_URL is
// set, else the embedded SQLite file in the data folder), and for the relay the cluster that goes
// with it (server/cluster.ts): leases and LISTEN/NOTIFY on Postgres, one lone process on SQLite.

import type { Cluster } from './cluster';
import { LocalCluster } from './cluster';
import { newRelayId, PostgresCluster } from './cluster-postgres';
import type { Config } from './config';
import type { Log } from './log';
import type { RelayStorage } from './storage';
import { PostgresStorage } from './storage-postgres';
import { SqliteStorage } from './storage-sqlite';

/** Storage alone, without leases (the admin CLI). */
export async function openStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Promise<RelayStorage> {
  if (config.databaseUrl !== null) return PostgresStorage.open(config.databaseUrl);
  return SqliteStorage.open(config.dataDir);
}

/** Storage and cluster of a relay process listening on `port`. */
export async function openRelayStorage(config: Config, port: number, log: Log): Promise<{ storage: RelayStorage; cluster: Cluster }> {
  if (config.databaseUrl === null) return { storage: SqliteStorage.open(config.dataDir), cluster: new LocalCluster() };
  const relayId = newRelayId();
  const storage = await PostgresStorage.open(config.databaseUrl, { relayId });
  try {
    const cluster = await PostgresCluster.start({
      pool: storage.pool,
      url: config.databaseUrl,
      relayId,
      internalUrl: config.internalUrl ?? `http://127.0.0.1:${port}`,
      leaseMs: config.leaseMs,
      log,
    });
    return { storage, cluster };
  } catch (e) {
    await storage.close();
    throw e;
  }
}
