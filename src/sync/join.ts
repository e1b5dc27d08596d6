// Redeeming an invite at the relay: POST /api/invites/redeem {code} -> {token, tafelId, lidId}.
// Every way this can fail becomes a JoinError whose kind the UI turns into a clear Dutch message.

export type JoinErrorKind = 'expired' | 'used' | 'unknown' | 'network' | 'server';

export class JoinError extends Error {
  override readonly name = 'JoinError';
  constructor(
    readonly kind: JoinErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface RedeemedInvite {
  readonly token: string;
  readonly tafelId: string;
  readonly lidId: string;
}

const KINDS_FROM_RELAY: readonly JoinErrorKind[] = ['expired', 'used', 'unknown'];

/** What an invite code looks like in a link or typed in: trimmed, and the code after /join/ when a whole link is pasted. */
export function normaliseCode(input: string): string {
  const trimmed = input.trim();
  const m = /\/join\/([^/?#\s]+)/.exec(trimmed);
  return m ? decodeURIComponent(m[1]!) : trimmed;
}

export async function redeemInvite(relayUrl: string, code: string, fetchImpl: typeof fetch): Promise<RedeemedInvite> {
  const clean = normaliseCode(code);
  if (clean === '') throw new JoinError('unknown', 'empty invite code');
  const post = () =>
    fetchImpl(new URL('/api/invites/redeem', relayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: clean }),
    });
  let res: Response;
  try {
    res = await post();
  } catch {
    // Once more: a kept-alive connection the relay just closed fails without reaching it. (Had
    // the first request been handled, the retry says "used", which is then the truth.)
    try {
      await new Promise((r) => setTimeout(r, 200));
      res = await post();
    } catch (e) {
      throw new JoinError('network', `relay not reachable: ${String(e)}`);
    }
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (res.ok) {
    const b = body as Partial<RedeemedInvite> | undefined;
    if (typeof b?.token === 'string' && typeof b.tafelId === 'string' && typeof b.lidId === 'string') {
      return { token: b.token, tafelId: b.tafelId, lidId: b.lidId };
    }
    throw new JoinError('server', 'the relay answered without token, tafelId and lidId');
  }
  // The relay answers {error: "invite-used" | "invite-expired" | "invite-unknown", message}.
  const error = (body as { error?: unknown } | undefined)?.error;
  const kind = typeof error === 'string' ? error.replace(/^invite-/, '') : '';
  if ((KINDS_FROM_RELAY as readonly string[]).includes(kind)) throw new JoinError(kind as JoinErrorKind, `invite ${kind}`);
  if (res.status === 404 || res.status === 400) throw new JoinError('unknown', `invite not known (HTTP ${res.status})`);
  if (res.status === 410) throw new JoinError('expired', 'invite no longer valid (HTTP 410)');
  throw new JoinError('server', `relay answered HTTP ${res.status}`);
}
