// The real relay (rooms, gate, validator, SQLite storage and group commit) in this process, and a
// WebSocket class for the app's RelayConnection (y-websocket's provider) that talks to it through
// in-memory pipes instead of TCP. Messages are delivered in order, each in its own macrotask, so
// the timing windows of a real network (an edit typed while the socket is open but the relay's
// sync step 1 has not arrived yet) exist here too, deterministically. A Network switch cuts the
// sockets of one device, as a tablet losing its connection.
//
//   const relay = await InMemoryRelay.start((doc, chair) => { ...set up partijen, leden... });
//   const net = new Network();
//   const conn = new RelayConnection({ ..., WebSocket: relay.socketClass(lidId, net), ... });
//   ...
//   relay.stop();

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Y from 'yjs';
import { loadConfig } from '../../../server/config';
import { TokenBucket } from '../../../server/limits';
import type { Log } from '../../../server/log';
import { MalformedMessage, Rooms, type Connection, type Room } from '../../../server/rooms';
import type { RoomSocket } from '../../../server/socket';
import type { RelayStorage } from '../../../server/storage';
import { SqliteStorage } from '../../../server/storage-sqlite';
import { createTafel } from '../../../server/tafels';

/** Runs `fn` after everything already scheduled the same way: one macrotask per message, in order. */
const later = (fn: () => void) => setImmediate(fn);

/** A device's network: when it goes offline every socket it has is cut and new ones fail. */
export class Network {
  online = true;
  readonly sockets = new Set<{ cut(): void }>();

  setOnline(online: boolean): void {
    this.online = online;
    if (!online) for (const s of [...this.sockets]) s.cut();
  }
}

interface ClientSocket {
  readyState: number;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null;
  onclose: ((e: { code: number; reason: string }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

export class InMemoryRelay {
  private constructor(
    /** What the relay logged as errors (a failed room, a message that failed). */
    readonly errors: string[],
    readonly dir: string,
    readonly storage: RelayStorage,
    readonly rooms: Rooms,
    readonly tafelId: string,
    readonly chairLidId: string,
  ) {}

  /** A relay with one tafel; `populate` fills its first state as the chair (partijen, leden, ...). */
  static async start(populate: (doc: Y.Doc, chair: { lidId: string; partijId: string }) => void): Promise<InMemoryRelay> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-inmemory-'));
    // The room stays loaded for the whole test (room() reads it synchronously).
    const config = loadConfig({ AAN_TAFEL_DATA: dir, AAN_TAFEL_ROOM_IDLE_MS: String(24 * 3600_000) }, dir);
    const storage = SqliteStorage.open(dir);
    const errors: string[] = [];
    const log: Log = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
    const t = await createTafel(storage, { naam: 'Versnellingstafel In-memory', populate }, { publicUrl: 'http://x', inviteTtlMs: 60_000, createdBy: 'test', now: Date.now() });
    const relay = new InMemoryRelay(errors, dir, storage, new Rooms(storage, config, log), t.tafelId, t.chairLidId);
    await relay.acquire();
    return relay;
  }

  /** The tafel's room, loading it when needed (after a failed room was dropped). */
  async acquire(): Promise<Room> {
    const got = await this.rooms.acquire(this.tafelId);
    if (!got.ok) throw new Error(`tafel not available: ${got.reason}`);
    return got.room;
  }

  /** The tafel's loaded room. */
  room(): Room {
    const room = this.rooms.loaded(this.tafelId);
    if (!room) throw new Error('the tafel is not loaded (its room failed and was dropped)');
    return room;
  }

  /** A WebSocket class for a device of `lidId` on network `net`. */
  socketClass(lidId: string, net: Network): typeof globalThis.WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const relay = this;
    class InMemorySocket implements ClientSocket {
      static readonly CONNECTING = 0;
      static readonly OPEN = 1;
      static readonly CLOSING = 2;
      static readonly CLOSED = 3;
      readonly CONNECTING = 0;
      readonly OPEN = 1;
      readonly CLOSING = 2;
      readonly CLOSED = 3;
      readyState = 0;
      binaryType = 'arraybuffer';
      onopen: ClientSocket['onopen'] = null;
      onmessage: ClientSocket['onmessage'] = null;
      onclose: ClientSocket['onclose'] = null;
      onerror: ClientSocket['onerror'] = null;
      private conn: Connection | null = null;
      private room: Room | null = null;

      constructor() {
        const handle = { cut: () => this.drop(1006, 'network lost') };
        net.sockets.add(handle);
        this.forget = () => net.sockets.delete(handle);
        later(() => void this.open());
      }

      private forget: () => void;
      private closeServerSide: () => void = () => undefined;

      private async open(): Promise<void> {
        if (this.readyState !== 0) return;
        if (!net.online) {
          this.onerror?.({});
          this.drop(1006, 'offline');
          return;
        }
        const room = await relay.acquire();
        if (this.readyState !== 0) return;
        let serverOpen = true;
        const socket: RoomSocket = {
          isOpen: () => serverOpen,
          send: (m: Uint8Array) => {
            const copy = m.slice();
            later(() => {
              if (this.readyState === 1 && this.conn === conn) this.onmessage?.({ data: copy.buffer });
            });
          },
          close: (code: number, reason: string) => {
            if (!serverOpen) return;
            serverOpen = false;
            later(() => this.drop(code, reason));
          },
        };
        this.closeServerSide = () => (serverOpen = false);
        const conn: Connection = {
          socket,
          tafelId: relay.tafelId,
          lidId,
          tokenHash: `in-memory:${lidId}`,
          bucket: new TokenBucket(1_000_000, 1_000_000, Date.now()),
        };
        this.conn = conn;
        this.room = room;
        relay.rooms.attach(room, conn);
        this.readyState = 1;
        this.onopen?.({});
        room.greet(conn);
      }

      send(data: Uint8Array | ArrayBuffer): void {
        if (this.readyState !== 1) return;
        const bytes = new Uint8Array(data instanceof ArrayBuffer ? data : data.slice()).slice();
        const conn = this.conn;
        const room = this.room;
        later(() => {
          if (!conn || !room || this.conn !== conn || !room.conns.has(conn)) return;
          try {
            room.handleMessage(conn, bytes);
          } catch (e) {
            if (e instanceof MalformedMessage) room.close(conn, 4400, 'malformed message');
            else {
              relay.errors.push(String(e));
              conn.socket.close(1011, 'relay error');
            }
          }
        });
      }

      close(code = 1000, reason = ''): void {
        this.drop(code, reason);
      }

      /** The socket ends (either side, or the network): the relay forgets the connection, the client hears it. */
      private drop(code: number, reason: string): void {
        if (this.readyState === 3) return;
        this.readyState = 3;
        this.forget();
        const conn = this.conn;
        this.conn = null;
        if (conn && this.room) {
          this.closeServerSide();
          relay.rooms.detach(this.room, conn);
        }
        later(() => this.onclose?.({ code, reason }));
      }
    }
    return InMemorySocket as unknown as typeof globalThis.WebSocket;
  }

  async stop(): Promise<void> {
    await this.rooms.closeAllRooms();
    await this.storage.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
