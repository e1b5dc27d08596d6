// One connection of a tafel document to the relay: y-websocket's WebsocketProvider, plus what
// Aan Tafel needs on top of it:
// - the relay's rejections (message type 4, src/protocol/messages.ts);
// - confirmations. The relay handles a connection's messages in order and answers every sync
//   step 1 with a step 2. So a step 1 sent after some updates works as a barrier: when its answer
//   arrives and no rejection came before it, the relay has applied those updates.
// - tabs: y-websocket keeps open tabs in sync over a BroadcastChannel (without its full-document
//   broadcast on open: src/sync/tabs.ts); the channel is named after the local copy's generation,
//   so a tab still holding a copy that the relay rejected can never feed it into a rebuilt document.
// - presence: only this tab's own awareness changes go out (src/sync/awareness-out.ts).

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { sendOwnAwarenessOnly } from './awareness-out';
import { decodeRejection, MESSAGE_REJECTED, MESSAGE_SYNC, type Rejection } from '../protocol/messages';
import { syncTabsOnRequest } from './tabs';

export type ConnectionState = 'offline' | 'connecting' | 'online';

export interface ConnectionEvents {
  /** connection state changed ('online' = handshake with the relay done) */
  state(state: ConnectionState): void;
  /** the relay now has everything this document had when barrier `mark` was sent */
  confirmed(mark: number, stateVector: Uint8Array): void;
  /** the relay refused an update of this connection */
  rejected(rejection: Rejection): void;
  /** the relay closed the connection for good (close codes 4400-4499: revoked token, unknown tafel...) */
  closed(code: number): void;
  /** an attempt to connect failed before the socket opened (no network, relay down, upgrade refused) */
  attemptFailed(): void;
}

export interface ConnectionOptions {
  /** ws(s)://host/sync */
  readonly syncUrl: string;
  readonly tafelId: string;
  readonly token: string;
  readonly doc: Y.Doc;
  readonly tabChannel: string;
  readonly WebSocket?: typeof WebSocket;
  readonly events: ConnectionEvents;
}

type SyncHandler = WebsocketProvider['messageHandlers'][number];

/** A barrier in flight: the answer to it confirms up to `mark`; null for y-websocket's own step 1 on connect. */
interface Barrier {
  readonly mark: number | null;
  readonly stateVector: Uint8Array;
}

export class RelayConnection {
  readonly provider: WebsocketProvider;
  private barriers: Barrier[] = [];
  /** true once the relay's step 1 was answered on this socket: everything local has been sent */
  private handshakeDone = false;
  private rejectedSinceOpen = false;
  private opened = false;
  /** 'connecting' during the first attempt; after a failure 'offline' until a socket opens again */
  private state: ConnectionState = 'connecting';

  constructor(private readonly opts: ConnectionOptions) {
    this.provider = new WebsocketProvider(opts.syncUrl, opts.tafelId, opts.doc, {
      connect: false,
      params: { token: opts.token },
      ...(opts.WebSocket ? { WebSocketPolyfill: opts.WebSocket } : {}),
    });
    this.provider.bcChannel = opts.tabChannel;
    syncTabsOnRequest(this.provider);
    sendOwnAwarenessOnly(this.provider);
    const stockSync = this.provider.messageHandlers[MESSAGE_SYNC]!;
    this.provider.messageHandlers[MESSAGE_SYNC] = this.syncHandler(stockSync);
    this.provider.messageHandlers[MESSAGE_REJECTED] = (_encoder, decoder, _provider, fromRelay) => {
      if (!fromRelay) return;
      this.rejectedSinceOpen = true;
      let rejection: Rejection;
      try {
        rejection = decodeRejection(decoder);
      } catch {
        rejection = { messageType: 0, violations: [], at: Date.now() };
      }
      opts.events.rejected(rejection);
    };
    this.provider.on('status', ({ status }) => {
      if (status !== 'connected') return;
      // y-websocket sends its step 1 right after this event; its answer confirms nothing.
      this.opened = true;
      this.barriers = [{ mark: null, stateVector: new Uint8Array() }];
      this.handshakeDone = false;
      this.rejectedSinceOpen = false;
      this.setState('connecting');
    });
    // Every closed socket, also an attempt that never opened (y-websocket reports no status then).
    this.provider.on('connection-close', () => {
      const failedAttempt = !this.opened;
      this.opened = false;
      this.barriers = [];
      this.handshakeDone = false;
      this.setState('offline');
      if (failedAttempt) opts.events.attemptFailed();
    });
    this.provider.on('closed', ({ code }) => opts.events.closed(code));
  }

  /** Starts connecting (and keeps reconnecting with backoff); events may fire from here on. */
  connect(): void {
    this.provider.connect();
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** Sends a barrier for local changes up to `mark`; false when it cannot be sent now. */
  sendBarrier(mark: number): boolean {
    const ws = this.provider.ws;
    if (!this.handshakeDone || !this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return false;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.opts.doc);
    const message = encoding.toUint8Array(encoder);
    // The state vector just written: read it back rather than encoding it twice.
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    this.barriers.push({ mark, stateVector: decoding.readVarUint8Array(decoder) });
    ws.send(message);
    return true;
  }

  /** true when a barrier sent now would cover every local change (the handshake has been answered). */
  get canConfirm(): boolean {
    return this.handshakeDone && this.state === 'online';
  }

  destroy(): void {
    this.provider.destroy();
    // The provider tells the others this client left, but leaves its awareness timer running.
    this.provider.awareness.destroy();
    this.barriers = [];
    this.setState('offline');
  }

  private syncHandler(stock: SyncHandler): SyncHandler {
    return (encoder, decoder, provider, fromRelay, messageType) => {
      if (!fromRelay) {
        stock(encoder, decoder, provider, fromRelay, messageType);
        return;
      }
      const syncType = decoding.peekVarUint(decoder);
      stock(encoder, decoder, provider, fromRelay, messageType);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // The stock handler has just written our step 2 (all the relay lacks) into `encoder`,
        // which y-websocket sends right after this returns: only then may barriers follow it.
        queueMicrotask(() => {
          if (this.provider.ws === null || this.state === 'offline') return;
          this.handshakeDone = true;
          if (this.provider.synced) this.setState('online');
        });
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        // Online = both directions done: the relay has all we had, we have all it had.
        if (this.handshakeDone) this.setState('online');
        const barrier = this.barriers.shift();
        if (barrier && barrier.mark !== null && !this.rejectedSinceOpen) {
          this.opts.events.confirmed(barrier.mark, barrier.stateVector);
        }
      }
    };
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.opts.events.state(state);
  }
}
