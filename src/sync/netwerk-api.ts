// The chair's calls to the relay's network API (docs/relay-api.md, "Network"): the tafel's links
// and the tafels it may ask; ask, accept, end. Online only; failures come back as a kind the
// screen turns into Dutch.

import { relayJson, tafelPath, type RelayRequest } from './relay-api';
import type { JoinedTafel } from './store';

export interface NetwerkTafel {
  readonly tafelId: string;
  readonly naam: string;
  readonly soort: string;
  readonly landsdeel: string | null;
}

export interface KoppelingView {
  readonly id: string;
  readonly andere: NetwerkTafel;
  readonly status: 'verzoek verstuurd' | 'verzoek ontvangen' | 'actief' | 'beeindigd';
  readonly sinds: number;
}

export interface NetwerkView {
  readonly tafel: NetwerkTafel;
  readonly koppelingen: readonly KoppelingView[];
  readonly tafels: readonly NetwerkTafel[];
}

export type NetwerkFailure = 'offline' | 'refused' | 'conflict' | 'server';

export class NetwerkApiError extends Error {
  constructor(readonly kind: NetwerkFailure) {
    super(kind);
  }
}

// 404 and 409 are both 'conflict': the link changed in the meantime (the other chair acted, or it
// is no longer there), which the screen says as one thing.
const STATUS_KINDS = { 401: 'refused', 403: 'refused', 404: 'conflict', 409: 'conflict' } as const;

const call = (joined: JoinedTafel, path: string, request: RelayRequest) => relayJson(joined, path, request, NetwerkApiError, STATUS_KINDS);

export const leesNetwerk = (joined: JoinedTafel) => call(joined, tafelPath(joined, '/netwerk'), {}) as Promise<NetwerkView>;
export const vraagKoppeling = (joined: JoinedTafel, met: string) => call(joined, tafelPath(joined, '/koppelingen'), { method: 'POST', body: { met } });
export const aanvaardKoppeling = (joined: JoinedTafel, id: string) => call(joined, tafelPath(joined, `/koppelingen/${encodeURIComponent(id)}/aanvaarden`), { method: 'POST' });
export const beeindigKoppeling = (joined: JoinedTafel, id: string) => call(joined, tafelPath(joined, `/koppelingen/${encodeURIComponent(id)}/beeindigen`), { method: 'POST' });
