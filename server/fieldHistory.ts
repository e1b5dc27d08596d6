// Per-field history of a tafel (issue 16): every accepted write of a plain field, with the value
// before and after, who wrote it and when, kept by the relay in SQLite in the same transaction as
// the accepted update (gate.ts calls recordWrites inside Room.commit's batched write). Served to the
// leden of the tafel (GET /api/tafels/:id/history), also as the state of a root on a date
// (/history/as-of), so the planmonitor can be read as it was. Its own table on the relay's database
// handle; issue 18 will fold it into the storage interface.

import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { envelopeAt, isEnvelope, type RootName } from '../src/model';
import type { WriteIntent } from '../src/ownership/rulebook';

const SCHEMA = `
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
`;

export interface HistoryEntry {
  readonly id: number;
  readonly root: string;
  /** '' for the tafel settings */
  readonly entityId: string;
  readonly field: string;
  /** the value before and after (null: empty or removed) */
  readonly from: unknown;
  readonly to: unknown;
  readonly lidId: string;
  readonly partijId: string | null;
  /** the writer's clock (as in the document's provenance) */
  readonly at: number;
  /** when the relay accepted it: what "as of a date" goes by */
  readonly receivedAt: number;
}

/** One field's change, resolved before the update is applied (the old value is still in the doc). */
export interface PendingChange {
  readonly root: RootName;
  readonly entityId: string;
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly lidId: string;
  readonly partijId: string | null;
  readonly at: number;
}

type Statements = ReturnType<typeof prepare>;
const prepared = new WeakMap<Database.Database, Statements>();

function prepare(db: Database.Database) {
  db.exec(SCHEMA);
  return {
    insert: db.prepare(
      `INSERT INTO field_history (tafel_id, root, entity_id, field, old_json, new_json, lid_id, partij_id, at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ofField: db.prepare(
      `SELECT * FROM field_history WHERE tafel_id = ? AND root = ? AND entity_id = ? AND field = ? ORDER BY id DESC LIMIT ?`,
    ),
    ofEntity: db.prepare(`SELECT * FROM field_history WHERE tafel_id = ? AND root = ? AND entity_id = ? ORDER BY id DESC LIMIT ?`),
    asOf: db.prepare(
      `SELECT h.* FROM field_history h
         JOIN (SELECT MAX(id) AS id FROM field_history WHERE tafel_id = ? AND root = ? AND received_at <= ? GROUP BY entity_id, field) last
           ON h.id = last.id`,
    ),
  };
}

/**
 * Creates the table when missing (idempotent) and prepares the statements. Storage calls it when it
 * opens the database, outside any transaction: created inside a batch that is then rolled back,
 * the table would vanish under the cached statements.
 */
export function fieldHistory(db: Database.Database): Statements {
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  return s;
}

/** What the writes of an accepted update change, read from the document before it is applied. */
export function pendingChanges(doc: Y.Doc, writes: readonly WriteIntent[], lidId: string, partijId: string | null, now: number): PendingChange[] {
  const out: PendingChange[] = [];
  for (const w of writes) {
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

/** Stores the changes; runs inside the batched write of the accepted update (same transaction). */
export function recordChanges(db: Database.Database, tafelId: string, changes: readonly PendingChange[], receivedAt: number): void {
  if (changes.length === 0) return;
  const { insert } = fieldHistory(db);
  for (const c of changes) {
    insert.run(tafelId, c.root, c.entityId, c.field, json(c.from), json(c.to), c.lidId, c.partijId, c.at, receivedAt);
  }
}

export function historyOf(db: Database.Database, tafelId: string, q: { root: string; entityId: string; field?: string; limit: number }): HistoryEntry[] {
  const s = fieldHistory(db);
  const rows = q.field === undefined ? s.ofEntity.all(tafelId, q.root, q.entityId, q.limit) : s.ofField.all(tafelId, q.root, q.entityId, q.field, q.limit);
  return (rows as Row[]).map(entry);
}

/** The last value of every field of `root` that the relay had accepted at `at` (ms). */
export function stateAsOf(db: Database.Database, tafelId: string, root: string, at: number): HistoryEntry[] {
  return (fieldHistory(db).asOf.all(tafelId, root, at) as Row[]).map(entry);
}

interface Row {
  id: number;
  root: string;
  entity_id: string;
  field: string;
  old_json: string | null;
  new_json: string | null;
  lid_id: string;
  partij_id: string | null;
  at: number;
  received_at: number;
}

function json(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}

function entry(r: Row): HistoryEntry {
  return {
    id: r.id,
    root: r.root,
    entityId: r.entity_id,
    field: r.field,
    from: r.old_json === null ? null : (JSON.parse(r.old_json) as unknown),
    to: r.new_json === null ? null : (JSON.parse(r.new_json) as unknown),
    lidId: r.lid_id,
    partijId: r.partij_id,
    at: r.at,
    receivedAt: r.received_at,
  };
}
