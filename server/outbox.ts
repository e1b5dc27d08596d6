// The relay's outbox (docs/network.md): what one tafel's document sends to another. A message is
// recorded in the same SQLite transaction as the accepted update that causes it (the room's
// batched write), so an accepted escalation is never lost and never sent without being accepted.
// The carrier (server/carrier.ts) delivers each message into the other document and marks it done
// in the same transaction as that delivery: exactly once, also across a SIGKILL (replayed at start).
// It shares the storage's database handle; its own table, its own statements.

import type Database from 'better-sqlite3';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  bron_tafel TEXT NOT NULL,
  -- what caused it, unique per source tafel: a repeated trigger records nothing new
  bron_sleutel TEXT NOT NULL,
  soort TEXT NOT NULL,
  -- null: the linked landelijke tafel of bron_tafel, resolved when delivered
  doel_tafel TEXT,
  -- 1: delivered only over an active link between bron_tafel and doel_tafel
  via_koppeling INTEGER NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  done_at INTEGER,
  outcome TEXT,
  UNIQUE (bron_tafel, bron_sleutel)
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(done_at, id);
`;

export type OutboxSoort = 'escalatie' | 'reactie' | 'terugmelding' | 'afsluiting' | 'koppeling';

export interface OutboxMessage {
  readonly id: number;
  readonly bronTafel: string;
  readonly bronSleutel: string;
  readonly soort: OutboxSoort;
  readonly doelTafel: string | null;
  readonly viaKoppeling: boolean;
  readonly payload: unknown;
  readonly createdAt: number;
  readonly doneAt: number | null;
  readonly outcome: string | null;
}

export interface NewOutboxMessage {
  readonly bronTafel: string;
  readonly bronSleutel: string;
  readonly soort: OutboxSoort;
  readonly doelTafel: string | null;
  readonly viaKoppeling: boolean;
  readonly payload: unknown;
}

interface Row {
  id: number;
  bron_tafel: string;
  bron_sleutel: string;
  soort: OutboxSoort;
  doel_tafel: string | null;
  via_koppeling: number;
  payload: string;
  created_at: number;
  done_at: number | null;
  outcome: string | null;
}

const fromRow = (r: Row): OutboxMessage => ({
  id: r.id,
  bronTafel: r.bron_tafel,
  bronSleutel: r.bron_sleutel,
  soort: r.soort,
  doelTafel: r.doel_tafel,
  viaKoppeling: r.via_koppeling === 1,
  payload: JSON.parse(r.payload) as unknown,
  createdAt: r.created_at,
  doneAt: r.done_at,
  outcome: r.outcome,
});

export class Outbox {
  private readonly sql;

  constructor(db: Database.Database) {
    db.exec(SCHEMA_SQL);
    this.sql = {
      insert: db.prepare(
        `INSERT OR IGNORE INTO outbox (bron_tafel, bron_sleutel, soort, doel_tafel, via_koppeling, payload, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      pending: db.prepare('SELECT * FROM outbox WHERE done_at IS NULL ORDER BY id LIMIT ?'),
      markDone: db.prepare('UPDATE outbox SET done_at = ?, outcome = ? WHERE id = ? AND done_at IS NULL'),
      reopen: db.prepare(
        `UPDATE outbox SET done_at = NULL, outcome = NULL
         WHERE outcome = 'geen koppeling' AND via_koppeling = 1 AND soort = 'escalatie' AND bron_tafel = ?`,
      ),
      all: db.prepare('SELECT * FROM outbox WHERE bron_tafel = ? OR doel_tafel = ? ORDER BY id'),
    };
  }

  /** Inside the transaction of the write that causes it. True when it is new. */
  enqueue(m: NewOutboxMessage, now: number): boolean {
    return this.sql.insert.run(m.bronTafel, m.bronSleutel, m.soort, m.doelTafel, m.viaKoppeling ? 1 : 0, JSON.stringify(m.payload), now).changes > 0;
  }

  pending(limit = 100): OutboxMessage[] {
    return (this.sql.pending.all(limit) as Row[]).map(fromRow);
  }

  /** Inside the transaction of the delivery. False when it was done already. */
  markDone(id: number, outcome: string, now: number): boolean {
    return this.sql.markDone.run(now, outcome, id).changes > 0;
  }

  /** A new link: escalations that found no link before may go now. Returns how many. */
  reopenUnlinked(bronTafel: string): number {
    return this.sql.reopen.run(bronTafel).changes;
  }

  /** Every message from or to a tafel (admin, tests). */
  forTafel(tafelId: string): OutboxMessage[] {
    return (this.sql.all.all(tafelId, tafelId) as Row[]).map(fromRow);
  }
}
