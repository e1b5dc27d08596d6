// Rooms: one loaded tafel document with its awareness and its connections, speaking the
// y-websocket protocol. A room loads lazily (snapshot + log replay) when first needed, and is
// compacted and unloaded when it has been without connections for a while, so memory follows the
// tafels in use, not the tafels ever opened.
//
// Durability rule: a change to a room's document is appended to storage and committed before it
// is sent to anyone (see Room.commit), so whatever a client has seen broadcast survives a crash.
// The appends of one event-loop turn share one COMMIT (server/groupcommit.ts); every message a
// room sends goes through Room.send, which holds it back, in order, until its batch is committed.

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ensureRoots, readTafel, type RootName } from '../src/model';
import { pendingMigrations } from '../src/model/migrations';
import { applyUpdateFast } from '../src/model/updateDecoder';
import { encodeRejection, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, syncMessage } from '../src/protocol/messages';
import type { Config } from './config';
import type { BatchMember, RoomWrites } from './groupcommit';
import type { RelayStorage, StoredTafel } from './storage';
import { LocalCluster, type Cluster } from './cluster';
import type { TokenBucket } from './limits';
import { CLOSE } from '../src/protocol/closeCodes';
import { rewriteAwareness } from './awareness';
import { presenceUser } from '../src/model/presence';
import { frozenAcceptedWrite, loadFrozenTijden, type FrozenTijden } from './frozenTijden';
import { judgeUpdate } from './gate';
import { SharedMessage } from './frames';
import { pendingChanges, recordChanges } from './fieldHistory';
import type { Log } from './log';
import type { Actor, WriteIntent } from '../src/ownership/rulebook';
import type { RoomSocket } from './socket';

/** Origin of the transaction that replays the stored state: not appended again. */
const LOAD_ORIGIN = Symbol('relay-load');

/**
 * A connection is one tab: one clientID, a new one after a rebuild. Presence binds at most this
 * many clientIDs per connection; states for further unbound ones are not passed on.
 */
const MAX_PRESENCE_BINDINGS = 8;

/**
 * A state vector names the clientIDs a device knows: those of the tafel plus its own new ones (a
 * tab, a rebuilt document, other tabs' offline work). More than this many beyond the tafel's own
 * is not a device; answering it would cost time and memory in proportion to what it names.
 */
const STATE_VECTOR_SLACK = 64;

export class MalformedMessage extends Error {}

export interface Connection {
  readonly socket: RoomSocket;
  readonly tafelId: string;
  readonly lidId: string;
  readonly tokenHash: string;
  readonly bucket: TokenBucket;
}

/** Sends right away; rooms send through Room.send, which waits for the open batch's COMMIT. */
function sendNow(conn: Connection, message: Uint8Array | SharedMessage): void {
  if (!conn.socket.isOpen()) return;
  if (message instanceof Uint8Array) conn.socket.send(message);
  else if (conn.socket.sendShared) conn.socket.sendShared(message);
  else conn.socket.send(message.payload);
}

function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
}

/** Called inside the write set of an accepted update, after it was applied (server/netwerkDienst.ts). */
export type AcceptedHook = (room: Room, actor: Actor, writes: readonly WriteIntent[], w: RoomWrites) => void;

export class Room implements BatchMember {
  readonly doc = new Y.Doc();
  /** What an accepted update may send to other tafels: recorded in the same transaction. */
  onAccepted: AcceptedHook | undefined;
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Set<Connection>();
  /** clientID -> lid, as persisted; the validator asks it. */
  readonly bindings: Map<number, string>;
  /**
   * Which connection speaks for an awareness clientID; no other connection may set its state, and
   * its states leave the presence list when it closes.
   */
  private readonly awarenessOwners = new Map<number, Connection>();
  /** How many clientIDs each connection bound through presence (MAX_PRESENCE_BINDINGS). */
  private readonly presenceBindings = new WeakMap<Connection, number>();
  lastUsed = Date.now();
  idleTimer: NodeJS.Timeout | undefined;
  private readonly outbox: Uint8Array[] = [];
  private logEntries: number;
  /** The name list-tafels shows, as stored: renamed only when the document's name changes. */
  private listedNaam: string;
  /**
   * Whether the tafel's settings changed since the name was last compared with the listed one
   * (true at load, so the first commit compares): reading the name on every commit cost more
   * than the rest of the bookkeeping per update.
   */
  private naamMayDiffer = true;
  private failed = false;

  constructor(
    readonly tafelId: string,
    private readonly storage: RelayStorage,
    private readonly config: Config,
    private readonly log: Log,
    private readonly onFailure: (room: Room) => void,
    stored: StoredTafel,
    /** When the relay accepted this tafel's frozen entries (withdrawal within a set time). */
    private readonly frozenTijden: FrozenTijden,
  ) {
    ensureRoots(this.doc);
    this.doc.transact(() => {
      if (stored.snapshot) applyUpdateFast(this.doc, stored.snapshot, LOAD_ORIGIN);
      for (const u of stored.updates) applyUpdateFast(this.doc, u.data, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.logEntries = stored.updates.length;
    this.listedNaam = stored.naam;
    this.bindings = stored.bindings;
    const tafelRoot = this.doc.getMap('tafel') as unknown as Parameters<Y.Transaction['changed']['has']>[0];
    this.doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      if (origin === LOAD_ORIGIN) return;
      if (tr.changed.has(tafelRoot)) this.naamMayDiffer = true;
      // Runs inside Room.commit's batched write; the broadcast waits for the batch's COMMIT.
      this.storage.batch.write(this, this.tafelId, (w) => w.appendUpdate(update, Date.now()));
      this.logEntries++;
      this.outbox.push(update);
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const conn = origin as Connection | undefined;
      if (conn && this.conns.has(conn)) {
        for (const id of [...added, ...updated]) this.awarenessOwners.set(id, conn);
      }
      for (const id of removed) this.awarenessOwners.delete(id);
      this.broadcast(this.awarenessMessage(changed));
    });

    const migrations = pendingMigrations(this.doc);
    if (migrations.length > 0) this.commit(() => migrations.forEach((m) => m(this.doc)));
  }

  /**
   * Runs `change` (which modifies the document) as one write of the open batch, with the log
   * appends it causes, the rename and a due compaction; the broadcast goes out after the batch's
   * COMMIT. If anything fails the room can no longer vouch that memory equals disk: the batch
   * fails it (dropped, reloaded by the next connection) and this rethrows.
   */
  commit(change: (writes: RoomWrites) => void): void {
    try {
      this.storage.batch.write(this, this.tafelId, (writes) => {
        change(writes);
        if (this.outbox.length === 0) return;
        // Keeps list-tafels in step with the name the chair gives the tafel in the app.
        if (this.naamMayDiffer) {
          const naam = readTafel(this.doc).naam || this.tafelId;
          if (naam !== this.listedNaam) {
            writes.rename(naam);
            this.listedNaam = naam;
          }
          this.naamMayDiffer = false;
        }
        if (this.logEntries >= this.config.compactEvery) this.compactLog(writes);
      });
    } catch (e) {
      this.outbox.length = 0;
      throw e;
    }
    // The sender gets its own update back too: that is its acknowledgement.
    for (const update of this.outbox.splice(0)) this.broadcast(updateMessage(update));
  }

  /** Applies an update inside commit(); true when it changed the document (and was appended). */
  applyRemote(update: Uint8Array, origin: Connection): boolean {
    const before = this.outbox.length;
    applyUpdateFast(this.doc, update, origin);
    return this.outbox.length > before;
  }

  /** Folds the log into a new snapshot (idle unload, shutdown), as a write of the open batch. */
  compact(): void {
    if (this.logEntries === 0 || this.failed) return;
    this.storage.batch.write(this, this.tafelId, (writes) => this.compactLog(writes));
  }

  /** Inside a batched write: the snapshot and the log entries it folds change together or not at all. */
  private compactLog(writes: RoomWrites): void {
    writes.compact(Y.encodeStateAsUpdate(this.doc), Date.now());
    this.logEntries = 0;
  }

  /** Called by the batch: the log is intact and complete; compaction is retried at the next threshold or unload. */
  compactionFailed(e: unknown): void {
    this.log.error(`compacting ${this.tafelId} failed`, e);
  }

  /** Sends to one connection once everything written so far is committed, in order. */
  send(conn: Connection, message: Uint8Array): void {
    this.storage.batch.deliver(this, () => sendNow(conn, message));
  }

  /** Sends to every connection (after the open batch's COMMIT), framed at most once for all of them. */
  broadcast(message: Uint8Array): void {
    if (this.conns.size === 0) return;
    const conns = [...this.conns];
    const shared = new SharedMessage(message);
    this.storage.batch.deliver(this, () => {
      for (const c of conns) sendNow(c, shared);
    });
  }

  /** Starts the y-websocket conversation: our sync step 1 and everyone's presence. */
  greet(conn: Connection): void {
    this.send(conn, syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(conn, this.awarenessMessage(states));
  }

  private awarenessMessage(clientIds: number[]): Uint8Array {
    return encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
    });
  }

  /** Handles one binary message. Throws MalformedMessage when the connection must be closed with 4400. */
  handleMessage(conn: Connection, message: Uint8Array): void {
    // A failed room's connections are being closed; what they still send is not handled.
    if (this.failed) return;
    this.lastUsed = Date.now();
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MESSAGE_SYNC:
          this.handleSync(conn, decoder);
          return;
        case MESSAGE_AWARENESS:
          this.handleAwareness(conn, decoding.readVarUint8Array(decoder));
          return;
        case MESSAGE_QUERY_AWARENESS:
          this.send(conn, this.awarenessMessage([...this.awareness.getStates().keys()]));
          return;
        default:
          throw new MalformedMessage(`unknown message type ${type}`);
      }
    } catch (e) {
      if (e instanceof MalformedMessage) throw e;
      if (this.failed) throw e;
      throw new MalformedMessage(e instanceof Error ? e.message : 'unreadable message');
    }
  }

  private handleSync(conn: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        // Reading is never gated: every lid sees the whole tafel.
        const stateVector = decoding.readVarUint8Array(decoder);
        if (decoding.readVarUint(decoding.createDecoder(stateVector)) > this.doc.store.clients.size + STATE_VECTOR_SLACK) {
          this.close(conn, CLOSE.stateVectorTooLarge, 'state vector too large');
          return;
        }
        // A client sends step 1 after its updates as a barrier: this answer confirms them, so it
        // must not overtake their COMMIT (Room.send queues it behind them).
        this.send(conn, syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, this.doc, stateVector)));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        this.receive(conn, decoding.readVarUint8Array(decoder), syncType);
        return;
      default:
        throw new MalformedMessage(`unknown sync message type ${syncType}`);
    }
  }

  /** Carries out the gate's verdict on an update (server/gate.ts says what happens and why). */
  private receive(conn: Connection, update: Uint8Array, messageType: number): void {
    const now = Date.now();
    const clock = { now, frozenSince: (root: RootName, id: string) => this.frozenTijden.acceptedAt(root, id) };
    const verdict = judgeUpdate(this.doc, conn.lidId, update, (id) => this.bindings.get(id), clock);
    const { actor } = verdict;
    const base = { tafelId: this.tafelId, lidId: conn.lidId, partijId: actor?.partijId ?? null, at: now, size: update.byteLength, messageType };
    if (!verdict.ok) {
      this.storage.batch.write(this, this.tafelId, (w) => w.audit({ ...base, accepted: false, detail: { violations: verdict.violations } }));
      this.send(conn, encodeRejection({ messageType, violations: verdict.violations, at: now }));
      return;
    }
    this.commit((w) => {
      if (actor) w.bindClients(verdict.newClientIds, actor.lidId);
      // Read before applying: the document still holds the values the writes replace.
      const changes = pendingChanges(this.doc, verdict.writes, conn.lidId, actor?.partijId ?? null, now);
      // Updates that change nothing (an empty sync step 2, a repeat) are not audited.
      if (this.applyRemote(update, conn)) {
        w.audit({ ...base, accepted: true, detail: verdict.written });
        // The field history, in the same write set as the accepted update (issue 16).
        recordChanges(w, this.tafelId, changes, now);
        // What it sends to other tafels goes into the outbox in this same write set.
        if (actor) this.onAccepted?.(this, actor, verdict.writes, w);
      }
      for (const f of verdict.frozen) w.module(frozenAcceptedWrite(this.tafelId, f.root, f.entityId, now));
    });
    for (const f of verdict.frozen) this.frozenTijden.remember(f.root, f.entityId, now);
    if (actor) for (const id of verdict.newClientIds) this.bindings.set(id, actor.lidId);
  }

  /**
   * Presence binds clientIDs (docs/sync.md, "clientIDs"): a clientID belongs to the lid whose
   * connection first uses it, in presence or in a write. Everyone sees clientIDs in presence, so
   * a state for a clientID bound to another lid is dropped unread (nobody can pose as that device
   * or learn to write under its clientID first), and an unbound one is bound here, before anyone
   * else can see it.
   */
  private handleAwareness(conn: Connection, update: Uint8Array): void {
    let bindable = MAX_PRESENCE_BINDINGS - (this.presenceBindings.get(conn) ?? 0);
    const rewritten = rewriteAwareness(update, () => presenceUser(this.doc, conn.lidId), (id) => {
      const owner = this.awarenessOwners.get(id);
      if (owner !== undefined && owner !== conn) return false;
      const bound = this.bindings.get(id);
      if (bound !== undefined) return bound === conn.lidId;
      return bindable-- > 0;
    });
    const fresh = rewritten.announced.filter((id) => !this.bindings.has(id));
    if (fresh.length > 0) {
      this.storage.batch.write(this, this.tafelId, (w) => w.bindClients(fresh, conn.lidId));
      for (const id of fresh) this.bindings.set(id, conn.lidId);
      this.presenceBindings.set(conn, (this.presenceBindings.get(conn) ?? 0) + fresh.length);
    }
    if (rewritten.clientIds.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten.update, conn);
  }

  attach(conn: Connection): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.conns.add(conn);
    this.lastUsed = Date.now();
  }

  detach(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    const ids = [...this.awarenessOwners].filter(([, owner]) => owner === conn).map(([id]) => id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    this.lastUsed = Date.now();
  }

  /**
   * Closes one connection after what was sent to it before (acknowledgements waiting for the open
   * batch's COMMIT), as the order was when every update committed on its own.
   */
  close(conn: Connection, code: number, reason: string): void {
    this.storage.batch.deliver(this, () => conn.socket.close(code, reason));
  }

  /** Closes every connection now: whatever still waits for a COMMIT is not sent to them any more. */
  closeAll(code: number, reason: string): void {
    for (const c of [...this.conns]) c.socket.close(code, reason);
  }

  /** Called by the batch (server/groupcommit.ts) when this room's writes are lost or unconfirmed. */
  fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error(`room ${this.tafelId} failed and is unloaded`, e);
    // Closed first: nothing more (not even the presence removal of unloading) reaches them.
    this.closeAll(1011, 'relay error');
    this.onFailure(this);
  }

  get isFailed(): boolean {
    return this.failed;
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export type Acquired =
  | { readonly ok: true; readonly room: Room }
  | { readonly ok: false; readonly reason: 'unknown' | 'full' }
  /** Another relay process holds the tafel's lease (server/cluster.ts). */
  | { readonly ok: false; readonly reason: 'elsewhere'; readonly holderUrl: string };

/** The rooms in memory, loaded on demand and unloaded when idle, at most config.limits.maxRooms. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  /** Given to every room this loads (see Room.onAccepted). */
  onAccepted: AcceptedHook | undefined;
  /** Tafels being loaded: a second acquire waits for the same load instead of loading twice. */
  private readonly loading = new Map<string, Promise<Acquired>>();

  constructor(
    private readonly storage: RelayStorage,
    private readonly config: Config,
    private readonly log: Log,
    private readonly cluster: Cluster = new LocalCluster(),
  ) {
    cluster.onLost((tafelId) => this.lost(tafelId));
  }

  get size(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let n = 0;
    for (const r of this.rooms.values()) n += r.conns.size;
    return n;
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** The room of a tafel when it is loaded. */
  loaded(tafelId: string): Room | undefined {
    return this.rooms.get(tafelId);
  }

  /** The loaded room of a tafel, loading it from storage when needed. */
  acquire(tafelId: string): Promise<Acquired> {
    const loaded = this.rooms.get(tafelId);
    if (loaded) return Promise.resolve({ ok: true, room: loaded });
    let loading = this.loading.get(tafelId);
    if (!loading) {
      loading = this.load(tafelId).finally(() => this.loading.delete(tafelId));
      this.loading.set(tafelId, loading);
    }
    return loading;
  }

  private async load(tafelId: string): Promise<Acquired> {
    // Loads under way count too: a burst of first connections must not overshoot the limit.
    if (this.rooms.size + this.loading.size >= this.config.limits.maxRooms && !this.evictOne()) return { ok: false, reason: 'full' };
    if (!(await this.storage.tafelExists(tafelId))) return { ok: false, reason: 'unknown' };
    // Only the lease holder loads a tafel, and only after taking the lease: it then reads
    // everything a previous holder committed.
    const lease = await this.cluster.acquire(tafelId);
    if (!lease.ok) return { ok: false, reason: 'elsewhere', holderUrl: lease.holderUrl };
    // Waits for every batch written so far (an unloaded room's last compaction among them).
    const stored = await this.storage.loadTafel(tafelId);
    if (!stored) return { ok: false, reason: 'unknown' };
    const frozen = await loadFrozenTijden(this.storage.handle, tafelId);
    const room = new Room(tafelId, this.storage, this.config, this.log, (r) => this.forget(r), stored, frozen);
    room.onAccepted = this.onAccepted;
    this.rooms.set(tafelId, room);
    this.scheduleIdle(room);
    return { ok: true, room };
  }

  /**
   * Runs `fn` on a tafel's document for a moment (API calls); the room unloads later if idle. A
   * tafel another relay process holds is read from storage as committed, without loading a room.
   */
  async withDoc<T>(tafelId: string, fn: (doc: Y.Doc) => T): Promise<T | undefined> {
    const got = await this.acquire(tafelId);
    if (!got.ok && got.reason === 'elsewhere') return this.withStoredDoc(tafelId, fn);
    if (!got.ok) return undefined;
    const result = fn(got.room.doc);
    if (got.room.conns.size === 0) this.scheduleIdle(got.room);
    return result;
  }

  /**
   * Runs `fn` on the room of a tafel this process holds, loading it when needed (the carrier
   * writes into it); not ok when another relay process holds the tafel, or it cannot be loaded now.
   */
  async withRoom<T>(tafelId: string, fn: (room: Room) => T): Promise<{ readonly ok: true; readonly value: T } | Exclude<Acquired, { ok: true }>> {
    const got = await this.acquire(tafelId);
    if (!got.ok) return got;
    const value = fn(got.room);
    if (got.room.conns.size === 0) this.scheduleIdle(got.room);
    return { ok: true, value };
  }

  private async withStoredDoc<T>(tafelId: string, fn: (doc: Y.Doc) => T): Promise<T | undefined> {
    const stored = await this.storage.loadTafel(tafelId);
    if (!stored) return undefined;
    const doc = new Y.Doc();
    try {
      ensureRoots(doc);
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(doc, u.data);
      return fn(doc);
    } finally {
      doc.destroy();
    }
  }

  attach(room: Room, conn: Connection): void {
    room.attach(conn);
  }

  detach(room: Room, conn: Connection): void {
    room.detach(conn);
    if (room.conns.size === 0) this.scheduleIdle(room);
  }

  private scheduleIdle(room: Room): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = setTimeout(() => {
      if (room.conns.size === 0) this.unload(room);
    }, this.config.roomIdleMs);
    room.idleTimer.unref();
  }

  /** Unloads the least recently used room without connections; false when every room is in use. */
  private evictOne(): boolean {
    let victim: Room | undefined;
    for (const r of this.rooms.values()) {
      if (r.conns.size === 0 && (!victim || r.lastUsed < victim.lastUsed)) victim = r;
    }
    if (!victim) return false;
    this.unload(victim);
    return true;
  }

  unload(room: Room): void {
    if (this.rooms.get(room.tafelId) !== room) return;
    try {
      room.compact();
    } catch (e) {
      this.log.error(`compacting ${room.tafelId} failed; its log stays as it is`, e);
    }
    // A compaction that took the whole batch down failed the room: it is forgotten already.
    if (room.isFailed) return;
    this.rooms.delete(room.tafelId);
    room.destroy();
    this.releaseWhenCommitted(room.tafelId);
  }

  private forget(room: Room): void {
    // A room unloaded before its batch failed is already destroyed.
    if (this.rooms.get(room.tafelId) !== room) return;
    this.rooms.delete(room.tafelId);
    room.destroy();
    this.releaseWhenCommitted(room.tafelId);
  }

  /** Gives the lease up once the room's last writes are committed, unless it was loaded again. */
  private releaseWhenCommitted(tafelId: string): void {
    void this.storage.batch
      .settled()
      .then(() => (this.rooms.has(tafelId) || this.loading.has(tafelId) ? undefined : this.cluster.release(tafelId)))
      .catch((e: unknown) => this.log.warn(`releasing the lease of ${tafelId} failed: ${(e as Error).message}`));
  }

  /** Another relay took the tafel (a missed heartbeat): its clients reconnect and are sent there. */
  private lost(tafelId: string): void {
    const room = this.rooms.get(tafelId);
    if (!room) return;
    // 1012 (service restart): y-websocket clients reconnect by themselves.
    room.closeAll(1012, 'tafel moved to another relay');
    this.rooms.delete(tafelId);
    room.destroy();
  }

  /** Closes the connections that use one device token (revoked elsewhere). */
  closeToken(tokenHash: string, code: number, reason: string): number {
    let n = 0;
    for (const room of this.rooms.values()) {
      for (const c of room.conns) {
        if (c.tokenHash === tokenHash) {
          room.close(c, code, reason);
          n++;
        }
      }
    }
    return n;
  }

  /** Closes the connections of one lid (token revoked, lid removed). */
  closeLid(tafelId: string, lidId: string, code: number, reason: string): number {
    const room = this.rooms.get(tafelId);
    if (!room) return 0;
    let n = 0;
    for (const c of room.conns) {
      if (c.lidId === lidId) {
        room.close(c, code, reason);
        n++;
      }
    }
    return n;
  }

  /** Shutdown: everyone goes away, every room is compacted and committed. */
  async closeAllRooms(): Promise<void> {
    // Acknowledgements of the open batches go out before the goodbye.
    await this.storage.batch.settled();
    for (const room of [...this.rooms.values()]) {
      room.closeAll(1001, 'relay stopping');
      this.unload(room);
    }
    await this.storage.batch.settled();
  }
}
