// The relay's outbox (docs/network.md): what one tafel's document sends to another. A message is
// recorded in the same transaction as the accepted update that causes it (a ModuleWrite in the
// room's batched write set, server/storage-modules.ts), so an accepted escalation is never lost
// and never sent without being accepted. The carrier (server/carrier.ts) delivers each message
// into the other document and marks it done in the same transaction as that delivery: exactly
// once, also across a SIGKILL (replayed at start). A storage module: its table lives in the
// relay's database on either engine.

import type { ModuleWrite } from './storage-modules';
import { registerStorageModule } from './storage-modules';
import { postgresSql, readerOn, type ModuleSql } from './module-sql';
import type { StorageHandle } from './storage-modules';

/** The cluster bus topic (server/cluster.ts) that tells the holder of a tafel to deliver its outbox. */
export const OUTBOX_TOPIC = 'outbox';

registerStorageModule({
  name: 'outbox',
  sqliteMigrations: [
    `CREATE TABLE IF NOT EXISTS outbox (
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
    CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(done_at, id);`,
  ],
  postgresMigrations: [
    `CREATE TABLE IF NOT EXISTS outbox (
      id BIGSERIAL PRIMARY KEY,
      bron_tafel TEXT NOT NULL,
      bron_sleutel TEXT NOT NULL,
      soort TEXT NOT NULL,
      doel_tafel TEXT,
      via_koppeling INTEGER NOT NULL,
      payload TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      done_at BIGINT,
      outcome TEXT,
      UNIQUE (bron_tafel, bron_sleutel)
    );
    CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(done_at, id);`,
  ],
});

/** 'bezorging': the relay's own note back to the source that its escalation or rapportage arrived. */
export type OutboxSoort = 'escalatie' | 'reactie' | 'terugmelding' | 'afsluiting' | 'koppeling' | 'bezorging' | 'rapportage';

export interface NewOutboxMessage {
  readonly bronTafel: string;
  readonly bronSleutel: string;
  readonly soort: OutboxSoort;
  readonly doelTafel: string | null;
  readonly viaKoppeling: boolean;
  readonly payload: unknown;
}

export interface OutboxMessage extends NewOutboxMessage {
  readonly id: number;
  readonly createdAt: number;
  readonly doneAt: number | null;
  readonly outcome: string | null;
}

interface Row {
  id: number | string;
  bron_tafel: string;
  bron_sleutel: string;
  soort: OutboxSoort;
  doel_tafel: string | null;
  via_koppeling: number;
  payload: string;
  created_at: number | string;
  done_at: number | string | null;
  outcome: string | null;
}

// Postgres hands BIGINT back as a string.
const fromRow = (r: Row): OutboxMessage => ({
  id: Number(r.id),
  bronTafel: r.bron_tafel,
  bronSleutel: r.bron_sleutel,
  soort: r.soort,
  doelTafel: r.doel_tafel,
  viaKoppeling: Number(r.via_koppeling) === 1,
  payload: JSON.parse(r.payload) as unknown,
  createdAt: Number(r.created_at),
  doneAt: r.done_at === null ? null : Number(r.done_at),
  outcome: r.outcome,
});

const SQL = {
  insert: `INSERT INTO outbox (bron_tafel, bron_sleutel, soort, doel_tafel, via_koppeling, payload, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bron_tafel, bron_sleutel) DO NOTHING`,
  pending: 'SELECT * FROM outbox WHERE done_at IS NULL ORDER BY id LIMIT ?',
  markDone: 'UPDATE outbox SET done_at = ?, outcome = ? WHERE id = ? AND done_at IS NULL',
  reopen: `UPDATE outbox SET done_at = NULL, outcome = NULL
           WHERE outcome = 'geen koppeling' AND via_koppeling = 1 AND soort IN ('escalatie', 'rapportage') AND bron_tafel = ?`,
  all: 'SELECT * FROM outbox WHERE bron_tafel = ? OR doel_tafel = ? ORDER BY id',
};

const insertParams = (m: NewOutboxMessage, now: number) => [m.bronTafel, m.bronSleutel, m.soort, m.doelTafel, m.viaKoppeling ? 1 : 0, JSON.stringify(m.payload), now];

/** Records a message inside a transaction of the caller (a module's own, server/netwerk.ts). */
export async function enqueueIn(sql: ModuleSql, m: NewOutboxMessage, now: number): Promise<boolean> {
  return (await sql.run(SQL.insert, insertParams(m, now))) > 0;
}

/** A new link: escalations and rapportages that found no link before may go now (inside the link's transaction). */
export async function reopenUnlinkedIn(sql: ModuleSql, bronTafel: string): Promise<number> {
  return sql.run(SQL.reopen, [bronTafel]);
}

/** The write that records a message, for the room's write set of the update that causes it. */
export function enqueueWrite(m: NewOutboxMessage, now: number): ModuleWrite {
  return {
    module: 'outbox',
    sqlite: (db) => void db.prepare(SQL.insert).run(...insertParams(m, now)),
    postgres: async (client) => void (await postgresSql(client).run(SQL.insert, insertParams(m, now))),
  };
}

/** The mark that a message is done, for the write set of the delivery itself. */
export function markDoneWrite(id: number, outcome: string, now: number): ModuleWrite {
  return {
    module: 'outbox',
    sqlite: (db) => void db.prepare(SQL.markDone).run(now, outcome, id),
    postgres: async (client) => void (await postgresSql(client).run(SQL.markDone, [now, outcome, id])),
  };
}

/** Reads and the marks made outside a room (a message that cannot be delivered). */
export class Outbox {
  constructor(private readonly handle: StorageHandle) {}

  async pending(limit = 100): Promise<OutboxMessage[]> {
    return (await readerOn(this.handle).all<Row>(SQL.pending, [limit])).map(fromRow);
  }

  /** Records a message in its own transaction (the demo seed); true when it is new. */
  async enqueue(m: NewOutboxMessage, now: number): Promise<boolean> {
    return enqueueIn(readerOn(this.handle), m, now);
  }

  /** In its own transaction. False when it was done already. */
  async markDone(id: number, outcome: string, now: number): Promise<boolean> {
    return (await readerOn(this.handle).run(SQL.markDone, [now, outcome, id])) > 0;
  }

  /** Every message from or to a tafel (admin, tests). */
  async forTafel(tafelId: string): Promise<OutboxMessage[]> {
    return (await readerOn(this.handle).all<Row>(SQL.all, [tafelId, tafelId])).map(fromRow);
  }
}
