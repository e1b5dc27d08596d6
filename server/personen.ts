// A persoon links leden of different tafels that are one and the same person (issue 16: the chair
// of several tafels sees and switches to all of them, also on a new device). Identity stays per
// tafel: every device token belongs to one lid of one tafel and is revoked there; a persoon only
// says which leden go together, so that redeeming one invite on a new device can hand out a token
// for each of them (server/persoonApi.ts, docs/relay-api.md "Personen").
//
// A storage module (server/storage-modules.ts) of its own, table persoon_leden on either engine.
// Rules the table keeps: a lid belongs to at most one persoon (primary key) and a persoon has at
// most one lid per tafel (unique), so a link never lets one person act as two leden of a tafel.

import { newId } from '../src/model/ids';
import { readerOn, transactionOn, type ModuleSql } from './module-sql';
import { registerStorageModule, type StorageHandle, type StorageModule } from './storage-modules';

const TABLE = (int: string) => `
CREATE TABLE persoon_leden (
  tafel_id TEXT NOT NULL,
  lid_id TEXT NOT NULL,
  persoon_id TEXT NOT NULL,
  linked_at ${int} NOT NULL,
  -- "device" (proved by holding both tokens) or "admin" (the operator's CLI)
  linked_by TEXT NOT NULL,
  PRIMARY KEY (tafel_id, lid_id),
  UNIQUE (persoon_id, tafel_id)
);
-- Tokens that speak for the person, not only for the lid (see ownToken below): only their sha256.
CREATE TABLE persoon_tokens (
  token_hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL,
  lid_id TEXT NOT NULL
);
`;

export const PERSONEN_MODULE: StorageModule = {
  name: 'personen',
  sqliteMigrations: [TABLE('INTEGER')],
  postgresMigrations: [TABLE('BIGINT')],
};
registerStorageModule(PERSONEN_MODULE);

export interface LidRef {
  readonly tafelId: string;
  readonly lidId: string;
}

export type LinkedBy = 'device' | 'admin';

export type LinkOutcome =
  | { readonly ok: true; readonly persoonId: string; readonly leden: readonly LidRef[] }
  /**
   * same-tafel: the two leden, or the two personen being joined, share a tafel; not-own: a lid
   * already linked to others was presented with a token that speaks only for the lid
   */
  | { readonly ok: false; readonly reason: 'same-tafel' | 'not-own' };

/** A lid as a device presents it: with the sha256 of its token. */
export interface PresentedLid extends LidRef {
  readonly tokenHash: string;
}

async function persoonOf(sql: ModuleSql, lid: LidRef): Promise<string | null> {
  const row = await sql.get<{ persoonId: string }>('SELECT persoon_id AS "persoonId" FROM persoon_leden WHERE tafel_id = ? AND lid_id = ?', [lid.tafelId, lid.lidId]);
  return row?.persoonId ?? null;
}

async function ledenOf(sql: ModuleSql, persoonId: string): Promise<LidRef[]> {
  return sql.all<LidRef>('SELECT tafel_id AS "tafelId", lid_id AS "lidId" FROM persoon_leden WHERE persoon_id = ? ORDER BY tafel_id', [persoonId]);
}

/** The leden of the persoon `lid` belongs to, itself included; just `lid` when it is linked to no one. */
export async function ledenVanPersoon(handle: StorageHandle, lid: LidRef): Promise<LidRef[]> {
  const sql = readerOn(handle);
  const persoonId = await persoonOf(sql, lid);
  return persoonId ? ledenOf(sql, persoonId) : [lid];
}

/**
 * Links two leden as one persoon: adds the one without a persoon to the other's, or joins two
 * personen into one. Refused when that would give the persoon two leden of one tafel.
 */
export async function linkLeden(handle: StorageHandle, a: LidRef | PresentedLid, b: LidRef | PresentedLid, now: number, by: LinkedBy): Promise<LinkOutcome> {
  if (a.tafelId === b.tafelId) return { ok: false, reason: 'same-tafel' };
  return transactionOn(handle, async (sql) => {
    const [pa, pb] = [await persoonOf(sql, a), await persoonOf(sql, b)];
    // A device speaks for a persoon (with other tafels behind it) only with a token of its own.
    if (by === 'device') {
      for (const [lid, persoon] of [[a, pa], [b, pb]] as const) {
        if (persoon && 'tokenHash' in lid && !(await isOwnToken(sql, lid))) return { ok: false, reason: 'not-own' };
      }
    }
    const ledenA = pa ? await ledenOf(sql, pa) : [a];
    const ledenB = pb ? await ledenOf(sql, pb) : [b];
    const persoonId = pa ?? pb ?? newId();
    if (pa !== null && pa === pb) return { ok: true, persoonId, leden: ledenA };
    const tafelsA = new Set(ledenA.map((l) => l.tafelId));
    if (ledenB.some((l) => tafelsA.has(l.tafelId))) return { ok: false, reason: 'same-tafel' };
    const insert = 'INSERT INTO persoon_leden (tafel_id, lid_id, persoon_id, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)';
    if (!pa) await sql.run(insert, [a.tafelId, a.lidId, persoonId, now, by]);
    if (!pb) await sql.run(insert, [b.tafelId, b.lidId, persoonId, now, by]);
    else if (pb !== persoonId) await sql.run('UPDATE persoon_leden SET persoon_id = ? WHERE persoon_id = ?', [persoonId, pb]);
    return { ok: true, persoonId, leden: await ledenOf(sql, persoonId) };
  });
}

/**
 * Takes a lid out of its persoon (revoked, or unlinked by the operator): a new device of the
 * persoon no longer gets a token for it. A persoon left with one lid links nothing and goes too.
 * Returns whether the lid was linked.
 */
export async function unlinkLid(handle: StorageHandle, lid: LidRef): Promise<boolean> {
  return transactionOn(handle, async (sql) => {
    const persoonId = await persoonOf(sql, lid);
    if (!persoonId) return false;
    await sql.run('DELETE FROM persoon_leden WHERE tafel_id = ? AND lid_id = ?', [lid.tafelId, lid.lidId]);
    const rest = await ledenOf(sql, persoonId);
    if (rest.length === 1) await sql.run('DELETE FROM persoon_leden WHERE persoon_id = ?', [persoonId]);
    return true;
  });
}

async function isOwnToken(sql: ModuleSql, lid: PresentedLid): Promise<boolean> {
  const row = await sql.get<{ n: number }>('SELECT 1 AS "n" FROM persoon_tokens WHERE token_hash = ? AND tafel_id = ? AND lid_id = ?', [lid.tokenHash, lid.tafelId, lid.lidId]);
  return row !== undefined;
}

/**
 * Remembers a token as one that speaks for the person: redeemed from an invite that spans the
 * persoon (inviteSpansPersoon), or handed out through one. A token from another chair's invite
 * for the lid speaks for the lid at that tafel only: with it, a device may start a persoon or
 * join a lid to one, but not add a persoon that already has other tafels to something else, or
 * the chair who made that token could join their own lid to the person and, with their own
 * next device, open the person's other tafels.
 */
export async function rememberOwnToken(handle: StorageHandle, tokenHash: string, lid: LidRef): Promise<void> {
  await readerOn(handle).run('INSERT INTO persoon_tokens (token_hash, tafel_id, lid_id) VALUES (?, ?, ?) ON CONFLICT (token_hash) DO NOTHING', [tokenHash, lid.tafelId, lid.lidId]);
}

/** Who made an invite (the inviting lid, or "admin" / "demo"): read from the relay's invites table. */
export async function inviteMaker(handle: StorageHandle, inviteHash: string): Promise<string | null> {
  const row = await readerOn(handle).get<{ by: string }>('SELECT created_by AS "by" FROM invites WHERE hash = ?', [inviteHash]);
  return row?.by ?? null;
}

/**
 * Whether redeeming an invite may hand out tokens for the other tafels of the lid's persoon: only
 * when the operator (or the relay's demo) made it, or the lid invited itself (its own new device).
 * An invite another chair made vouches for the lid at that chair's tafel only; otherwise the chair
 * of tafel A could invite a lid of A, redeem it and read every other tafel that person sits at.
 */
export function inviteSpansPersoon(maker: string | null, invitedLidId: string): boolean {
  return maker === 'admin' || maker === 'demo' || maker === invitedLidId;
}
