// Per-field history of a tafel (issue 16): every accepted write of a plain field (and, for a
// deleted entity, each of its fields going to empty), with the value before and after, who wrote it
// and when, kept by the relay in the same transaction as the accepted update: Room.receive records
// it in the room's write set (a module write, see server/storage-modules.ts), so it commits, or is
// rolled back, with the update and its audit row. Served to the leden of the tafel
// (GET /api/tafels/:id/history), also as the state of a root on a date (/history/as-of, with each
// field's first change after it), so the planmonitor can be read as it was. A storage module of its
// own: table field_history on either engine (SQLite or Postgres).

import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { envelopeAt, isEnvelope, type RootName, type VeldWijziging } from '../src/model';
import { root } from '../src/model/doc';
import type { WriteIntent } from '../src/ownership/rulebook';
import type { RoomWrites } from './groupcommit';
import type { PoolClient } from 'pg';
import { registerStorageModule, type ModuleWrite, type PostgresMerge, type StorageHandle, type StorageModule } from './storage-modules';
import type { HistoryEntry } from '../src/protocol/history';

// Values are stored as JSON text (not Postgres JSONB): JSONB refuses the \u0000 a client may type,
// and a refused insert would fail the room's whole write set.
const SQLITE_MIGRATIONS = [
  // IF NOT EXISTS: a database of the relay before migrations already has this table; it is adopted.
  `
CREATE TABLE IF NOT EXISTS field_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tafel_id TEXT NOT NULL,
  root TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_json TEXT,
  new_json TEXT,
  lid_id TEXT NOT NULL,
  partij_id TEXT,
  at INTEGER NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS field_history_by_field ON field_history(tafel_id, root, entity_id, field, id);
CREATE INDEX IF NOT EXISTS field_history_by_time ON field_history(tafel_id, root, received_at);
`,
] as const;

const POSTGRES_MIGRATIONS = [
  `
CREATE TABLE field_history (
  id BIGSERIAL PRIMARY KEY,
  tafel_id TEXT NOT NULL,
  root TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field TEXT NOT NULL,
  old_json TEXT,
  new_json TEXT,
  lid_id TEXT NOT NULL,
  partij_id TEXT,
  -- the writer's clock: any finite number a device claims, not only whole milliseconds
  at DOUBLE PRECISION NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX field_history_by_field ON field_history(tafel_id, root, entity_id, field, id);
CREATE INDEX field_history_by_time ON field_history(tafel_id, root, received_at);
`,
] as const;

export const FIELD_HISTORY_MODULE: StorageModule = {
  name: 'field-history',
  sqliteMigrations: SQLITE_MIGRATIONS,
  postgresMigrations: POSTGRES_MIGRATIONS,
};
// At import: the relay imports this (through rooms.ts) before it opens storage, whose migrations
// then create the table, outside any batch.
registerStorageModule(FIELD_HISTORY_MODULE);

/** One field's change, resolved before the update is applied (the old value is still in the doc). */
export interface PendingChange extends VeldWijziging {
  readonly root: RootName;
}

const COLUMNS = 'tafel_id, root, entity_id, field, old_json, new_json, lid_id, partij_id, at, received_at';

const SQL = {
  sqlite: {
    insert: `INSERT INTO field_history (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ofField: `SELECT * FROM field_history WHERE tafel_id = ? AND root = ? AND entity_id = ? AND field = ? ORDER BY id DESC LIMIT ?`,
    ofEntity: `SELECT * FROM field_history WHERE tafel_id = ? AND root = ? AND entity_id = ? ORDER BY id DESC LIMIT ?`,
    asOf: `SELECT h.* FROM field_history h
             JOIN (SELECT MAX(id) AS id FROM field_history WHERE tafel_id = ? AND root = ? AND received_at <= ? GROUP BY entity_id, field) last
               ON h.id = last.id
           ORDER BY h.id`,
    firstAfter: `SELECT h.* FROM field_history h
             JOIN (SELECT MIN(id) AS id FROM field_history WHERE tafel_id = ? AND root = ? AND received_at > ? GROUP BY entity_id, field) first
               ON h.id = first.id
           ORDER BY h.id`,
  },
  postgres: {
    // One statement for all the changes of a batch (every update in it, every tafel): one round trip.
    insert: `INSERT INTO field_history (${COLUMNS})
             SELECT t, r, e, f, o, n, l, p, a, ra
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::float8[], $10::bigint[])
               WITH ORDINALITY AS u(t, r, e, f, o, n, l, p, a, ra, i)
             ORDER BY i`,
    ofField: `SELECT * FROM field_history WHERE tafel_id = $1 AND root = $2 AND entity_id = $3 AND field = $4 ORDER BY id DESC LIMIT $5`,
    ofEntity: `SELECT * FROM field_history WHERE tafel_id = $1 AND root = $2 AND entity_id = $3 ORDER BY id DESC LIMIT $4`,
    asOf: `SELECT h.* FROM field_history h
             JOIN (SELECT MAX(id) AS id FROM field_history WHERE tafel_id = $1 AND root = $2 AND received_at <= $3 GROUP BY entity_id, field) last
               ON h.id = last.id
           ORDER BY h.id`,
    firstAfter: `SELECT h.* FROM field_history h
             JOIN (SELECT MIN(id) AS id FROM field_history WHERE tafel_id = $1 AND root = $2 AND received_at > $3 GROUP BY entity_id, field) first
               ON h.id = first.id
           ORDER BY h.id`,
  },
} as const;

/** SQLite statements, prepared once per database handle (the table exists once storage is open). */
const prepared = new WeakMap<Database.Database, Record<keyof typeof SQL.sqlite, Database.Statement>>();

function statements(db: Database.Database): Record<keyof typeof SQL.sqlite, Database.Statement> {
  let s = prepared.get(db);
  if (!s) {
    s = {
      insert: db.prepare(SQL.sqlite.insert),
      ofField: db.prepare(SQL.sqlite.ofField),
      ofEntity: db.prepare(SQL.sqlite.ofEntity),
      asOf: db.prepare(SQL.sqlite.asOf),
      firstAfter: db.prepare(SQL.sqlite.firstAfter),
    };
    prepared.set(db, s);
  }
  return s;
}

/** What the writes of an accepted update change, read from the document before it is applied. */
export function pendingChanges(doc: Y.Doc, writes: readonly WriteIntent[], lidId: string, partijId: string | null, now: number): PendingChange[] {
  const out: PendingChange[] = [];
  for (const w of writes) {
    if (w.op === 'deleteEntity') {
      // Every field of a deleted entity goes to empty, so the monitor as of a later date leaves it out.
      const map = root(doc, w.root).get(w.entityId);
      if (!(map instanceof Y.Map)) continue;
      for (const [key, stored] of map.entries()) {
        if (isEnvelope(stored)) out.push({ root: w.root, entityId: w.entityId, field: key, from: stored.v, to: null, lidId, partijId, at: now });
      }
      continue;
    }
    if (w.op !== 'setField' && w.op !== 'deleteField') continue;
    const before = envelopeAt(doc, w.root, w.entityId, w.key);
    const stored = w.op === 'setField' && isEnvelope(w.stored) ? w.stored : null;
    const from = before?.v ?? null;
    const to = stored ? stored.v : null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    out.push({
      root: w.root,
      entityId: w.entityId ?? '',
      field: w.key,
      from,
      to,
      lidId: stored?.by ?? lidId,
      partijId: stored?.p ?? partijId,
      at: stored?.at ?? now,
    });
  }
  return out;
}

/**
 * Records the changes in the room's write set of the accepted update (Room.commit): they commit in
 * the same transaction as the update and its audit row, or not at all.
 */
export function recordChanges(writes: RoomWrites, tafelId: string, changes: readonly PendingChange[], receivedAt: number): void {
  if (changes.length > 0) writes.module(historyWrite(tafelId, changes, receivedAt));
}

type HistoryRow = PendingChange & { readonly tafelId: string; readonly receivedAt: number; readonly old: string | null; readonly new: string | null };

/** The rows of every history write of a Postgres batch, in order, in one statement. */
class HistoryInsert implements PostgresMerge {
  readonly kind = FIELD_HISTORY_MODULE.name;

  constructor(readonly rows: readonly HistoryRow[]) {}

  async run(client: PoolClient, all: readonly PostgresMerge[]): Promise<void> {
    const rows = all.flatMap((m) => (m as HistoryInsert).rows);
    await client.query(SQL.postgres.insert, [
      rows.map((c) => c.tafelId),
      rows.map((c) => c.root),
      rows.map((c) => c.entityId),
      rows.map((c) => c.field),
      rows.map((c) => c.old),
      rows.map((c) => c.new),
      rows.map((c) => c.lidId),
      rows.map((c) => c.partijId),
      rows.map((c) => c.at),
      rows.map((c) => c.receivedAt),
    ]);
  }
}

/** The insert of the changes, for whichever engine commits the batch. */
export function historyWrite(tafelId: string, changes: readonly PendingChange[], receivedAt: number): ModuleWrite {
  const insert = new HistoryInsert(changes.map((c) => ({ ...c, tafelId, receivedAt, old: json(c.from), new: json(c.to) })));
  return {
    module: FIELD_HISTORY_MODULE.name,
    sqlite(db) {
      const s = statements(db);
      for (const c of insert.rows) s.insert.run(tafelId, c.root, c.entityId, c.field, c.old, c.new, c.lidId, c.partijId, c.at, receivedAt);
    },
    postgres: (client) => insert.run(client, [insert]),
    postgresMerge: insert,
  };
}

/**
 * The changes of one field (newest first), or of every field of one entity. Reads what is
 * committed: callers that must see the writes just made wait for the batch first (batch.settled()).
 */
export async function historyOf(
  handle: StorageHandle,
  tafelId: string,
  q: { root: string; entityId: string; field?: string; limit: number },
): Promise<HistoryEntry[]> {
  if (handle.engine === 'sqlite') {
    const s = statements(handle.db);
    const rows = q.field === undefined ? s.ofEntity.all(tafelId, q.root, q.entityId, q.limit) : s.ofField.all(tafelId, q.root, q.entityId, q.field, q.limit);
    return (rows as Row[]).map(entry);
  }
  const r =
    q.field === undefined
      ? await handle.pool.query<Row>(SQL.postgres.ofEntity, [tafelId, q.root, q.entityId, q.limit])
      : await handle.pool.query<Row>(SQL.postgres.ofField, [tafelId, q.root, q.entityId, q.field, q.limit]);
  return r.rows.map(entry);
}

/** The last value of every field of `root` that the relay had accepted at `at` (ms). */
export async function stateAsOf(handle: StorageHandle, tafelId: string, root: string, at: number): Promise<HistoryEntry[]> {
  if (handle.engine === 'sqlite') return (statements(handle.db).asOf.all(tafelId, root, at) as Row[]).map(entry);
  return (await handle.pool.query<Row>(SQL.postgres.asOf, [tafelId, root, at])).rows.map(entry);
}

/**
 * The first change after `at` (ms) of every field of `root`: its `from` is the value the field had
 * at `at` when the relay kept no change of it before (a value from before the history was kept).
 */
export async function firstChangesAfter(handle: StorageHandle, tafelId: string, root: string, at: number): Promise<HistoryEntry[]> {
  if (handle.engine === 'sqlite') return (statements(handle.db).firstAfter.all(tafelId, root, at) as Row[]).map(entry);
  return (await handle.pool.query<Row>(SQL.postgres.firstAfter, [tafelId, root, at])).rows.map(entry);
}

/** A row as either engine returns it: Postgres gives BIGINT columns as strings. */
interface Row {
  id: number | string;
  root: string;
  entity_id: string;
  field: string;
  old_json: string | null;
  new_json: string | null;
  lid_id: string;
  partij_id: string | null;
  at: number | string;
  received_at: number | string;
}

function json(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}

function entry(r: Row): HistoryEntry {
  return {
    id: Number(r.id),
    root: r.root,
    entityId: r.entity_id,
    field: r.field,
    from: r.old_json === null ? null : (JSON.parse(r.old_json) as unknown),
    to: r.new_json === null ? null : (JSON.parse(r.new_json) as unknown),
    lidId: r.lid_id,
    partijId: r.partij_id,
    at: Number(r.at),
    receivedAt: Number(r.received_at),
  };
}
