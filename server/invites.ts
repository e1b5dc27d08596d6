// Invites: the chair (or the operator, for the first chair) invites one lid of one tafel; the
// invite is redeemed once, within its lifetime, for a device token.

import { newInviteCode, newToken, normalizeInviteCode, isPlausibleInviteCode, sha256 } from './auth';
import type { NewInvite, RelayStorage } from './storage';

export interface IssuedInvite {
  readonly code: string;
  readonly url: string;
  readonly expiresAt: number;
}

/** `createdBy`: the lid id of the chair who invited, or "admin" / "demo" for the relay itself. */
export async function issueInvite(
  storage: RelayStorage,
  opts: { tafelId: string; lidId: string; createdBy: string; publicUrl: string; ttlMs: number; now: number },
): Promise<IssuedInvite> {
  const { invite, row } = newInvite(opts);
  await storage.insertInvite(row);
  return invite;
}

/** A fresh invite and the row that stores it (its code only as sha256). */
export function newInvite(opts: { tafelId: string; lidId: string; createdBy: string; publicUrl: string; ttlMs: number; now: number }): {
  invite: IssuedInvite;
  row: NewInvite;
} {
  const code = newInviteCode();
  const expiresAt = opts.now + opts.ttlMs;
  return {
    invite: { code, url: `${opts.publicUrl}/join/${code}`, expiresAt },
    row: { hash: sha256(code), tafelId: opts.tafelId, lidId: opts.lidId, createdBy: opts.createdBy, createdAt: opts.now, expiresAt },
  };
}

export type Redemption =
  | { readonly ok: true; readonly token: string; readonly tafelId: string; readonly lidId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' };

/**
 * Uses up the invite and issues a device token for its lid, in one transaction. `isLid` is asked
 * first whether the lid is still in the tafel's leden list: a lid removed after being invited
 * gets no token (and the invite is used up).
 */
export async function redeemInvite(
  storage: RelayStorage,
  rawCode: string,
  opts: { now: number; tokenTtlMs: number; isLid: (tafelId: string, lidId: string) => Promise<boolean> },
): Promise<Redemption> {
  const code = normalizeInviteCode(rawCode);
  if (!isPlausibleInviteCode(code)) return { ok: false, reason: 'unknown' };
  const hash = sha256(code);
  const invite = await storage.findInvite(hash);
  if (!invite) return { ok: false, reason: 'unknown' };
  const isLid = invite.usedAt === null && invite.expiresAt > opts.now ? await opts.isLid(invite.tafelId, invite.lidId) : true;
  const token = newToken();
  // The invite is used up either way; a token is stored only for a lid that still is one.
  const used = await storage.redeemInvite(hash, opts.now, isLid ? { hash: sha256(token), expiresAt: opts.now + opts.tokenTtlMs } : null);
  if (!used.ok) return used;
  if (!isLid) return { ok: false, reason: 'unknown' };
  return { ok: true, token, tafelId: used.tafelId, lidId: used.lidId };
}
