// The chair's calls to the relay's membership API (docs/relay-api.md): invite a lid, read the
// leden's access, revoke a lid's access. All need the connection; they fail with a kind the screen
// turns into Dutch.

import type { LidStatus } from '../protocol/ledenStatus';
import { relayJson, tafelPath, type RelayRequest } from './relay-api';
import type { JoinedTafel } from './store';

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

// 404 is its own kind: the lid was just added and the relay does not know it until the document
// has synced, which the screen says in other words than a refusal.
const STATUS_KINDS = { 404: 'not-on-server', 401: 'refused', 403: 'refused' } as const;

const call = (joined: JoinedTafel, path: string, request: RelayRequest) => relayJson(joined, path, request, LedenApiError, STATUS_KINDS);

export async function createInvite(joined: JoinedTafel, lidId: string): Promise<Invite> {
  const body = (await call(joined, tafelPath(joined, '/invites'), { method: 'POST', body: { lidId } })) as Partial<Invite>;
  if (typeof body.code !== 'string' || typeof body.url !== 'string' || typeof body.expiresAt !== 'number') throw new LedenApiError('server');
  return { code: body.code, url: body.url, expiresAt: body.expiresAt };
}

export async function fetchLedenStatus(joined: JoinedTafel): Promise<LidStatus[]> {
  const body = (await call(joined, tafelPath(joined, '/leden/status'), {})) as { leden?: unknown };
  return Array.isArray(body.leden) ? (body.leden as LidStatus[]) : [];
}

export async function revokeLid(joined: JoinedTafel, lidId: string): Promise<void> {
  await call(joined, tafelPath(joined, `/leden/${encodeURIComponent(lidId)}/revoke`), { method: 'POST', body: {} });
}
