// One connection of a tafel document to the relay: y-websocket's WebsocketProvider, plus what
// Aan Tafel needs on top of it:
// - the relay's rejections (message type 4, src/protocol/messages.ts);
// - confirmations. The relay handles a connection's messages in order and answers every sync
//   step 1 with a step 2. So a step 1 sent after some updates works as a barrier: when its answer
//   arrives and no rejection came before it, the relay has applied those updates. The barrier's
//   state vector names this document's own clientID at the last verified clock, so the answer
//   brings our own changes since then back, and they are compared with what we wrote
//   (src/sync/own-content.ts): a confirmation compares content, not only clocks.
// - tabs: y-websocket keeps open tabs in sync over a BroadcastChannel (without its full-document
//   broadcast on open: src/sync/tabs.ts); the channel is named after the local copy's generation,
//   so a tab still holding a copy that the relay rejected can never feed it into a rebuilt document.
// - presence: only this tab's own awareness changes go out (src/sync/awareness-out.ts).
// - order: after a reconnect, local edits go out only after the offline changes they build on
//   (src/sync/updates-out.ts).

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from './awareness-out';
import { decodeRejection, MESSAGE_REJECTED, MESSAGE_SYNC, type Rejection } from '../protocol/messages';
import { relayHoldsOwnContent } from './own-content';
import { syncTabsOnRequest } from './tabs';
import { sendUpdatesAfterHandshake, type UpdatesOut } from './updates-out';

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
  /**
   * Where the browser announces 'offline' and 'online' (window; none in Node). A dead network
   * leaves a socket open until y-websocket's 30 s watchdog notices; the browser knows at once.
   */
  readonly network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
}

/** The browser's window, where it fires 'offline' and 'online'; null outside a browser. */
function browserNetwork(): Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null {
  const g = globalThis as { addEventListener?: unknown; removeEventListener?: unknown };
  return typeof g.addEventListener === 'function' && typeof g.removeEventListener === 'function'
    ? (globalThis as unknown as EventTarget)
    : null;
}

type SyncHandler = WebsocketProvider['messageHandlers'][number];

/** A barrier in flight: the answer to it confirms up to `mark`; null for y-websocket's own step 1 on connect. */
interface Barrier {
  readonly mark: number | null;
  readonly stateVector: Uint8Array;
  /** our clientID's changes from `from` to `to` are to come back in the answer, to be compared */
  readonly own?: { readonly client: number; readonly from: number; readonly to: number };
}

export class RelayConnection {
  readonly provider: WebsocketProvider;
  private readonly updatesOut: UpdatesOut;
  private barriers: Barrier[] = [];
  /** this document's own changes up to this clock were found at the relay as we wrote them */
  private verifiedClock = 0;
  /** true once the relay's step 1 was answered on this socket: everything local has been sent */
  private handshakeDone = false;
  private rejectedSinceOpen = false;
  private opened = false;
  /** 'connecting' during the first attempt; after a failure 'offline' until a socket opens again */
  private state: ConnectionState = 'connecting';
  private readonly network: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;

  constructor(private readonly opts: ConnectionOptions) {
    this.network = opts.network === undefined ? browserNetwork() : opts.network;
    this.provider = new WebsocketProvider(opts.syncUrl, opts.tafelId, opts.doc, {
      connect: false,
      params: { token: opts.token },
      ...(opts.WebSocket ? { WebSocketPolyfill: opts.WebSocket } : {}),
    });
    this.provider.bcChannel = opts.tabChannel;
    syncTabsOnRequest(this.provider);
    sendOwnAwarenessOnly(this.provider);
    this.updatesOut = sendUpdatesAfterHandshake(this.provider);
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
      this.updatesOut.opened();
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
    this.network?.addEventListener('offline', this.onOffline);
    this.network?.addEventListener('online', this.onOnline);
  }

  /** The network went away: drop the socket now (status, presence) and keep trying in the background. */
  private readonly onOffline = (): void => {
    const p = this.provider;
    if (!p.shouldConnect) return;
    if (p.ws !== null) {
      // disconnect() closes through y-websocket's own path (connection-close, presence cleared);
      // connect() starts the next attempt, which fails until the network is back.
      p.disconnect();
      p.connect();
    }
    this.setState('offline');
  };

  /** The network is back: try at once instead of waiting out the backoff. */
  private readonly onOnline = (): void => {
    const p = this.provider;
    if (!p.shouldConnect || p.wsconnected) return;
    if (p.ws !== null && p.wsconnecting) {
      // An attempt made while offline may hang until it times out: start a fresh one.
      p.disconnect();
    }
    p.connect();
  };

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
    const doc = this.opts.doc;
    const stateVector = Y.encodeStateVector(doc);
    const client = doc.clientID;
    const to = Y.getState(doc.store, client);
    // Ask for our own changes since the last verified clock: the answer shows what the relay holds.
    const asked = to > this.verifiedClock ? Y.encodeStateVector(new Map(Y.decodeStateVector(stateVector)).set(client, this.verifiedClock)) : stateVector;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, asked);
    this.barriers.push({ mark, stateVector, own: { client, from: this.verifiedClock, to } });
    ws.send(encoding.toUint8Array(encoder));
    return true;
  }

  /** true when a barrier sent now would cover every local change (the handshake has been answered). */
  get canConfirm(): boolean {
    return this.handshakeDone && this.state === 'online';
  }

  destroy(): void {
    this.network?.removeEventListener('offline', this.onOffline);
    this.network?.removeEventListener('online', this.onOnline);
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
      const barrier = syncType === syncProtocol.messageYjsSyncStep2 ? this.barriers[0] : undefined;
      // Compared before the answer is applied: what it holds beyond our own changes must not mix in.
      const holdsOurs = barrier?.own ? this.relayHoldsOurs(decoder, barrier.own) : true;
      stock(encoder, decoder, provider, fromRelay, messageType);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // Our step 2 is in `encoder` and goes out before anything else can run: updates may follow.
        this.updatesOut.answered();
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
        this.barriers.shift();
        if (!holdsOurs && !this.rejectedSinceOpen) {
          // The relay holds other content at our clocks: never "confirmed"; recover as from a rejection.
          this.rejectedSinceOpen = true;
          this.opts.events.rejected({
            messageType: syncProtocol.messageYjsSyncStep2,
            violations: [{ path: [], code: 'client-id-taken', message: 'the relay holds other changes under this clientID' }],
            at: Date.now(),
          });
        } else if (barrier && barrier.mark !== null && !this.rejectedSinceOpen) {
          if (barrier.own) this.verifiedClock = Math.max(this.verifiedClock, barrier.own.to);
          this.opts.events.confirmed(barrier.mark, barrier.stateVector);
        }
      }
    };
  }

  /** Reads the step 2 in `decoder` (without consuming it) and compares our own changes in it. */
  private relayHoldsOurs(decoder: decoding.Decoder, own: NonNullable<Barrier['own']>): boolean {
    if (own.to <= own.from) return true;
    const copy = decoding.clone(decoder);
    decoding.readVarUint(copy);
    try {
      return relayHoldsOwnContent(this.opts.doc, decoding.readVarUint8Array(copy), own.client, own.from, own.to);
    } catch {
      return false;
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.opts.events.state(state);
  }
}
