// The storage engines the contract suite runs against, each opened on fresh, empty storage.
// SQLite: a temp data folder. Postgres: a throwaway cluster (helpers/postgres.ts), a new database
// per store. `reopen` opens a second handle on the same storage (another process's view).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RelayStorage } from '../../../server/storage';
import { PostgresStorage } from '../../../server/storage-postgres';
import { SqliteStorage } from '../../../server/storage-sqlite';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

export interface Hooks {
  readonly beforeCommit?: () => void;
}

export interface Store {
  /** Where it lives: AAN_TAFEL_DATA or AAN_TAFEL_DATABASE_URL for a child process. */
  readonly env: Record<string, string>;
  open(hooks?: Hooks): Promise<RelayStorage>;
  /** Runs raw SQL on this store outside the relay's storage (an operator with psql or sqlite3). */
  exec(sql: string): Promise<void>;
}

export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  start(): Promise<void>;
  fresh(): Promise<Store>;
  stop(): Promise<void>;
}

export function sqliteEngine(): Engine {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    async start() {},
    async fresh() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-contract-'));
      dirs.push(dir);
      return {
        env: { AAN_TAFEL_DATA: dir },
        open: async (hooks) => SqliteStorage.open(dir, hooks),
        async exec(sql) {
          const s = SqliteStorage.open(dir);
          try {
            s.db.exec(sql);
          } finally {
            await s.close();
          }
        },
      };
    },
    async stop() {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

export function postgresEngine(): Engine {
  let cluster: TestPostgres | undefined;
  return {
    name: 'postgres',
    async start() {
      cluster = await startPostgres();
    },
    async fresh() {
      if (!cluster) throw new Error('postgres engine not started');
      const url = await cluster.createDatabase();
      return {
        env: { AAN_TAFEL_DATABASE_URL: url },
        open: (hooks) => PostgresStorage.open(url, hooks),
        async exec(sql) {
          const s = await PostgresStorage.open(url);
          try {
            await s.pool.query(sql);
          } finally {
            await s.close();
          }
        },
      };
    },
    async stop() {
      await cluster?.stop();
    },
  };
}
