// When the relay accepted each frozen entry (peildata, besluitnummers), by the relay's clock. The
// rulebook lets the chair withdraw a peildatum within a day of this moment; the client's own
// clock and the envelope's time play no part, so a device with a wrong clock cannot stretch it.
// A storage module (server/storage-modules.ts), table frozen_accepted on either engine: a room
// loads its tafel's times with the document (the gate asks them synchronously) and records a new
// one in the write set of the update that creates the entry, so it commits with that update.

import type Database from 'better-sqlite3';
import type { RootName } from '../src/model/schema';
import { registerStorageModule, type ModuleWrite, type StorageHandle, type StorageModule } from './storage-modules';

const SQLITE_MIGRATIONS = [
  // IF NOT EXISTS: a database of the relay before migrations may already have this table; it is adopted.
  `
CREATE TABLE IF NOT EXISTS frozen_accepted (
  tafel_id TEXT NOT NULL,
  root TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (tafel_id, root, entity_id)
);
`,
] as const;

const POSTGRES_MIGRATIONS = [
  `
CREATE TABLE frozen_accepted (
  tafel_id TEXT NOT NULL,
  root TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (tafel_id, root, entity_id)
);
`,
] as const;

export const FROZEN_ACCEPTED_MODULE: StorageModule = {
  name: 'frozen-accepted',
  sqliteMigrations: SQLITE_MIGRATIONS,
  postgresMigrations: POSTGRES_MIGRATIONS,
};
// At import: the relay imports this (through rooms.ts) before it opens storage.
registerStorageModule(FROZEN_ACCEPTED_MODULE);

// A withdrawn peildatum may be frozen again under the same date: the new time replaces the old.
const SQL = {
  sqlite: {
    upsert: 'INSERT OR REPLACE INTO frozen_accepted (tafel_id, root, entity_id, at) VALUES (?, ?, ?, ?)',
    ofTafel: 'SELECT root, entity_id, at FROM frozen_accepted WHERE tafel_id = ?',
  },
  postgres: {
    upsert: `INSERT INTO frozen_accepted (tafel_id, root, entity_id, at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tafel_id, root, entity_id) DO UPDATE SET at = excluded.at`,
    ofTafel: 'SELECT root, entity_id, at FROM frozen_accepted WHERE tafel_id = $1',
  },
} as const;

const key = (root: RootName, entityId: string) => `${root}/${entityId}`;

/** When the relay accepted a tafel's frozen entries, as a room keeps them in memory. */
export class FrozenTijden {
  private readonly at = new Map<string, number>();

  constructor(rows: readonly { root: string; entity_id: string; at: number | string }[] = []) {
    for (const r of rows) this.at.set(`${r.root}/${r.entity_id}`, Number(r.at));
  }

  acceptedAt(root: RootName, entityId: string): number | undefined {
    return this.at.get(key(root, entityId));
  }

  /** After the write set that recorded it committed: the gate asks from then on. */
  remember(root: RootName, entityId: string, at: number): void {
    this.at.set(key(root, entityId), at);
  }
}

/** The acceptance times of one tafel, read when its room loads. */
export async function loadFrozenTijden(handle: StorageHandle, tafelId: string): Promise<FrozenTijden> {
  if (handle.engine === 'sqlite') {
    return new FrozenTijden(handle.db.prepare(SQL.sqlite.ofTafel).all(tafelId) as { root: string; entity_id: string; at: number }[]);
  }
  return new FrozenTijden((await handle.pool.query<{ root: string; entity_id: string; at: string }>(SQL.postgres.ofTafel, [tafelId])).rows);
}

/** The record of one acceptance, for the write set of the update that creates the entry. */
export function frozenAcceptedWrite(tafelId: string, root: RootName, entityId: string, at: number): ModuleWrite {
  return {
    module: FROZEN_ACCEPTED_MODULE.name,
    sqlite(db: Database.Database) {
      db.prepare(SQL.sqlite.upsert).run(tafelId, root, entityId, at);
    },
    async postgres(client) {
      await client.query(SQL.postgres.upsert, [tafelId, root, entityId, at]);
    },
  };
}
