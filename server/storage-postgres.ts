// The Postgres engine (AAN_TAFEL_DATABASE_URL=postgres://...), through the `pg` client and its
// pool. Same tables as SQLite (server/storage-migrations.ts), same durability: a batch is one
// transaction, committed with synchronous_commit on (Postgres' default: the COMMIT returns once
// the WAL is flushed), and nothing of it is sent before that. Several relay processes may share
// one database; which of them serves a tafel is decided by the lease in server/lease.ts.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { GroupCommit, type BatchEngine, type BatchMember, type BatchOutcome, type Write, type WriteSet } from './groupcommit';
import type {
  AuditEntry,
  BackupResult,
  InviteRow,
  NewInvite,
  NewToken,
  OpenInvite,
  RedeemOutcome,
  RelayStorage,
  StoredTafel,
  TafelRow,
  TokenRow,
} from './storage';
import { inPostgresTransaction } from './pg-transaction';
import { MIGRATIONS_TABLE_SQL, POSTGRES_RELAY_MIGRATIONS, RELAY_MODULE } from './storage-migrations';
import { storageModules, type ModuleWrite, type PostgresMerge, type StorageHandle } from './storage-modules';

export interface PostgresHooks {
  /** Runs right before each batch's COMMIT; a throw counts as a failed COMMIT. Tests count and break commits with it. */
  readonly beforeCommit?: () => void;
  /**
   * The relay process this storage commits for (server/cluster-postgres.ts): every batch then
   * commits only the write sets of tafels whose lease it holds. Without it (admin CLI, tests of
   * storage alone) there is no fencing.
   */
  readonly relayId?: string;
}

/** A write set of a tafel whose lease this process does not hold (any more). */
export class LeaseLostError extends Error {}

/** BIGINT columns (ids, seqs, milliseconds) as numbers: all of them stay below 2^53. */
const int = (v: unknown): number => Number(v);
const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Serialises migrations of relays that start at the same moment. */
const MIGRATION_LOCK = 'aan-tafel schema migrations';

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE_SQL);
    const lists: [string, readonly string[]][] = [
      [RELAY_MODULE, POSTGRES_RELAY_MIGRATIONS],
      ...storageModules().map((m): [string, readonly string[]] => [m.name, m.postgresMigrations]),
    ];
    for (const [module, migrations] of lists) {
      const row = await client.query<{ version: number }>('SELECT version FROM schema_migrations WHERE module = $1', [module]);
      const at = row.rows[0]?.version ?? 0;
      if (at > migrations.length) throw new Error(`the database's ${module} schema (version ${at}) is newer than this relay knows (${migrations.length})`);
      for (let i = at; i < migrations.length; i++) {
        await client.query(migrations[i] as string);
        await client.query(
          'INSERT INTO schema_migrations (module, version) VALUES ($1, $2) ON CONFLICT (module) DO UPDATE SET version = excluded.version',
          [module, i + 1],
        );
      }
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export class PostgresStorage implements RelayStorage, BatchEngine {
  readonly engine = 'postgres' as const;
  readonly batch: GroupCommit;
  readonly handle: StorageHandle;

  private constructor(
    readonly pool: pg.Pool,
    readonly url: string,
    private readonly hooks: PostgresHooks,
  ) {
    this.batch = new GroupCommit(this);
    this.handle = { engine: 'postgres', pool };
  }

  static async open(url: string, hooks: PostgresHooks = {}): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString: url, max: 8, application_name: 'aan-tafel-relay' });
    // An idle client that loses its connection (a restarted database) must not crash the relay;
    // the pool replaces it.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresStorage(pool, url, hooks);
  }

  async close(): Promise<void> {
    await this.batch.settled();
    await this.pool.end();
  }

  /** Runs `fn` in a transaction of its own. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    return inPostgresTransaction(this.pool, fn, isolation);
  }

  // --- the batch

  async commitBatch(sets: readonly WriteSet[]): Promise<BatchOutcome> {
    const failed = new Map<BatchMember, unknown>();
    const compactionsFailed = new Map<BatchMember, unknown>();
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const fenced = await this.leasedTafels(client, sets);
      const held = sets.filter((set) => {
        if (!fenced || fenced.has(set.tafelId)) return true;
        failed.set(set.member, new LeaseLostError(`the lease of tafel ${set.tafelId} is not held by this relay`));
        return false;
      });
      // Every round trip costs: the usual batch (appends, bindings, audit rows, renames, other
      // modules' writes such as field history) goes in a few statements for all its write sets
      // together. Only if one of them fails, or the batch compacts, is it applied set by set to
      // learn whose it is.
      if (!(await this.tryMerged(client, held))) {
        for (const set of held) {
          // A savepoint per write set: a failing one undoes only itself.
          await client.query('SAVEPOINT write_set');
          try {
            for (const w of set.writes) await this.applyWrite(client, set, w, compactionsFailed);
            await client.query('RELEASE SAVEPOINT write_set');
          } catch (e) {
            await client.query('ROLLBACK TO SAVEPOINT write_set');
            failed.set(set.member, e);
          }
        }
      }
      this.hooks.beforeCommit?.();
      await client.query('COMMIT');
    } catch (e) {
      broken = e;
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      // A client whose connection broke mid-batch is not given back to the pool.
      client.release(broken instanceof Error && !('code' in broken) ? broken : undefined);
    }
    return { failed, compactionsFailed };
  }

  /** Applies the write sets with one statement per kind of write; false (and nothing applied) when it cannot. */
  private async tryMerged(client: pg.PoolClient, sets: readonly WriteSet[]): Promise<boolean> {
    const appends = { tafel: [] as string[], data: [] as Buffer[], at: [] as number[] };
    const binds = { tafel: [] as string[], client: [] as number[], lid: [] as string[] };
    const audits = { tafel: [] as string[], lid: [] as string[], partij: [] as (string | null)[], at: [] as number[], size: [] as number[], accepted: [] as boolean[], type: [] as number[], detail: [] as string[] };
    const renames = new Map<string, string>();
    // Other modules' writes (field history with nearly every update): merged per kind when the
    // module says how, else one statement each, in the batch's order.
    const merged = new Map<string, PostgresMerge[]>();
    const moduleWrites: ModuleWrite[] = [];
    for (const set of sets) {
      for (const w of set.writes) {
        switch (w.kind) {
          case 'append':
            appends.tafel.push(set.tafelId);
            appends.data.push(Buffer.from(w.data));
            appends.at.push(w.at);
            break;
          case 'bind':
            for (const id of w.clientIds) {
              binds.tafel.push(set.tafelId);
              binds.client.push(id);
              binds.lid.push(w.lidId);
            }
            break;
          case 'audit':
            audits.tafel.push(set.tafelId);
            audits.lid.push(w.entry.lidId);
            audits.partij.push(w.entry.partijId);
            audits.at.push(w.entry.at);
            audits.size.push(w.entry.size);
            audits.accepted.push(w.entry.accepted);
            audits.type.push(w.entry.messageType);
            audits.detail.push(JSON.stringify(w.entry.detail));
            break;
          case 'rename':
            renames.set(set.tafelId, w.naam);
            break;
          case 'module': {
            const m = w.write.postgresMerge;
            if (!m) moduleWrites.push(w.write);
            else if (merged.has(m.kind)) merged.get(m.kind)!.push(m);
            else merged.set(m.kind, [m]);
            break;
          }
          default:
            return false;
        }
      }
    }
    await client.query('SAVEPOINT merged');
    try {
      if (appends.tafel.length > 0) {
        // In the order the rooms appended (WITH ORDINALITY): each tafel's log keeps its order.
        await client.query(
          `INSERT INTO updates (tafel_id, data, at, relay)
           SELECT t, d, a, $4 FROM unnest($1::text[], $2::bytea[], $3::bigint[]) WITH ORDINALITY AS u(t, d, a, n) ORDER BY n`,
          [appends.tafel, appends.data, appends.at, this.hooks.relayId ?? null],
        );
      }
      if (binds.tafel.length > 0) {
        await client.query(
          `INSERT INTO client_bindings (tafel_id, client_id, lid_id) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
           ON CONFLICT (tafel_id, client_id) DO NOTHING`,
          [binds.tafel, binds.client, binds.lid],
        );
      }
      if (audits.tafel.length > 0) {
        await client.query(
          `INSERT INTO audit (tafel_id, lid_id, partij_id, at, size, accepted, message_type, detail)
           SELECT t, l, p, a, s, ok, m, d::jsonb
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::boolean[], $7::int[], $8::text[]) WITH ORDINALITY AS u(t, l, p, a, s, ok, m, d, n)
           ORDER BY n`,
          [audits.tafel, audits.lid, audits.partij, audits.at, audits.size, audits.accepted, audits.type, audits.detail],
        );
      }
      for (const [tafelId, naam] of renames) await client.query('UPDATE tafels SET naam = $1 WHERE id = $2', [naam, tafelId]);
      for (const all of merged.values()) await all[0]!.run(client, all);
      for (const m of moduleWrites) await m.postgres(client);
      await client.query('RELEASE SAVEPOINT merged');
      return true;
    } catch {
      // One of them failed: set by set, to fail only the write set that did.
      await client.query('ROLLBACK TO SAVEPOINT merged');
      return false;
    }
  }

  /**
   * The batch's tafels whose lease this relay holds, read FOR SHARE: a takeover (which updates the
   * lease row) waits until this transaction ends. Undefined without fencing.
   */
  private async leasedTafels(client: pg.PoolClient, sets: readonly WriteSet[]): Promise<Set<string> | undefined> {
    if (this.hooks.relayId === undefined) return undefined;
    const r = await client.query<{ tafel_id: string }>(
      `SELECT tafel_id FROM tafel_leases WHERE tafel_id = ANY($1) AND holder = $2 AND expires_at > clock_timestamp() FOR SHARE`,
      [[...new Set(sets.map((s) => s.tafelId))], this.hooks.relayId],
    );
    return new Set(r.rows.map((row) => row.tafel_id));
  }

  private async applyWrite(client: pg.PoolClient, set: WriteSet, w: Write, compactionsFailed: Map<BatchMember, unknown>): Promise<void> {
    const tafelId = set.tafelId;
    switch (w.kind) {
      case 'append':
        await client.query('INSERT INTO updates (tafel_id, data, at, relay) VALUES ($1, $2, $3, $4)', [tafelId, Buffer.from(w.data), w.at, this.hooks.relayId ?? null]);
        return;
      case 'bind':
        await client.query(
          `INSERT INTO client_bindings (tafel_id, client_id, lid_id) SELECT $1, unnest($2::bigint[]), $3
           ON CONFLICT (tafel_id, client_id) DO NOTHING`,
          [tafelId, w.clientIds, w.lidId],
        );
        return;
      case 'audit': {
        const e = w.entry;
        await client.query(
          `INSERT INTO audit (tafel_id, lid_id, partij_id, at, size, accepted, message_type, detail)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [tafelId, e.lidId, e.partijId, e.at, e.size, e.accepted, e.messageType, JSON.stringify(e.detail)],
        );
        return;
      }
      case 'rename':
        await client.query('UPDATE tafels SET naam = $1 WHERE id = $2', [w.naam, tafelId]);
        return;
      case 'compact':
        // Its own savepoint: the snapshot and the entries it folds change together or not at all.
        await client.query('SAVEPOINT compaction');
        try {
          const upto = await client.query<{ seq: string | null }>('SELECT MAX(seq) AS seq FROM updates WHERE tafel_id = $1', [tafelId]);
          const seq = upto.rows[0]?.seq ?? null;
          if (seq !== null) {
            await client.query(
              `INSERT INTO snapshots (tafel_id, state, snapshot_seq, updated_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT (tafel_id) DO UPDATE SET state = excluded.state, snapshot_seq = excluded.snapshot_seq, updated_at = excluded.updated_at`,
              [tafelId, Buffer.from(w.state), seq, w.at],
            );
            await client.query('DELETE FROM updates WHERE tafel_id = $1 AND seq <= $2', [tafelId, seq]);
          }
          await client.query('RELEASE SAVEPOINT compaction');
        } catch (e) {
          await client.query('ROLLBACK TO SAVEPOINT compaction');
          compactionsFailed.set(set.member, e);
        }
        return;
      case 'module':
        await w.write.postgres(client);
        return;
    }
  }

  // --- tafels, snapshots and logs

  async createTafel(id: string, naam: string, snapshot: Uint8Array, now: number, chairInvite: NewInvite, moduleWrites: readonly ModuleWrite[] = []): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('INSERT INTO tafels (id, naam, created_at) VALUES ($1, $2, $3)', [id, naam, now]);
      await c.query('INSERT INTO snapshots (tafel_id, state, snapshot_seq, updated_at) VALUES ($1, $2, 0, $3)', [id, Buffer.from(snapshot), now]);
      await insertInviteRow(c, chairInvite);
      for (const w of moduleWrites) await w.postgres(c);
    });
  }

  async tafelExists(id: string): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 FROM tafels WHERE id = $1', [id]);
    return (r.rowCount ?? 0) > 0;
  }

  async listTafels(): Promise<(TafelRow & { readonly logEntries: number })[]> {
    await this.batch.settled();
    const r = await this.pool.query<{ id: string; naam: string; created_at: string; log_entries: string }>(
      `SELECT t.id, t.naam, t.created_at, (SELECT COUNT(*) FROM updates u WHERE u.tafel_id = t.id) AS log_entries
       FROM tafels t ORDER BY t.created_at`,
    );
    return r.rows.map((row) => ({ id: row.id, naam: row.naam, createdAt: int(row.created_at), logEntries: int(row.log_entries) }));
  }

  async loadTafel(id: string): Promise<StoredTafel | undefined> {
    await this.batch.settled();
    // One snapshot of the database for document and bindings.
    return this.transaction(async (c) => {
      const t = await c.query<{ naam: string }>('SELECT naam FROM tafels WHERE id = $1', [id]);
      const naam = t.rows[0]?.naam;
      if (naam === undefined) return undefined;
      const snap = await c.query<{ state: Buffer; snapshot_seq: string }>('SELECT state, snapshot_seq FROM snapshots WHERE tafel_id = $1', [id]);
      const snapshotSeq = snap.rows[0] ? int(snap.rows[0].snapshot_seq) : 0;
      const updates = await c.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM updates WHERE tafel_id = $1 AND seq > $2 ORDER BY seq', [
        id,
        snapshotSeq,
      ]);
      const bindings = await c.query<{ client_id: string; lid_id: string }>('SELECT client_id, lid_id FROM client_bindings WHERE tafel_id = $1', [id]);
      return {
        naam,
        snapshot: snap.rows[0] ? bytes(snap.rows[0].state) : null,
        snapshotSeq,
        updates: updates.rows.map((r) => ({ seq: int(r.seq), data: bytes(r.data) })),
        bindings: new Map(bindings.rows.map((r) => [int(r.client_id), r.lid_id])),
      };
    }, 'REPEATABLE READ');
  }

  // --- device tokens

  async insertToken(hash: string, tafelId: string, lidId: string, now: number, expiresAt: number): Promise<void> {
    await this.pool.query('INSERT INTO tokens (hash, tafel_id, lid_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [hash, tafelId, lidId, now, expiresAt]);
  }

  async findToken(hash: string): Promise<TokenRow | undefined> {
    const r = await this.pool.query<{ tafel_id: string; lid_id: string; expires_at: string; revoked_at: string | null }>(
      'SELECT tafel_id, lid_id, expires_at, revoked_at FROM tokens WHERE hash = $1',
      [hash],
    );
    const row = r.rows[0];
    return row && { tafelId: row.tafel_id, lidId: row.lid_id, expiresAt: int(row.expires_at), revokedAt: intOrNull(row.revoked_at) };
  }

  async revokeToken(hash: string, now: number): Promise<boolean> {
    const r = await this.pool.query('UPDATE tokens SET revoked_at = $1 WHERE hash = $2 AND revoked_at IS NULL', [now, hash]);
    return (r.rowCount ?? 0) > 0;
  }

  async revokeLid(tafelId: string, lidId: string, now: number): Promise<number> {
    const r = await this.pool.query('UPDATE tokens SET revoked_at = $1 WHERE tafel_id = $2 AND lid_id = $3 AND revoked_at IS NULL', [now, tafelId, lidId]);
    return r.rowCount ?? 0;
  }

  // --- invites

  async insertInvite(invite: NewInvite): Promise<void> {
    await insertInviteRow(this.pool, invite);
  }

  async findInvite(hash: string): Promise<InviteRow | undefined> {
    const r = await this.pool.query<{ tafel_id: string; lid_id: string; expires_at: string; used_at: string | null }>(
      'SELECT tafel_id, lid_id, expires_at, used_at FROM invites WHERE hash = $1',
      [hash],
    );
    const row = r.rows[0];
    return row && { tafelId: row.tafel_id, lidId: row.lid_id, expiresAt: int(row.expires_at), usedAt: intOrNull(row.used_at) };
  }

  async redeemInvite(hash: string, now: number, token: NewToken | null): Promise<RedeemOutcome> {
    return this.transaction(async (c): Promise<RedeemOutcome> => {
      // FOR UPDATE: two redemptions of one code at once wait for each other; the second sees it used.
      const r = await c.query<{ tafel_id: string; lid_id: string; expires_at: string; used_at: string | null }>(
        'SELECT tafel_id, lid_id, expires_at, used_at FROM invites WHERE hash = $1 FOR UPDATE',
        [hash],
      );
      const row = r.rows[0];
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.used_at !== null) return { ok: false, reason: 'used' };
      if (int(row.expires_at) <= now) return { ok: false, reason: 'expired' };
      await c.query('UPDATE invites SET used_at = $1 WHERE hash = $2', [now, hash]);
      if (token) {
        await c.query('INSERT INTO tokens (hash, tafel_id, lid_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
          token.hash,
          row.tafel_id,
          row.lid_id,
          now,
          token.expiresAt,
        ]);
      }
      return { ok: true, tafelId: row.tafel_id, lidId: row.lid_id };
    });
  }

  async openInvites(tafelId: string, now: number): Promise<OpenInvite[]> {
    const r = await this.pool.query<{ lid_id: string; created_by: string; created_at: string; expires_at: string }>(
      `SELECT lid_id, created_by, created_at, expires_at FROM invites
       WHERE tafel_id = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at`,
      [tafelId, now],
    );
    return r.rows.map((row) => ({ lidId: row.lid_id, createdBy: row.created_by, createdAt: int(row.created_at), expiresAt: int(row.expires_at) }));
  }

  // --- audit

  async readAudit(tafelId: string, limit: number, before?: number): Promise<AuditEntry[]> {
    const r = await this.pool.query<{
      id: string;
      tafel_id: string;
      lid_id: string;
      partij_id: string | null;
      at: string;
      size: number;
      accepted: boolean;
      message_type: number;
      detail: unknown;
    }>(
      `SELECT id, tafel_id, lid_id, partij_id, at, size, accepted, message_type, detail
       FROM audit WHERE tafel_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`,
      [tafelId, before ?? Number.MAX_SAFE_INTEGER, limit],
    );
    return r.rows.map((row) => ({
      id: int(row.id),
      tafelId: row.tafel_id,
      lidId: row.lid_id,
      partijId: row.partij_id,
      at: int(row.at),
      size: row.size,
      accepted: row.accepted,
      messageType: row.message_type,
      detail: row.detail,
    }));
  }

  // --- backups

  /** pg_dump in its custom format (restore with pg_restore, or `npm run admin -- restore`). */
  async backup(file: string): Promise<BackupResult> {
    await this.batch.settled();
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${this.url}`]);
    return { file, bytes: fs.statSync(file).size, engine: 'postgres' };
  }
}

async function insertInviteRow(q: pg.Pool | pg.PoolClient, i: NewInvite): Promise<void> {
  await q.query('INSERT INTO invites (hash, tafel_id, lid_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    i.hash,
    i.tafelId,
    i.lidId,
    i.createdBy,
    i.createdAt,
    i.expiresAt,
  ]);
}

/** Runs a Postgres client tool (pg_dump, pg_restore); fails with an install hint when it is missing. */
export function runTool(tool: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new Error(`${tool} not found: install Postgres' client tools (apt-get install postgresql-client)`) : e),
    );
    proc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${stderr.trim()}`))));
  });
}
