// One request to the relay's HTTP API with a tafel's device token (docs/relay-api.md), shared by
// the calls the screens make through src/sync/index.ts (history, leden, netwerk). What a status
// means differs per API on purpose, so each names its statuses' kinds in its own table.

import type { JoinedTafel } from './store';

export interface RelayRequest {
  /** GET when not given */
  readonly method?: 'GET' | 'POST';
  /** sent as JSON when given */
  readonly body?: unknown;
}

/** An API's kind per HTTP status; any other status that is not ok is 'server'. */
export type StatusKinds<K extends string> = Readonly<Partial<Record<number, K>>>;

/**
 * The relay's JSON answer. Fails with `new Failure(kind)`: 'offline' when fetch itself fails (no
 * connection, relay not reachable), the table's kind for its statuses, 'server' for the rest.
 */
export async function relayJson<K extends string>(
  joined: JoinedTafel,
  path: string,
  request: RelayRequest,
  Failure: new (kind: K | 'offline' | 'server') => Error,
  kinds: StatusKinds<K>,
): Promise<unknown> {
  const { method = 'GET', body } = request;
  let res: Response;
  try {
    res = await fetch(new URL(path, joined.relayUrl || globalThis.location?.origin).toString(), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), Authorization: `Bearer ${joined.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Failure('offline');
  }
  const kind = kinds[res.status];
  if (kind !== undefined) throw new Failure(kind);
  if (!res.ok) throw new Failure('server');
  return res.json();
}

/** The path of a tafel's own part of the API, e.g. tafelPath(joined, '/netwerk'). */
export function tafelPath(joined: JoinedTafel, rest: string): string {
  return `/api/tafels/${encodeURIComponent(joined.tafelId)}${rest}`;
}
