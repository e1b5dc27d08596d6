// The slot through which other relay modules keep tables of their own in the relay's database,
// written in the same transaction as the update that causes them: the escalation outbox (issue 14)
// and field history (issue 16) each register one StorageModule. A module brings its schema
// migrations for both engines and, for each write, what to run on each engine; a room records such
// a write with RoomWrites.module() and it commits (or is rolled back) with the room's write set.
// The module reads its tables through the engine handle it is given (StorageHandle).

import type Database from 'better-sqlite3';
import type { PoolClient, Pool } from 'pg';

/** The engine a module's reads and writes run on. */
export type StorageHandle =
  | { readonly engine: 'sqlite'; readonly db: Database.Database }
  | { readonly engine: 'postgres'; readonly pool: Pool };

/** One write of a module's table, for whichever engine runs; applied in the batch's transaction. */
export interface ModuleWrite {
  readonly module: string;
  sqlite(db: Database.Database): void;
  postgres(client: PoolClient): Promise<void>;
  /**
   * Optional, for writes that come with nearly every update (field history): how the writes of
   * this kind from all write sets of a batch go to Postgres as one statement. Each statement is a
   * round trip to the database; without this, each write is one.
   */
  readonly postgresMerge?: PostgresMerge;
}

/** Writes with the same `kind` in one batch are run together by the first one's `run`, in batch order. */
export interface PostgresMerge {
  readonly kind: string;
  run(client: PoolClient, all: readonly PostgresMerge[]): Promise<void>;
}

export interface StorageModule {
  /** Unique; also the key of the module's migration counter (table schema_migrations). */
  readonly name: string;
  /** Ordered: the n-th entry moves the module's tables from version n to n+1. Never edit a released one. */
  readonly sqliteMigrations: readonly string[];
  readonly postgresMigrations: readonly string[];
}

const registered = new Map<string, StorageModule>();

/** Registers a module; its migrations run when storage opens. Called at import time by the module. */
export function registerStorageModule(module: StorageModule): void {
  const existing = registered.get(module.name);
  if (existing && existing !== module) throw new Error(`storage module "${module.name}" registered twice`);
  registered.set(module.name, module);
}

export function storageModules(): readonly StorageModule[] {
  return [...registered.values()];
}
