// Invites: the chair (or the operator, for the first chair) invites one lid of one tafel; the
// invite is redeemed once, within its lifetime, for a device token.

import { newInviteCode, newToken, normalizeInviteCode, isPlausibleInviteCode, sha256 } from './auth';
import type { Storage } from './storage';

export interface IssuedInvite {
  readonly code: string;
  readonly url: string;
  readonly expiresAt: number;
}

/** `createdBy`: the lid id of the chair who invited, or "admin" / "demo" for the relay itself. */
export function issueInvite(
  storage: Storage,
  opts: { tafelId: string; lidId: string; createdBy: string; publicUrl: string; ttlMs: number; now: number },
): IssuedInvite {
  const code = newInviteCode();
  const expiresAt = opts.now + opts.ttlMs;
  storage.insertInvite(sha256(code), opts.tafelId, opts.lidId, opts.createdBy, opts.now, expiresAt);
  return { code, url: `${opts.publicUrl}/join/${code}`, expiresAt };
}

export type Redemption =
  | { readonly ok: true; readonly token: string; readonly tafelId: string; readonly lidId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' };

/**
 * Uses up the invite and issues a device token for its lid. `isLid` is asked whether the lid is
 * still in the tafel's leden list: a lid removed after being invited gets no token.
 */
export function redeemInvite(
  storage: Storage,
  rawCode: string,
  opts: { now: number; tokenTtlMs: number; isLid: (tafelId: string, lidId: string) => boolean },
): Redemption {
  const code = normalizeInviteCode(rawCode);
  if (!isPlausibleInviteCode(code)) return { ok: false, reason: 'unknown' };
  return storage.transaction(() => {
    const used = storage.useInvite(sha256(code), opts.now);
    if (!used.ok) return used;
    if (!opts.isLid(used.tafelId, used.lidId)) return { ok: false, reason: 'unknown' } as const;
    const token = newToken();
    storage.insertToken(sha256(token), used.tafelId, used.lidId, opts.now, opts.now + opts.tokenTtlMs);
    return { ok: true, token, tafelId: used.tafelId, lidId: used.lidId } as const;
  });
}
