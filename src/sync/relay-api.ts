// One request to the relay's HTTP API with a tafel's device token (docs/relay-api.md), shared by
// the calls the screens make through src/sync/index.ts (history, leden, netwerk). It only sends:
// what a status means differs per API on purpose, so each maps the response to its own kinds.

import type { JoinedTafel } from './store';

export interface RelayRequest {
  /** GET when not given */
  readonly method?: 'GET' | 'POST';
  /** sent as JSON when given */
  readonly body?: unknown;
}

/**
 * The relay's answer, whatever its status. When fetch itself fails (no connection, relay not
 * reachable) it throws `new Failure('offline')`, so each API's error class carries that kind too.
 */
export async function relayFetch(joined: JoinedTafel, path: string, request: RelayRequest, Failure: new (kind: 'offline') => Error): Promise<Response> {
  const { method = 'GET', body } = request;
  try {
    return await fetch(new URL(path, joined.relayUrl || globalThis.location?.origin).toString(), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), Authorization: `Bearer ${joined.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Failure('offline');
  }
}

/** The path of a tafel's own part of the API, e.g. tafelPath(joined, '/netwerk'). */
export function tafelPath(joined: JoinedTafel, rest: string): string {
  return `/api/tafels/${encodeURIComponent(joined.tafelId)}${rest}`;
}
