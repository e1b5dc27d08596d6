// Redeeming an invite at the relay: POST /api/invites/redeem {code} -> {token, tafelId, lidId, also}.
// `also`: the other tafels of the lid's persoon, each with a token of its own (docs/relay-api.md,
// "Personen"). Every way this can fail becomes a JoinError whose kind the UI turns into Dutch.

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
  /** the tafel's name as the relay has it ('' from an older relay) */
  readonly naam: string;
  /** the persoon's other tafels this device may open too; [] from a relay without personen */
  readonly also: readonly (RedeemedTafel & { readonly naam: string })[];
}

type RedeemedTafel = Omit<RedeemedInvite, 'also' | 'naam'>;

function isTafel(v: unknown): v is RedeemedTafel & { naam: string } {
  const t = v as Partial<RedeemedTafel & { naam: string }> | null;
  return typeof t?.token === 'string' && typeof t.tafelId === 'string' && typeof t.lidId === 'string' && typeof t.naam === 'string';
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
    const b = body as (Partial<RedeemedTafel> & { naam?: unknown; also?: unknown }) | undefined;
    if (typeof b?.token === 'string' && typeof b.tafelId === 'string' && typeof b.lidId === 'string') {
      const also = Array.isArray(b.also) ? b.also.filter(isTafel).filter((t) => t.tafelId !== b.tafelId) : [];
      return { token: b.token, tafelId: b.tafelId, lidId: b.lidId, naam: typeof b.naam === 'string' ? b.naam : '', also: also.map(({ token, tafelId, lidId, naam }) => ({ token, tafelId, lidId, naam })) };
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
