// Everything the relay keeps on disk, in one SQLite file (better-sqlite3, WAL): tafels, their
// update logs and snapshots, device tokens and invites (both hashed), clientID bindings, and the
// append-only audit record. The admin CLI opens the same file while the relay runs; WAL lets the
// two work side by side.
//
// Durability: synchronous=FULL. In WAL mode that fsyncs the log at every commit, so an update
// that was committed (and only then broadcast) survives not just a process crash (NORMAL would be
// enough for that) but also a power cut or kernel panic of the machine. An accepted update costs
// one fsync; the relay accepts a few per second per lid, so durability wins over throughput.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const DB_FILE = 'aan-tafel.sqlite';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS tafels (
  id TEXT PRIMARY KEY,
  naam TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
-- The folded state of a tafel up to and including log entry snapshot_seq.
CREATE TABLE IF NOT EXISTS snapshots (
  tafel_id TEXT PRIMARY KEY REFERENCES tafels(id),
  state BLOB NOT NULL,
  snapshot_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Accepted updates since the snapshot, in the order the relay applied them.
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  data BLOB NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_tafel ON updates(tafel_id, seq);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  lid_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_by_lid ON tokens(tafel_id, lid_id);
CREATE TABLE IF NOT EXISTS invites (
  hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  lid_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX IF NOT EXISTS invites_by_tafel ON invites(tafel_id, expires_at);
-- Which lid a Yjs clientID belongs to: nobody may write under another lid's clientID.
CREATE TABLE IF NOT EXISTS client_bindings (
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  client_id INTEGER NOT NULL,
  lid_id TEXT NOT NULL,
  PRIMARY KEY (tafel_id, client_id)
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tafel_id TEXT NOT NULL,
  lid_id TEXT NOT NULL,
  partij_id TEXT,
  at INTEGER NOT NULL,
  size INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  message_type INTEGER NOT NULL,
  -- JSON: the paths written (accepted) or the violations (rejected)
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_tafel ON audit(tafel_id, id);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit record is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit record is append-only'); END;
`;

export interface TafelRow {
  readonly id: string;
  readonly naam: string;
  readonly createdAt: number;
}

export interface StoredTafel {
  readonly snapshot: Uint8Array | null;
  readonly snapshotSeq: number;
  readonly updates: readonly { readonly seq: number; readonly data: Uint8Array }[];
}

export interface TokenRow {
  readonly tafelId: string;
  readonly lidId: string;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export type RedeemOutcome =
  | { readonly ok: true; readonly tafelId: string; readonly lidId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' };

export interface OpenInvite {
  readonly lidId: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface AuditEntry {
  readonly id: number;
  readonly tafelId: string;
  readonly lidId: string;
  readonly partijId: string | null;
  readonly at: number;
  readonly size: number;
  readonly accepted: boolean;
  /** 1: sync step 2, 2: update (y-protocols sync message types). */
  readonly messageType: number;
  /** Accepted: the paths written. Rejected: the violations. */
  readonly detail: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class Storage {
  readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  static open(dataDir: string): Storage {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, DB_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The admin CLI and the relay write the same file; wait for each other instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA_SQL);
    return new Storage(db);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // --- tafels, snapshots and logs

  createTafel(id: string, naam: string, snapshot: Uint8Array, now: number): void {
    this.transaction(() => {
      this.db.prepare('INSERT INTO tafels (id, naam, created_at) VALUES (?, ?, ?)').run(id, naam, now);
      this.db
        .prepare('INSERT INTO snapshots (tafel_id, state, snapshot_seq, updated_at) VALUES (?, ?, 0, ?)')
        .run(id, Buffer.from(snapshot), now);
    });
  }

  tafelExists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM tafels WHERE id = ?').get(id) !== undefined;
  }

  /** Keeps the listed name in step with the document's name (for list-tafels). */
  renameTafel(id: string, naam: string): void {
    this.db.prepare('UPDATE tafels SET naam = ? WHERE id = ? AND naam <> ?').run(naam, id, naam);
  }

  listTafels(): (TafelRow & { readonly logEntries: number })[] {
    const rows = this.db
      .prepare(
        `SELECT t.id, t.naam, t.created_at AS createdAt,
           (SELECT COUNT(*) FROM updates u WHERE u.tafel_id = t.id) AS logEntries
         FROM tafels t ORDER BY t.created_at`,
      )
      .all() as (TafelRow & { logEntries: number })[];
    return rows;
  }

  loadTafel(id: string): StoredTafel | undefined {
    return this.db
      .transaction(() => {
        if (!this.tafelExists(id)) return undefined;
        const snap = this.db.prepare('SELECT state, snapshot_seq FROM snapshots WHERE tafel_id = ?').get(id) as
          | { state: Buffer; snapshot_seq: number }
          | undefined;
        const snapshotSeq = snap?.snapshot_seq ?? 0;
        const updates = (
          this.db.prepare('SELECT seq, data FROM updates WHERE tafel_id = ? AND seq > ? ORDER BY seq').all(id, snapshotSeq) as {
            seq: number;
            data: Buffer;
          }[]
        ).map((r) => ({ seq: r.seq, data: bytes(r.data) }));
        return { snapshot: snap ? bytes(snap.state) : null, snapshotSeq, updates };
      })
      .deferred();
  }

  appendUpdate(tafelId: string, data: Uint8Array, now: number): number {
    const info = this.db.prepare('INSERT INTO updates (tafel_id, data, at) VALUES (?, ?, ?)').run(tafelId, Buffer.from(data), now);
    return Number(info.lastInsertRowid);
  }

  /** Replaces the snapshot with `state`, which contains every log entry up to `uptoSeq`, and drops those entries. */
  compact(tafelId: string, state: Uint8Array, uptoSeq: number, now: number): void {
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO snapshots (tafel_id, state, snapshot_seq, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(tafel_id) DO UPDATE SET state = excluded.state, snapshot_seq = excluded.snapshot_seq, updated_at = excluded.updated_at`,
        )
        .run(tafelId, Buffer.from(state), uptoSeq, now);
      this.db.prepare('DELETE FROM updates WHERE tafel_id = ? AND seq <= ?').run(tafelId, uptoSeq);
    });
  }

  // --- clientID bindings

  bindings(tafelId: string): Map<number, string> {
    const rows = this.db.prepare('SELECT client_id, lid_id FROM client_bindings WHERE tafel_id = ?').all(tafelId) as {
      client_id: number;
      lid_id: string;
    }[];
    return new Map(rows.map((r) => [r.client_id, r.lid_id]));
  }

  bindClients(tafelId: string, clientIds: readonly number[], lidId: string): void {
    const stmt = this.db.prepare('INSERT OR IGNORE INTO client_bindings (tafel_id, client_id, lid_id) VALUES (?, ?, ?)');
    for (const id of clientIds) stmt.run(tafelId, id, lidId);
  }

  // --- device tokens (only their sha256 is stored)

  insertToken(hash: string, tafelId: string, lidId: string, now: number, expiresAt: number): void {
    this.db
      .prepare('INSERT INTO tokens (hash, tafel_id, lid_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hash, tafelId, lidId, now, expiresAt);
  }

  findToken(hash: string): TokenRow | undefined {
    return this.db
      .prepare('SELECT tafel_id AS tafelId, lid_id AS lidId, expires_at AS expiresAt, revoked_at AS revokedAt FROM tokens WHERE hash = ?')
      .get(hash) as TokenRow | undefined;
  }

  revokeToken(hash: string, now: number): boolean {
    return this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL').run(now, hash).changes > 0;
  }

  /** Revokes every token of a lid; returns how many were still valid. */
  revokeLid(tafelId: string, lidId: string, now: number): number {
    return this.db
      .prepare('UPDATE tokens SET revoked_at = ? WHERE tafel_id = ? AND lid_id = ? AND revoked_at IS NULL')
      .run(now, tafelId, lidId).changes;
  }

  // --- invites (only their sha256 is stored)

  insertInvite(hash: string, tafelId: string, lidId: string, createdBy: string, now: number, expiresAt: number): void {
    this.db
      .prepare('INSERT INTO invites (hash, tafel_id, lid_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hash, tafelId, lidId, createdBy, now, expiresAt);
  }

  /** Marks the invite used, if it may still be used, in one step: an invite works once. */
  useInvite(hash: string, now: number): RedeemOutcome {
    return this.transaction(() => {
      const row = this.db
        .prepare('SELECT tafel_id AS tafelId, lid_id AS lidId, expires_at AS expiresAt, used_at AS usedAt FROM invites WHERE hash = ?')
        .get(hash) as { tafelId: string; lidId: string; expiresAt: number; usedAt: number | null } | undefined;
      if (!row) return { ok: false, reason: 'unknown' } as const;
      if (row.usedAt !== null) return { ok: false, reason: 'used' } as const;
      if (row.expiresAt <= now) return { ok: false, reason: 'expired' } as const;
      this.db.prepare('UPDATE invites SET used_at = ? WHERE hash = ?').run(now, hash);
      return { ok: true, tafelId: row.tafelId, lidId: row.lidId } as const;
    });
  }

  openInvites(tafelId: string, now: number): OpenInvite[] {
    return this.db
      .prepare(
        `SELECT lid_id AS lidId, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt
         FROM invites WHERE tafel_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at`,
      )
      .all(tafelId, now) as OpenInvite[];
  }

  // --- audit

  insertAudit(e: NewAuditEntry): void {
    this.db
      .prepare(
        `INSERT INTO audit (tafel_id, lid_id, partij_id, at, size, accepted, message_type, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.tafelId, e.lidId, e.partijId, e.at, e.size, e.accepted ? 1 : 0, e.messageType, JSON.stringify(e.detail));
  }

  /** Newest first; `before` is an audit id to page backwards from. */
  readAudit(tafelId: string, limit: number, before?: number): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id, tafel_id AS tafelId, lid_id AS lidId, partij_id AS partijId, at, size, accepted,
           message_type AS messageType, detail
         FROM audit WHERE tafel_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all(tafelId, before ?? Number.MAX_SAFE_INTEGER, limit) as (Omit<AuditEntry, 'accepted' | 'detail'> & {
      accepted: number;
      detail: string;
    })[];
    return rows.map((r) => ({ ...r, accepted: r.accepted === 1, detail: JSON.parse(r.detail) as unknown }));
  }
}
