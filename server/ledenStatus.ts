// Where each lid of a tafel stands with access (issue 16), for the chair's leden list: invited
// (an open invite, not yet used), joined (since the first token), and last seen (the last write the
// relay accepted or the last time a device of the lid joined). Read-only queries on the relay's
// own tables, on the same database handle as server/storage.ts.

import type Database from 'better-sqlite3';

export interface LidStatus {
  readonly lidId: string;
  /** an unused, unexpired invite exists; its expiry */
  readonly invitedUntil: number | null;
  /** when the first device of this lid joined (first token), null when never */
  readonly joinedAt: number | null;
  /** when a device of this lid joined last (an invite redeemed); null when never */
  readonly lastJoinAt: number | null;
  /** latest write accepted from this lid, or latest join; null when never */
  readonly lastSeenAt: number | null;
  /** every token of the lid is revoked */
  readonly revoked: boolean;
}

export function ledenStatus(db: Database.Database, tafelId: string, now: number): LidStatus[] {
  const tokens = db
    .prepare(
      `SELECT lid_id AS lidId, MIN(created_at) AS joinedAt, MAX(created_at) AS lastJoin,
              SUM(CASE WHEN revoked_at IS NULL THEN 1 ELSE 0 END) AS active
         FROM tokens WHERE tafel_id = ? GROUP BY lid_id`,
    )
    .all(tafelId) as { lidId: string; joinedAt: number; lastJoin: number; active: number }[];
  const invites = db
    .prepare(`SELECT lid_id AS lidId, MAX(expires_at) AS until FROM invites WHERE tafel_id = ? AND used_at IS NULL AND expires_at > ? GROUP BY lid_id`)
    .all(tafelId, now) as { lidId: string; until: number }[];
  const writes = db
    .prepare(`SELECT lid_id AS lidId, MAX(at) AS at FROM audit WHERE tafel_id = ? AND accepted = 1 GROUP BY lid_id`)
    .all(tafelId) as { lidId: string; at: number }[];
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
