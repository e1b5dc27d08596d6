// Issue 16, defect 1: when the network drops, an open socket can stay "open" for up to 30 s
// (y-websocket's watchdog). The browser's 'offline' event must end it at once, so the status says
// Offline immediately; 'online' must try again at once instead of waiting out the backoff.

import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { RelayConnection, type ConnectionState } from '../../../src/sync/connection';

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

/** A relay that accepts sockets and then says nothing: like a connection whose network just died. */
async function silentRelay(): Promise<{ url: string; sockets: () => number }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  let count = 0;
  server.on('connection', () => count++);
  cleanup.push(() => server.close());
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sync`, sockets: () => count };
}

async function until(check: () => boolean): Promise<void> {
  await expect.poll(check, { timeout: 10_000 }).toBe(true);
}

describe('connection and the browser network events', () => {
  it('goes offline on the offline event at once, and reconnects on the online event', async () => {
    const relay = await silentRelay();
    const network = new EventTarget();
    const states: ConnectionState[] = [];
    const conn = new RelayConnection({
      syncUrl: relay.url,
      tafelId: 't',
      token: 'x',
      doc: new Y.Doc(),
      tabChannel: `offline-test-${Math.random()}`,
      WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
      network,
      events: {
        state: (s) => states.push(s),
        confirmed: () => undefined,
        rejected: () => undefined,
        closed: () => undefined,
        attemptFailed: () => undefined,
      },
    });
    cleanup.push(() => conn.destroy());
    conn.connect();
    await until(() => conn.provider.wsconnected);
    expect(conn.connectionState).toBe('connecting');

    network.dispatchEvent(new Event('offline'));
    // Synchronously: no waiting for a timeout.
    expect(conn.connectionState).toBe('offline');
    expect(states.at(-1)).toBe('offline');

    const before = relay.sockets();
    network.dispatchEvent(new Event('online'));
    await until(() => relay.sockets() > before && conn.provider.wsconnected);
  });
});
