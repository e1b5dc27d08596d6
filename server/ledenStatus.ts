// Where each lid of a tafel stands with access (issue 16), for the chair's leden list: invited
// (an open invite, not yet used), joined (since the first token), and last seen (the last write the
// relay accepted or the last time a device of the lid joined). Read-only queries on the relay's
// own tables (server/storage-migrations.ts), through the storage engine's handle, on either engine.

import type { LidStatus } from '../src/protocol/ledenStatus';
import type { StorageHandle } from './storage-modules';


/** The three aggregates, per engine: placeholders differ, and audit.accepted is 0/1 in SQLite, a boolean in Postgres. */
const SQL = {
  sqlite: {
    tokens: `SELECT lid_id AS "lidId", MIN(created_at) AS "joinedAt", MAX(created_at) AS "lastJoin",
                    SUM(CASE WHEN revoked_at IS NULL THEN 1 ELSE 0 END) AS active
               FROM tokens WHERE tafel_id = ? GROUP BY lid_id`,
    invites: `SELECT lid_id AS "lidId", MAX(expires_at) AS until FROM invites WHERE tafel_id = ? AND used_at IS NULL AND expires_at > ? GROUP BY lid_id`,
    writes: `SELECT lid_id AS "lidId", MAX(at) AS at FROM audit WHERE tafel_id = ? AND accepted = 1 GROUP BY lid_id`,
  },
  postgres: {
    tokens: `SELECT lid_id AS "lidId", MIN(created_at) AS "joinedAt", MAX(created_at) AS "lastJoin",
                    SUM(CASE WHEN revoked_at IS NULL THEN 1 ELSE 0 END) AS active
               FROM tokens WHERE tafel_id = $1 GROUP BY lid_id`,
    invites: `SELECT lid_id AS "lidId", MAX(expires_at) AS until FROM invites WHERE tafel_id = $1 AND used_at IS NULL AND expires_at > $2 GROUP BY lid_id`,
    writes: `SELECT lid_id AS "lidId", MAX(at) AS at FROM audit WHERE tafel_id = $1 AND accepted GROUP BY lid_id`,
  },
} as const;

/** Postgres returns BIGINT and SUM() as strings; SQLite as numbers. */
type Num = number | string;
interface Rows {
  tokens: { lidId: string; joinedAt: Num; lastJoin: Num; active: Num }[];
  invites: { lidId: string; until: Num }[];
  writes: { lidId: string; at: Num }[];
}

async function query(handle: StorageHandle, tafelId: string, now: number): Promise<Rows> {
  if (handle.engine === 'sqlite') {
    const { db } = handle;
    return {
      tokens: db.prepare(SQL.sqlite.tokens).all(tafelId) as Rows['tokens'],
      invites: db.prepare(SQL.sqlite.invites).all(tafelId, now) as Rows['invites'],
      writes: db.prepare(SQL.sqlite.writes).all(tafelId) as Rows['writes'],
    };
  }
  const { pool } = handle;
  const [tokens, invites, writes] = await Promise.all([
    pool.query<Rows['tokens'][number]>(SQL.postgres.tokens, [tafelId]),
    pool.query<Rows['invites'][number]>(SQL.postgres.invites, [tafelId, now]),
    pool.query<Rows['writes'][number]>(SQL.postgres.writes, [tafelId]),
  ]);
  return { tokens: tokens.rows, invites: invites.rows, writes: writes.rows };
}

export async function ledenStatus(handle: StorageHandle, tafelId: string, now: number): Promise<LidStatus[]> {
  const rows = await query(handle, tafelId, now);
  const tokens = rows.tokens.map((t) => ({ lidId: t.lidId, joinedAt: Number(t.joinedAt), lastJoin: Number(t.lastJoin), active: Number(t.active) }));
  const invites = rows.invites.map((i) => ({ lidId: i.lidId, until: Number(i.until) }));
  const writes = rows.writes.map((w) => ({ lidId: w.lidId, at: Number(w.at) }));
  const ids = new Set([...tokens.map((t) => t.lidId), ...invites.map((i) => i.lidId)]);
  return [...ids].sort().map((lidId) => {
    const t = tokens.find((x) => x.lidId === lidId);
    const w = writes.find((x) => x.lidId === lidId);
    const seen = Math.max(t?.lastJoin ?? 0, w?.at ?? 0);
    return {
      lidId,
      invitedUntil: invites.find((x) => x.lidId === lidId)?.until ?? null,
      joinedAt: t?.joinedAt ?? null,
      lastJoinAt: t?.lastJoin ?? null,
      lastSeenAt: seen > 0 ? seen : null,
      revoked: t !== undefined && t.active === 0,
    };
  });
}
