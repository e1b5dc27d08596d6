// The embedded engine: one SQLite file (better-sqlite3, WAL) in the data folder. The admin CLI
// opens the same file while the relay runs; WAL lets the two work side by side.
//
// Durability: synchronous=FULL by default. In WAL mode that fsyncs the log at every commit, so an
// update that was committed (and only then broadcast) survives not just a process crash (NORMAL
// would be enough for that) but also a power cut or kernel panic of the machine. The fsync is paid
// per batch (server/groupcommit.ts), not per update; at a meeting's rates every update is its own
// batch, and the fsync is the largest part of the relay's CPU per update (test/bench/README.md).
// AAN_TAFEL_SQLITE_SYNCHRONOUS=NORMAL leaves it out for operators who accept losing the last
// commits in a power cut (the devices keep their edits and send them again).
//
// better-sqlite3 is synchronous: every method here finishes its work before it returns its promise.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteSynchronous } from './config';
import { GroupCommit, type BatchEngine, type BatchMember, type BatchOutcome, type Write, type WriteSet } from './groupcommit';
import {
  DB_FILE,
  type AuditEntry,
  type BackupResult,
  type InviteRow,
  type NewInvite,
  type NewToken,
  type OpenInvite,
  type RedeemOutcome,
  type RelayStorage,
  type StoredTafel,
  type TafelRow,
  type TokenRow,
} from './storage';
import { MIGRATIONS_TABLE_SQL, RELAY_MODULE, SQLITE_RELAY_MIGRATIONS } from './storage-migrations';
import { storageModules, type ModuleWrite, type StorageHandle } from './storage-modules';

export interface SqliteHooks {
  /** Runs right before each batch's COMMIT; a throw counts as a failed COMMIT. Tests count and break commits with it. */
  readonly beforeCommit?: () => void;
}

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
    lastSeq: db.prepare('SELECT MAX(seq) FROM updates WHERE tafel_id = ?').pluck(),
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

/** Runs the missing migrations of the relay and of every registered module, each in a transaction. */
function migrate(db: Database.Database): void {
  db.exec(MIGRATIONS_TABLE_SQL);
  const version = db.prepare('SELECT version FROM schema_migrations WHERE module = ?').pluck();
  const setVersion = db.prepare(
    'INSERT INTO schema_migrations (module, version) VALUES (?, ?) ON CONFLICT(module) DO UPDATE SET version = excluded.version',
  );
  const lists: [string, readonly string[]][] = [[RELAY_MODULE, SQLITE_RELAY_MIGRATIONS], ...storageModules().map((m): [string, readonly string[]] => [m.name, m.sqliteMigrations])];
  for (const [module, migrations] of lists) {
    const at = (version.get(module) as number | undefined) ?? 0;
    if (at > migrations.length) throw new Error(`the database's ${module} schema (version ${at}) is newer than this relay knows (${migrations.length})`);
    migrations.slice(at).forEach((sql, i) =>
      db.transaction(() => {
        db.exec(sql);
        setVersion.run(module, at + i + 1);
      })(),
    );
  }
}

export class SqliteStorage implements RelayStorage, BatchEngine {
  readonly engine = 'sqlite' as const;
  readonly batch: GroupCommit;
  readonly handle: StorageHandle;
  private readonly sql: ReturnType<typeof prepareStatements>;
  private readonly atomic: <T>(fn: () => T) => T;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
    private readonly hooks: SqliteHooks,
  ) {
    this.sql = prepareStatements(db);
    this.atomic = db.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
    this.batch = new GroupCommit(this);
    this.handle = { engine: 'sqlite', db };
  }

  static open(dataDir: string, hooks: SqliteHooks = {}, synchronous: SqliteSynchronous = 'FULL'): SqliteStorage {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DB_FILE);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    // The admin CLI and the relay write the same file; wait for each other instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return new SqliteStorage(db, file, hooks);
  }

  async close(): Promise<void> {
    await this.batch.settled();
    this.db.close();
  }

  // --- the batch

  commitBatch(sets: readonly WriteSet[]): Promise<BatchOutcome> {
    const failed = new Map<BatchMember, unknown>();
    const compactionsFailed = new Map<BatchMember, unknown>();
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const set of sets) {
        try {
          // A savepoint per write set: a failing one undoes only itself.
          this.atomic(() => this.applySet(set, compactionsFailed));
        } catch (e) {
          // SQLite ended the whole transaction (full disk, I/O error, RAISE(ROLLBACK)).
          if (!this.db.inTransaction) throw e;
          failed.set(set.member, e);
        }
      }
      this.hooks.beforeCommit?.();
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return Promise.resolve({ failed, compactionsFailed });
  }

  private applySet(set: WriteSet, compactionsFailed: Map<BatchMember, unknown>): void {
    for (const w of set.writes) this.applyWrite(set, w, compactionsFailed);
  }

  private applyWrite(set: WriteSet, w: Write, compactionsFailed: Map<BatchMember, unknown>): void {
    const tafelId = set.tafelId;
    switch (w.kind) {
      case 'append':
        this.sql.appendUpdate.run(tafelId, Buffer.from(w.data), w.at);
        return;
      case 'bind':
        for (const id of w.clientIds) this.sql.bindClient.run(tafelId, id, w.lidId);
        return;
      case 'audit': {
        const e = w.entry;
        this.sql.insertAudit.run(tafelId, e.lidId, e.partijId, e.at, e.size, e.accepted ? 1 : 0, e.messageType, JSON.stringify(e.detail));
        return;
      }
      case 'rename':
        this.sql.renameTafel.run(w.naam, tafelId);
        return;
      case 'compact':
        try {
          // Its own savepoint: the snapshot and the entries it folds change together or not at all.
          this.atomic(() => {
            const upto = this.sql.lastSeq.get(tafelId) as number | null;
            if (upto === null) return;
            this.sql.upsertSnapshot.run(tafelId, Buffer.from(w.state), upto, w.at);
            this.sql.dropUpdatesUpTo.run(tafelId, upto);
          });
        } catch (e) {
          if (!this.db.inTransaction) throw e;
          compactionsFailed.set(set.member, e);
        }
        return;
      case 'module':
        w.write.sqlite(this.db);
        return;
    }
  }

  // --- tafels, snapshots and logs

  async createTafel(id: string, naam: string, snapshot: Uint8Array, now: number, chairInvite: NewInvite, moduleWrites: readonly ModuleWrite[] = []): Promise<void> {
    this.atomic(() => {
      this.sql.insertTafel.run(id, naam, now);
      this.sql.insertFirstSnapshot.run(id, Buffer.from(snapshot), now);
      this.insertInviteRow(chairInvite);
      for (const w of moduleWrites) w.sqlite(this.db);
    });
  }

  async tafelExists(id: string): Promise<boolean> {
    return this.sql.tafelExists.get(id) !== undefined;
  }

  async listTafels(): Promise<(TafelRow & { readonly logEntries: number })[]> {
    await this.batch.settled();
    return this.sql.listTafels.all() as (TafelRow & { logEntries: number })[];
  }

  async loadTafel(id: string): Promise<StoredTafel | undefined> {
    await this.batch.settled();
    return this.atomic(() => {
      const naam = this.sql.tafelNaam.get(id) as string | undefined;
      if (naam === undefined) return undefined;
      const snap = this.sql.snapshot.get(id) as { state: Buffer; snapshot_seq: number } | undefined;
      const snapshotSeq = snap?.snapshot_seq ?? 0;
      const updates = (this.sql.updatesSince.all(id, snapshotSeq) as { seq: number; data: Buffer }[]).map((r) => ({ seq: r.seq, data: bytes(r.data) }));
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

  // --- device tokens

  async insertToken(hash: string, tafelId: string, lidId: string, now: number, expiresAt: number): Promise<void> {
    this.sql.insertToken.run(hash, tafelId, lidId, now, expiresAt);
  }

  async findToken(hash: string): Promise<TokenRow | undefined> {
    return this.sql.findToken.get(hash) as TokenRow | undefined;
  }

  async revokeToken(hash: string, now: number): Promise<boolean> {
    return this.sql.revokeToken.run(now, hash).changes > 0;
  }

  async revokeLid(tafelId: string, lidId: string, now: number): Promise<number> {
    return this.sql.revokeLid.run(now, tafelId, lidId).changes;
  }

  // --- invites

  private insertInviteRow(i: NewInvite): void {
    this.sql.insertInvite.run(i.hash, i.tafelId, i.lidId, i.createdBy, i.createdAt, i.expiresAt);
  }

  async insertInvite(invite: NewInvite): Promise<void> {
    this.insertInviteRow(invite);
  }

  async findInvite(hash: string): Promise<InviteRow | undefined> {
    return this.sql.findInvite.get(hash) as InviteRow | undefined;
  }

  async redeemInvite(hash: string, now: number, token: NewToken | null): Promise<RedeemOutcome> {
    return this.atomic((): RedeemOutcome => {
      const row = this.sql.findInvite.get(hash) as InviteRow | undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.usedAt !== null) return { ok: false, reason: 'used' };
      if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
      this.sql.useInvite.run(now, hash);
      if (token) this.sql.insertToken.run(token.hash, row.tafelId, row.lidId, now, token.expiresAt);
      return { ok: true, tafelId: row.tafelId, lidId: row.lidId };
    });
  }

  async openInvites(tafelId: string, now: number): Promise<OpenInvite[]> {
    return this.sql.openInvites.all(tafelId, now) as OpenInvite[];
  }

  // --- audit

  async readAudit(tafelId: string, limit: number, before?: number): Promise<AuditEntry[]> {
    const rows = this.sql.readAudit.all(tafelId, before ?? Number.MAX_SAFE_INTEGER, limit) as (Omit<AuditEntry, 'accepted' | 'detail'> & {
      accepted: number;
      detail: string;
    })[];
    return rows.map((r) => ({ ...r, accepted: r.accepted === 1, detail: JSON.parse(r.detail) as unknown }));
  }

  // --- backups

  /** SQLite's online backup: a consistent copy while the relay keeps writing. */
  async backup(file: string): Promise<BackupResult> {
    await this.batch.settled();
    await this.db.backup(file);
    return { file, bytes: fs.statSync(file).size, engine: 'sqlite' };
  }
}
