// The three servers of the fan-out benchmark and how a client connects to each, with the
// provider its makers ship: y-websocket's WebsocketProvider for our relay (sending presence as
// the app's connection does) and for the reference server (both speak the y-websocket
// protocol), HocuspocusProvider for Hocuspocus.

import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { sendOwnAwarenessOnly } from '../../../src/sync/awareness-out';
import { MESSAGE_REJECTED } from '../../../src/protocol/messages';

/**
 * `ours-normal` is a diagnostic, run in the fan-out only: our relay as shipped except SQLite at
 * synchronous=NORMAL (no fsync per COMMIT), so one run measures what durability costs per update
 * beside what the rest of the relay costs. The targets judge `ours`.
 */
export const CONTESTANTS = ['ours', 'reference', 'hocuspocus', 'ours-normal'] as const;
export type Contestant = (typeof CONTESTANTS)[number];
/** The servers that keep nothing and check nothing. */
export type PlainContestant = Exclude<Contestant, 'ours' | 'ours-normal'>;

/** The three servers every row compares (the diagnostic runs in the fan-out only). */
export type Server = 'ours' | PlainContestant;

export const isOurs = (c: Contestant): c is 'ours' | 'ours-normal' => c === 'ours' || c === 'ours-normal';

export const CONTESTANT_LABEL: Record<Contestant, string> = {
  ours: 'Aan Tafel relay (gate + SQLite)',
  reference: 'y-websocket@2 reference server (memory, no checks)',
  hocuspocus: 'Hocuspocus (memory, no checks)',
  'ours-normal': 'Aan Tafel relay, SQLite synchronous=NORMAL (diagnostic: no fsync per COMMIT)',
};

export interface Endpoint {
  /** ws://host:port base url of the server. */
  readonly url: string;
  /** Room / document name on the server. */
  readonly room: string;
}

export interface Connection {
  readonly synced: Promise<void>;
  /** Updates the server refused (only our relay says so; the others accept everything). */
  rejected(): number;
  destroy(): void;
}

const SYNC_TIMEOUT_MS = 120_000;

function withTimeout(p: Promise<void>, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: not synced within ${SYNC_TIMEOUT_MS / 1000} s`)), SYNC_TIMEOUT_MS);
    p.then(
      () => (clearTimeout(timer), resolve()),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/** Connects one client document; `token` authenticates a lid at our relay and is unused elsewhere. */
export function connect(contestant: Contestant, endpoint: Endpoint, doc: Y.Doc, token: string | undefined): Connection {
  if (contestant === 'hocuspocus') {
    let onSynced: () => void = () => undefined;
    const synced = new Promise<void>((resolve) => (onSynced = resolve));
    const provider = new HocuspocusProvider({
      url: endpoint.url,
      name: endpoint.room,
      document: doc,
      // Node 20 has no global WebSocket; the provider passes this on to its socket.
      ...({ WebSocketPolyfill: WebSocket } as object),
      onSynced: () => onSynced(),
    });
    return { synced: withTimeout(synced, 'hocuspocus client'), rejected: () => 0, destroy: () => provider.destroy() };
  }
  const provider = new WebsocketProvider(endpoint.url, endpoint.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
  // Our relay's clients send presence as the app's connection does (src/sync/connection.ts); the
  // reference server's clients are stock.
  if (isOurs(contestant)) sendOwnAwarenessOnly(provider);
  let rejected = 0;
  provider.messageHandlers[MESSAGE_REJECTED] = () => void rejected++;
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.on('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return { synced: withTimeout(synced, `${contestant} client`), rejected: () => rejected, destroy: () => provider.destroy() };
}
