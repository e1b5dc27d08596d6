// The chair's calls to the relay's network API (docs/relay-api.md, "Network"): the tafel's links
// and the tafels it may ask; ask, accept, end. Online only; failures come back as a kind the
// screen turns into Dutch.

import type { JoinedTafel } from '../../../sync';

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

async function call(joined: JoinedTafel, method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(new URL(path, joined.relayUrl || globalThis.location?.origin).toString(), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), Authorization: `Bearer ${joined.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new NetwerkApiError('offline');
  }
  if (res.status === 401 || res.status === 403) throw new NetwerkApiError('refused');
  if (res.status === 409 || res.status === 404) throw new NetwerkApiError('conflict');
  if (!res.ok) throw new NetwerkApiError('server');
  return res.json();
}

const base = (joined: JoinedTafel) => `/api/tafels/${encodeURIComponent(joined.tafelId)}`;

export const leesNetwerk = (joined: JoinedTafel) => call(joined, 'GET', `${base(joined)}/netwerk`) as Promise<NetwerkView>;
export const vraagKoppeling = (joined: JoinedTafel, met: string) => call(joined, 'POST', `${base(joined)}/koppelingen`, { met });
export const aanvaardKoppeling = (joined: JoinedTafel, id: string) => call(joined, 'POST', `${base(joined)}/koppelingen/${encodeURIComponent(id)}/aanvaarden`);
export const beeindigKoppeling = (joined: JoinedTafel, id: string) => call(joined, 'POST', `${base(joined)}/koppelingen/${encodeURIComponent(id)}/beeindigen`);
