// Everything the relay keeps on disk, in one SQLite file (better-sqlite3, WAL): tafels, their
// update logs and snapshots, device tokens and invites (both hashed), clientID bindings, and the
// append-only audit record. The admin CLI opens the same file while the relay runs; WAL lets the
// two work side by side.
//
// Durability: synchronous=FULL. In WAL mode that fsyncs the log at every commit, so an update
// that was committed (and only then broadcast) survives not just a process crash (NORMAL would be
// enough for that) but also a power cut or kernel panic of the machine. The fsync is paid per
// COMMIT, not per update: the updates accepted in one event-loop turn share one transaction and
// one fsync (group commit, server/groupcommit.ts), and nothing of them is sent before it.
//
// Two kinds of writes: the rooms' (log appends, clientID bindings, audit rows, renames,
// compaction) run inside `batch.write`; everything else (API, admin CLI, loading a room) is a
// transaction of its own, which first commits the open batch so it never joins one.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit, type GroupCommitHooks } from './groupcommit';
import { fieldHistory } from './fieldHistory';

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
  /** The name list-tafels shows. */
  readonly naam: string;
  readonly snapshot: Uint8Array | null;
  readonly snapshotSeq: number;
  readonly updates: readonly { readonly seq: number; readonly data: Uint8Array }[];
  /** clientID -> lid, as persisted (read in the same transaction as the document). */
  readonly bindings: Map<number, string>;
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

/** Every statement the relay runs, prepared once per connection. */
function prepareStatements(db: Database.Database) {
  return {
    insertTafel: db.prepare('INSERT INTO tafels (id, naam, created_at) VALUES (?, ?, ?)'),
    insertFirstSnapshot: db.prepare('INSERT INTO snapshots (tafel_id, state, snapshot_seq, updated_at) VALUES (?, ?, 0, ?)'),
    tafelExists: db.prepare('SELECT 1 FROM tafels WHERE id = ?'),
    tafelNaam: db.prepare('SELECT naam FROM tafels WHERE id = ?').pluck(),
    renameTafel: db.prepare('UPDATE tafels SET naam = ? WHERE id = ?'),
    listTafels: db.prepare(
      `SELECT t.id, t.naam, t.created_at AS createdAt,
         (SELECT COUNT(*) FROM updates u WHERE u.tafel_id = t.id) AS logEntries
       FROM tafels t ORDER BY t.created_at`,
    ),
    snapshot: db.prepare('SELECT state, snapshot_seq FROM snapshots WHERE tafel_id = ?'),
    updatesSince: db.prepare('SELECT seq, data FROM updates WHERE tafel_id = ? AND seq > ? ORDER BY seq'),
    appendUpdate: db.prepare('INSERT INTO updates (tafel_id, data, at) VALUES (?, ?, ?)'),
    upsertSnapshot: db.prepare(
      `INSERT INTO snapshots (tafel_id, state, snapshot_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(tafel_id) DO UPDATE SET state = excluded.state, snapshot_seq = excluded.snapshot_seq, updated_at = excluded.updated_at`,
    ),
    dropUpdatesUpTo: db.prepare('DELETE FROM updates WHERE tafel_id = ? AND seq <= ?'),
    bindings: db.prepare('SELECT client_id, lid_id FROM client_bindings WHERE tafel_id = ?'),
    bindClient: db.prepare('INSERT OR IGNORE INTO client_bindings (tafel_id, client_id, lid_id) VALUES (?, ?, ?)'),
    insertToken: db.prepare('INSERT INTO tokens (hash, tafel_id, lid_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    findToken: db.prepare(
      'SELECT tafel_id AS tafelId, lid_id AS lidId, expires_at AS expiresAt, revoked_at AS revokedAt FROM tokens WHERE hash = ?',
    ),
    revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL'),
    revokeLid: db.prepare('UPDATE tokens SET revoked_at = ? WHERE tafel_id = ? AND lid_id = ? AND revoked_at IS NULL'),
    insertInvite: db.prepare('INSERT INTO invites (hash, tafel_id, lid_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
    findInvite: db.prepare('SELECT tafel_id AS tafelId, lid_id AS lidId, expires_at AS expiresAt, used_at AS usedAt FROM invites WHERE hash = ?'),
    useInvite: db.prepare('UPDATE invites SET used_at = ? WHERE hash = ?'),
    openInvites: db.prepare(
      `SELECT lid_id AS lidId, created_by AS createdBy, created_at AS createdAt, expires_at AS expiresAt
       FROM invites WHERE tafel_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at`,
    ),
    insertAudit: db.prepare(
      `INSERT INTO audit (tafel_id, lid_id, partij_id, at, size, accepted, message_type, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    readAudit: db.prepare(
      `SELECT id, tafel_id AS tafelId, lid_id AS lidId, partij_id AS partijId, at, size, accepted,
         message_type AS messageType, detail
       FROM audit WHERE tafel_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    ),
  };
}

export class Storage {
  readonly db: Database.Database;
  /** The open batch of the rooms' writes; see server/groupcommit.ts. */
  readonly batch: GroupCommit;
  private readonly sql: ReturnType<typeof prepareStatements>;

  private constructor(db: Database.Database, hooks: GroupCommitHooks) {
    this.db = db;
    this.batch = new GroupCommit(db, hooks);
    this.sql = prepareStatements(db);
    // Its own table, created here outside any batch (a rolled-back batch must not take it along).
    fieldHistory(db);
  }

  static open(dataDir: string, hooks: GroupCommitHooks = {}): Storage {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = new Database(path.join(dataDir, DB_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // The admin CLI and the relay write the same file; wait for each other instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA_SQL);
    return new Storage(db, hooks);
  }

  close(): void {
    this.batch.commit();
    this.db.close();
  }

  /** A transaction of its own: commits the rooms' open batch first (see GroupCommit.own). */
  transaction<T>(fn: () => T): T {
    return this.batch.own(fn);
  }

  // --- tafels, snapshots and logs

  createTafel(id: string, naam: string, snapshot: Uint8Array, now: number): void {
    this.transaction(() => {
      this.sql.insertTafel.run(id, naam, now);
      this.sql.insertFirstSnapshot.run(id, Buffer.from(snapshot), now);
    });
  }

  tafelExists(id: string): boolean {
    return this.sql.tafelExists.get(id) !== undefined;
  }

  /** Keeps the listed name in step with the document's name (for list-tafels). Batched write. */
  renameTafel(id: string, naam: string): void {
    this.sql.renameTafel.run(naam, id);
  }

  listTafels(): (TafelRow & { readonly logEntries: number })[] {
    return this.transaction(() => this.sql.listTafels.all() as (TafelRow & { logEntries: number })[]);
  }

  loadTafel(id: string): StoredTafel | undefined {
    return this.transaction(() => {
      const naam = this.sql.tafelNaam.get(id) as string | undefined;
      if (naam === undefined) return undefined;
      const snap = this.sql.snapshot.get(id) as { state: Buffer; snapshot_seq: number } | undefined;
      const snapshotSeq = snap?.snapshot_seq ?? 0;
      const updates = (this.sql.updatesSince.all(id, snapshotSeq) as { seq: number; data: Buffer }[]).map((r) => ({
        seq: r.seq,
        data: bytes(r.data),
      }));
      const bindings = this.sql.bindings.all(id) as { client_id: number; lid_id: string }[];
      return {
        naam,
        snapshot: snap ? bytes(snap.state) : null,
        snapshotSeq,
        updates,
        bindings: new Map(bindings.map((r) => [r.client_id, r.lid_id])),
      };
    });
  }

  /** Batched write: appends one accepted update to a tafel's log; returns its seq. */
  appendUpdate(tafelId: string, data: Uint8Array, now: number): number {
    return Number(this.sql.appendUpdate.run(tafelId, Buffer.from(data), now).lastInsertRowid);
  }

  /**
   * Batched write: replaces the snapshot with `state`, which contains every log entry up to
   * `uptoSeq`, and drops those entries; as one savepoint, so a failure leaves the log as it was.
   */
  compact(tafelId: string, state: Uint8Array, uptoSeq: number, now: number): void {
    this.batch.atomic(() => {
      this.sql.upsertSnapshot.run(tafelId, Buffer.from(state), uptoSeq, now);
      this.sql.dropUpdatesUpTo.run(tafelId, uptoSeq);
    });
  }

  // --- clientID bindings

  /** Batched write. */
  bindClients(tafelId: string, clientIds: readonly number[], lidId: string): void {
    for (const id of clientIds) this.sql.bindClient.run(tafelId, id, lidId);
  }

  // --- device tokens (only their sha256 is stored)

  insertToken(hash: string, tafelId: string, lidId: string, now: number, expiresAt: number): void {
    this.transaction(() => this.sql.insertToken.run(hash, tafelId, lidId, now, expiresAt));
  }

  /** Tokens are never written by the rooms' batch, so this read needs no commit first. */
  findToken(hash: string): TokenRow | undefined {
    return this.sql.findToken.get(hash) as TokenRow | undefined;
  }

  revokeToken(hash: string, now: number): boolean {
    return this.transaction(() => this.sql.revokeToken.run(now, hash).changes > 0);
  }

  /** Revokes every token of a lid; returns how many were still valid. */
  revokeLid(tafelId: string, lidId: string, now: number): number {
    return this.transaction(() => this.sql.revokeLid.run(now, tafelId, lidId).changes);
  }

  // --- invites (only their sha256 is stored)

  insertInvite(hash: string, tafelId: string, lidId: string, createdBy: string, now: number, expiresAt: number): void {
    this.transaction(() => this.sql.insertInvite.run(hash, tafelId, lidId, createdBy, now, expiresAt));
  }

  /** Marks the invite used, if it may still be used, in one step: an invite works once. */
  useInvite(hash: string, now: number): RedeemOutcome {
    return this.transaction(() => {
      const row = this.sql.findInvite.get(hash) as { tafelId: string; lidId: string; expiresAt: number; usedAt: number | null } | undefined;
      if (!row) return { ok: false, reason: 'unknown' } as const;
      if (row.usedAt !== null) return { ok: false, reason: 'used' } as const;
      if (row.expiresAt <= now) return { ok: false, reason: 'expired' } as const;
      this.sql.useInvite.run(now, hash);
      return { ok: true, tafelId: row.tafelId, lidId: row.lidId } as const;
    });
  }

  /** Invites are never written by the rooms' batch, so this read needs no commit first. */
  openInvites(tafelId: string, now: number): OpenInvite[] {
    return this.sql.openInvites.all(tafelId, now) as OpenInvite[];
  }

  // --- audit

  /** Batched write: in the same transaction as the update it records (or the rejection it explains). */
  insertAudit(e: NewAuditEntry): void {
    this.sql.insertAudit.run(e.tafelId, e.lidId, e.partijId, e.at, e.size, e.accepted ? 1 : 0, e.messageType, JSON.stringify(e.detail));
  }

  /** Newest first; `before` is an audit id to page backwards from. Only committed entries. */
  readAudit(tafelId: string, limit: number, before?: number): AuditEntry[] {
    const rows = this.transaction(
      () =>
        this.sql.readAudit.all(tafelId, before ?? Number.MAX_SAFE_INTEGER, limit) as (Omit<AuditEntry, 'accepted' | 'detail'> & {
          accepted: number;
          detail: string;
        })[],
    );
    return rows.map((r) => ({ ...r, accepted: r.accepted === 1, detail: JSON.parse(r.detail) as unknown }));
  }
}
