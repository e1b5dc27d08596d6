// The chair's calls to the relay's membership API (docs/relay-api.md): invite a lid, revoke a
// lid's access. Both need the connection; they fail with a kind the screen turns into Dutch.

import type { LidStatus } from '../../../protocol/ledenStatus';
import type { JoinedTafel } from '../../../sync';

export interface Invite {
  readonly code: string;
  readonly url: string;
  readonly expiresAt: number;
}

export type ApiFailure = 'offline' | 'not-on-server' | 'refused' | 'server';

export class LedenApiError extends Error {
  constructor(readonly kind: ApiFailure) {
    super(kind);
  }
}

function apiUrl(joined: JoinedTafel, path: string): string {
  return new URL(path, joined.relayUrl || globalThis.location?.origin).toString();
}

async function post(joined: JoinedTafel, path: string, body: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(apiUrl(joined, path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${joined.token}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new LedenApiError('offline');
  }
  if (res.status === 404) throw new LedenApiError('not-on-server');
  if (res.status === 401 || res.status === 403) throw new LedenApiError('refused');
  if (!res.ok) throw new LedenApiError('server');
  return res.json();
}

export async function createInvite(joined: JoinedTafel, lidId: string): Promise<Invite> {
  const body = (await post(joined, `/api/tafels/${encodeURIComponent(joined.tafelId)}/invites`, { lidId })) as Partial<Invite>;
  if (typeof body.code !== 'string' || typeof body.url !== 'string' || typeof body.expiresAt !== 'number') throw new LedenApiError('server');
  return { code: body.code, url: body.url, expiresAt: body.expiresAt };
}

export async function fetchLedenStatus(joined: JoinedTafel): Promise<LidStatus[]> {
  let res: Response;
  try {
    res = await fetch(apiUrl(joined, `/api/tafels/${encodeURIComponent(joined.tafelId)}/leden/status`), {
      headers: { Authorization: `Bearer ${joined.token}` },
    });
  } catch {
    throw new LedenApiError('offline');
  }
  if (res.status === 401 || res.status === 403) throw new LedenApiError('refused');
  if (!res.ok) throw new LedenApiError(res.status === 404 ? 'not-on-server' : 'server');
  const body = (await res.json()) as { leden?: unknown };
  return Array.isArray(body.leden) ? (body.leden as LidStatus[]) : [];
}

export async function revokeLid(joined: JoinedTafel, lidId: string): Promise<void> {
  await post(joined, `/api/tafels/${encodeURIComponent(joined.tafelId)}/leden/${encodeURIComponent(lidId)}/revoke`, {});
}

/**
 * The link to show and encode in the QR code. The relay builds it from its configured public
 * address; when that is only "localhost" (not set up), the address this tablet uses is the one the
 * tablet across the table can reach too.
 */
export function inviteLink(invite: Invite, currentOrigin: string): string {
  try {
    const u = new URL(invite.url);
    const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
    const here = new URL(currentOrigin);
    if (local && here.hostname !== u.hostname) return new URL(`/join/${encodeURIComponent(invite.code)}`, here).toString();
    return u.toString();
  } catch {
    return new URL(`/join/${encodeURIComponent(invite.code)}`, currentOrigin).toString();
  }
}
