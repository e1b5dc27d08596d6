// Tabs of one device keep each other in sync over a BroadcastChannel (src/sync/tabs.ts): both
// ways when a tab opens, but without sending the whole document when no other tab is listening.

import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { RelayConnection } from '../../../src/sync/connection';
import { MESSAGE_SYNC, MESSAGE_TAB_HELLO } from '../../../src/protocol/messages';

const open: RelayConnection[] = [];
afterEach(() => open.splice(0).forEach((c) => c.destroy()));

function tab(doc: Y.Doc, channel: string): RelayConnection {
  const conn = new RelayConnection({
    // Never connected: only the tabs' channel is under test.
    syncUrl: 'ws://127.0.0.1:9/sync',
    tafelId: 't',
    token: 'x',
    doc,
    tabChannel: channel,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    events: { state: () => undefined, confirmed: () => undefined, rejected: () => undefined, closed: () => undefined, attemptFailed: () => undefined },
  });
  open.push(conn);
  return conn;
}

function docWith(key: string, value: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, value);
  return doc;
}

/** [message type, sync message type or null] of a message on the channel. */
function kind(data: ArrayBuffer | Uint8Array): [number, number | null] {
  const decoder = decoding.createDecoder(new Uint8Array(data));
  const type = decoding.readVarUint(decoder);
  return [type, type === MESSAGE_SYNC ? decoding.readVarUint(decoder) : null];
}

describe('tabs', () => {
  it('a tab that opens alone sends its state vector and a hello, not its whole document', () => {
    const channel = `alone-${Math.random()}`;
    const seen: [number, number | null][] = [];
    const listener = (data: ArrayBuffer) => seen.push(kind(data));
    bc.subscribe(channel, listener);
    const big = new Y.Doc();
    for (let i = 0; i < 200; i++) big.getMap('m').set(`k${i}`, 'x'.repeat(100));
    tab(big, channel).provider.connectBc();
    bc.unsubscribe(channel, listener);
    expect(seen).toContainEqual([MESSAGE_SYNC, syncProtocol.messageYjsSyncStep1]);
    expect(seen).toContainEqual([MESSAGE_TAB_HELLO, null]);
    expect(seen.filter(([t, s]) => t === MESSAGE_SYNC && s !== syncProtocol.messageYjsSyncStep1)).toEqual([]);
  });

  it('a tab that opens gets what it lacks and gives the open tabs what they lack', () => {
    const channel = `pair-${Math.random()}`;
    const first = docWith('eerste', 'al open');
    const second = docWith('tweede', 'opent nu');
    tab(first, channel).provider.connectBc();
    tab(second, channel).provider.connectBc();
    expect(first.getMap('m').toJSON()).toEqual({ eerste: 'al open', tweede: 'opent nu' });
    expect(second.getMap('m').toJSON()).toEqual({ eerste: 'al open', tweede: 'opent nu' });
    // And from then on every change travels as it happens.
    second.getMap('m').set('later', 'ja');
    expect(first.getMap('m').get('later')).toBe('ja');
  });
});
