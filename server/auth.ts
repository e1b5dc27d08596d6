// Device tokens and invite codes: random secrets handed out once, stored only as their sha256,
// so a copy of the database does not let anyone in.

import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { RelayStorage } from './storage';

export function sha256(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A device token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

// Invite codes are typed or scanned on a tablet: no 0/O, 1/I/L, so they survive being read aloud.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 14;

/** An invite code: 14 characters of a 31-letter alphabet (about 69 bits). */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are case-insensitive and may be typed with spaces or dashes. */
export function normalizeInviteCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

export function isPlausibleInviteCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

export type TokenCheck =
  | { readonly ok: true; readonly tafelId: string; readonly lidId: string; readonly hash: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'revoked' | 'expired' };

/** Looks a presented token up; says why it does not work when it does not. */
export async function checkToken(storage: RelayStorage, token: string, now: number): Promise<TokenCheck> {
  if (token.length === 0 || token.length > 200) return { ok: false, reason: 'unknown' };
  const hash = sha256(token);
  const row = await storage.findToken(hash);
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt !== null) return { ok: false, reason: 'revoked' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, tafelId: row.tafelId, lidId: row.lidId, hash };
}
