// One way for a storage module (server/storage-modules.ts) to run the same SQL on either engine:
// statements use `?` placeholders (turned into $1, $2, ... for Postgres) and quoted column aliases,
// which both engines read alike. Reads go to the engine handle; a module's own multi-statement
// change runs in a transaction of its own (transactionOn).

import type Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { inPostgresTransaction } from './pg-transaction';
import type { StorageHandle } from './storage-modules';

export interface ModuleSql {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Returns how many rows changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/** `?` -> `$n` (the statements of this module carry no `?` inside string literals). */
export function postgresPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function sqliteSql(db: Database.Database): ModuleSql {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => db.prepare(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) => db.prepare(sql).run(...params).changes,
  };
}

export function postgresSql(client: Pick<PoolClient, 'query'>): ModuleSql {
  return {
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(postgresPlaceholders(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: readonly unknown[] = []) => (await client.query(postgresPlaceholders(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly unknown[] = []) => (await client.query(postgresPlaceholders(sql), [...params])).rowCount ?? 0,
  };
}

/** Reads outside a transaction. */
export function readerOn(handle: StorageHandle): ModuleSql {
  return handle.engine === 'sqlite' ? sqliteSql(handle.db) : postgresSql(handle.pool);
}

/**
 * Runs `fn` in a transaction of its own. On SQLite the connection is the relay's one connection and
 * better-sqlite3 answers synchronously, so the statements' promises are resolved already: as long
 * as `fn` awaits nothing else, the whole transaction runs in the microtasks of one callback, and
 * Node runs no other callback (another request, a batch COMMIT from setImmediate) in between.
 */
export async function transactionOn<T>(handle: StorageHandle, fn: (sql: ModuleSql) => Promise<T>): Promise<T> {
  if (handle.engine === 'sqlite') {
    const db = handle.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(sqliteSql(db));
      db.exec('COMMIT');
      return result;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }
  return inPostgresTransaction(handle.pool, (client) => fn(postgresSql(client)));
}
