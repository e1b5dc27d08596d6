// A headless lid at a tafel: it connects through the relay with its device token, exactly like
// the app, so the relay's gate judges every change it sends. Writes are confirmed with the same
// barrier the app uses: resolved when the relay has them, or with the relay's rejection.

import WebSocket from 'ws';
import * as Y from 'yjs';
import { actorForLid, ensureRoots, type Actor } from '../model';
import { RelayConnection } from '../sync/connection';
import type { Rejection } from '../protocol/messages';
import { syncUrlFor } from '../sync/session';

export interface TafelClient {
  readonly tafelId: string;
  readonly lidId: string;
  readonly doc: Y.Doc;
  readonly actor: Actor;
  /** Waits until the relay has every local change so far; resolves with its rejection if it refused one. */
  confirm(): Promise<Rejection | null>;
  close(): void;
}

export class ClientError extends Error {}

const TIMEOUT_MS = 60_000;

export async function openTafel(relayUrl: string, token: string): Promise<TafelClient> {
  const me = await fetch(new URL('/api/me', relayUrl), { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
  if (!me) throw new ClientError(`cannot reach the relay at ${relayUrl}`);
  if (me.status === 401 || me.status === 403) throw new ClientError('the relay does not accept this device token (revoked or wrong)');
  if (!me.ok) throw new ClientError(`the relay answered ${me.status}`);
  const { tafelId, lidId } = (await me.json()) as { tafelId: string; lidId: string };

  const doc = new Y.Doc();
  ensureRoots(doc);
  let online: () => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    online = resolve;
    failed = reject;
  });
  let mark = 0;
  const waiting = new Map<number, (r: Rejection | null) => void>();
  const conn: RelayConnection = new RelayConnection({
    syncUrl: syncUrlFor(relayUrl),
    tafelId,
    token,
    doc,
    tabChannel: `aan-tafel-cli:${tafelId}:${Date.now()}`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    events: {
      state: (s) => s === 'online' && online(),
      confirmed: (m) => {
        for (const [k, resolve] of waiting) {
          if (k > m) continue;
          waiting.delete(k);
          resolve(null);
        }
      },
      rejected: (r) => {
        for (const [k, resolve] of waiting) {
          waiting.delete(k);
          resolve(r);
        }
      },
      closed: (code) => failed(new ClientError(`the relay closed the connection (code ${code})`)),
      attemptFailed: () => undefined,
    },
  });
  conn.connect();
  const timer = setTimeout(() => failed(new ClientError('no connection with the relay within 60 s')), TIMEOUT_MS);
  try {
    await ready;
  } finally {
    clearTimeout(timer);
  }
  const actor = actorForLid(doc, lidId);
  if (!actor) {
    conn.destroy();
    throw new ClientError('this device token is not a lid of the tafel any more');
  }
  return {
    tafelId,
    lidId,
    doc,
    actor,
    confirm: () =>
      new Promise((resolve, reject) => {
        const m = ++mark;
        const timer = setTimeout(() => reject(new ClientError('the relay did not confirm the changes within 60 s')), TIMEOUT_MS);
        waiting.set(m, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        // The barrier can only go out once the handshake is done; retry until it is sent.
        const send = (): void => {
          if (!conn.sendBarrier(m)) setTimeout(send, 50);
        };
        send();
      }),
    close: () => {
      conn.destroy();
      doc.destroy();
    },
  };
}
