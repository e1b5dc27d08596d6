// Opens the storage engine the configuration asks for (Postgres when AAN_TAFEL_DATABASE_URL is
// set, else the embedded SQLite file in the data folder), and for the relay the cluster that goes
// with it (server/cluster.ts): leases and LISTEN/NOTIFY on Postgres, one lone process on SQLite.
// The Postgres modules (and the pg client) are loaded only when configured: the embedded default
// and the admin CLI start as fast as before.

import type { Cluster } from './cluster';
import { LocalCluster } from './cluster';
import type { Config } from './config';
import type { Log } from './log';
import type { RelayStorage } from './storage';
import { SqliteStorage } from './storage-sqlite';

/** Storage alone, without leases (the admin CLI). */
export async function openStorage(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'sqliteSynchronous'>): Promise<RelayStorage> {
  if (config.databaseUrl === null) return SqliteStorage.open(config.dataDir, {}, config.sqliteSynchronous);
  const { PostgresStorage } = await import('./storage-postgres');
  return PostgresStorage.open(config.databaseUrl);
}

/** Storage and cluster of a relay process listening on `port`. */
export async function openRelayStorage(config: Config, port: number, log: Log): Promise<{ storage: RelayStorage; cluster: Cluster }> {
  if (config.databaseUrl === null) return { storage: SqliteStorage.open(config.dataDir, {}, config.sqliteSynchronous), cluster: new LocalCluster() };
  const [{ PostgresStorage }, { newRelayId, PostgresCluster }] = await Promise.all([import('./storage-postgres'), import('./cluster-postgres')]);
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
