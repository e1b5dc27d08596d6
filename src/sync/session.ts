// An open tafel: its document from the local copy first (usable offline at once), synced with the
// relay when it can be reached, and rebuilt when the relay rejects a local change. The UI reads
// `doc`, `status` and `awareness` anew on every notification: all three are replaced by a rebuild.
//
// Design notes (pending count, rebuild, tabs): docs/sync.md.

import { Awareness } from 'y-protocols/awareness';
import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { actorForLid, buildReadModel, sameStateVector, warmFirstScreens, type TafelReadModel } from '../model';
import { newId } from '../model/ids';
import { readTafel } from '../model/reads';
import { SCHEMA_VERSION } from '../model/schema';
import { mayCreate } from '../ownership/rulebook';
import { docRuleState } from '../ownership/ruleState';
import type { SyncNotice } from './codes';
import { CLOSE } from '../protocol/closeCodes';
import { accessRevoked, shouldProbe } from './access';
import { carryOver, type CarryOverResult } from './carry-over';
import { RelayConnection, type ConnectionState } from './connection';
import { dropLocalCopy, localCopyName, openLocalCopy, persistLocalCopy, yieldToPage, type LoadResult } from './local-copy';
import { PendingChanges } from './pending';
import { showPresence, type Plek } from './presence';
import { readMatchingReadModel } from './read-model-store';
import type { ReadModelWriter } from './read-model-writer';
import type { DeviceStore, JoinedTafel, LocalCopy } from './store';

export interface SyncStatus {
  connection: ConnectionState;
  /** local changes not yet confirmed by the relay */
  pending: number;
  lastSyncedAt: number | null;
  /** true while rebuilding after a rejection */
  recovering: boolean;
  /** the local copy was loaded (from IndexedDB or, failing that, the relay) */
  loaded: boolean;
  /**
   * the local copy is still being read into memory: `doc` is empty until then, and the screens
   * that can show the read model (TafelSession.readModel) do. Nothing is offered for editing.
   * Absent means false.
   */
  opening?: boolean;
  /** something noteworthy to tell the user (e.g. local copy repaired), as a code: src/sync/codes.ts */
  notice: SyncNotice | null;
  /** the relay revoked this device's access: nothing it writes will be taken */
  revoked: boolean;
  /**
   * this app is older than the tafel: the relay refused a value in an old shape (code
   * outdated-client) or the document has a newer schema version. The UI offers to update.
   */
  updateNodig?: boolean;
}

export interface TafelSession {
  readonly tafelId: string;
  readonly lidId: string;
  /** The current document. Replaced by a fresh one after a rejection: always read it anew. */
  readonly doc: Y.Doc;
  /** y-protocols awareness of the current connection */
  readonly awareness: Awareness;
  readonly status: SyncStatus;
  /**
   * While the local copy opens (status.opening): what the first screens show, from the read model
   * kept next to the copy, when its state vector is exactly the copy's. Null once the document is
   * live, and when there is no such read model. Never a basis for edits.
   */
  readonly readModel: TafelReadModel | null;
  /** Called on every doc swap, status change and remote or local document change. */
  subscribe(listener: () => void): () => void;
  /** Where this lid is, for presence. */
  setPlek(plek: Plek): void;
  destroy(): void;
}

export interface SessionEnvironment {
  readonly deviceName: string;
  readonly store: DeviceStore;
  readonly WebSocket?: typeof WebSocket;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly onDestroy: (session: Session) => void;
  /** Stores read models (in a worker where there is one). */
  readonly readModels: ReadModelWriter;
}

/** Message on the tabs' control channel: the local copy of a tafel moved to another generation. */
interface GenerationMessage {
  readonly type: 'generation';
  readonly generation: string;
}

/** How long local changes may gather before a barrier asks the relay to confirm them. */
const BARRIER_DELAY_MS = 60;
/** When the relay closed the connection for a reason other than access (rate limit, too large, full). */
const RETRY_AFTER_REFUSAL_MS = 10_000;
/** How often (at most) the unconfirmed count and last sync time are written to the device store. */
const SAVE_DELAY_MS = 300;
/** The longest stretch of warming the first screens' reads before the page gets a turn. */
const WARM_BUDGET_MS = 12;
/** Quiet time after the last change before the read model is written (again). */
const READ_MODEL_DELAY_MS = 2000;
/** A read model the copy did not match yet (its records were still being written): tries before giving up until the next change. */
const READ_MODEL_TRIES = 3;

/** ws(s)://host/sync for a relay at http(s)://host. */
export function syncUrlFor(relayUrl: string): string {
  const url = new URL('/sync', relayUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export class Session implements TafelSession {
  readonly tafelId: string;
  readonly lidId: string;
  doc: Y.Doc;
  status: SyncStatus;
  readModel: TafelReadModel | null = null;

  private connection: RelayConnection | null = null;
  private persistence: IndexeddbPersistence | null = null;
  private generation = '';
  private pending = new PendingChanges(0);
  private readonly listeners = new Set<() => void>();
  private plek: Plek = { screen: 'home' };
  private destroyed = false;
  private rebuilding = false;
  /** mark of the last change a rebuild wrote; a rejection before it is confirmed means: stop re-applying */
  private rebuildMark: number | null = null;
  private barrierSent: number | null = null;
  private failedAttempts = 0;
  private barrierTimer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private confirmedStateVector: Uint8Array | null = null;
  private readonly control: BroadcastChannel;
  private readonly detachDoc = new Map<Y.Doc, () => void>();
  private readonly waiting = new Set<() => void>();
  private knownNaam: string;
  /** the local copy is loaded and the connection exists; before that, other tabs' news waits */
  private started = false;
  private placeholder: Awareness | null = null;
  private readModelTimer: ReturnType<typeof setTimeout> | null = null;
  /** State vector of the read model written last (or found matching at open): no need to write it again. */
  private readModelStateVector: Uint8Array | null = null;
  private readonly onPageHide = () => this.writeReadModel(0);

  constructor(
    private readonly joined: JoinedTafel,
    private readonly env: SessionEnvironment,
  ) {
    this.tafelId = joined.tafelId;
    this.lidId = joined.lidId;
    this.knownNaam = joined.naam;
    this.doc = tafelDoc();
    this.status = {
      connection: 'offline',
      pending: 0,
      lastSyncedAt: joined.lastSyncAt,
      recovering: false,
      loaded: false,
      opening: true,
      notice: null,
      revoked: false,
      updateNodig: false,
    };
    this.control = new BroadcastChannel(`${env.deviceName}:tafel:${joined.tafelId}`);
    this.control.onmessage = (e: MessageEvent<GenerationMessage>) => {
      if (e.data?.type === 'generation' && e.data.generation !== this.generation) void this.followOtherTab();
    };
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.onPageHide);
    void this.start().catch((e: unknown) => this.fail(e));
  }

  get awareness(): Awareness {
    return this.connection?.awareness ?? this.placeholderAwareness();
  }

  /** True when this session is the one `joined` would open: same tafel, lid, token and relay. */
  opensAs(joined: JoinedTafel): boolean {
    const j = this.joined;
    return j.tafelId === joined.tafelId && j.lidId === joined.lidId && j.token === joined.token && j.relayUrl === joined.relayUrl;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setPlek(plek: Plek): void {
    this.plek = plek;
    if (this.connection) showPresence(this.connection.awareness, this.doc, this.lidId, plek);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.env.onDestroy(this);
    if (this.barrierTimer) clearTimeout(this.barrierTimer);
    this.flushSave();
    // On close: what the screens showed last is what the next open starts from.
    this.writeReadModel(0);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.onPageHide);
    for (const wake of this.waiting) wake();
    this.control.close();
    this.connection?.destroy();
    this.connection = null;
    void this.persistence?.destroy();
    for (const detach of this.detachDoc.values()) detach();
    this.listeners.clear();
  }

  // --- opening ---------------------------------------------------------------------------

  private async start(): Promise<void> {
    if (this.joined.accessEndedAt !== undefined) {
      // Access ended earlier: there is no copy and no token any more; say so, connect nothing.
      this.setStatus({ revoked: true, opening: false, notice: { code: 'access-revoked' } });
      return;
    }
    const copy = await this.localCopyRecord();
    if (this.destroyed) return;
    this.generation = copy.generation;
    this.confirmedStateVector = copy.confirmedStateVector;
    const name = this.copyName(copy.generation);
    // The read model is read first and shown as soon as it proves to match; the copy itself fills
    // a document nobody sees yet, in short stretches, which then replaces the empty one at once.
    const readModelChecked = this.showReadModel(name);
    const opened = tafelDoc();
    // Every open alike: the read model's check (quick: a few small records) is settled first, and
    // a matching one is on the screen before the copy's records are applied, even when they were
    // read first. Applying takes the main thread in back-to-back stretches; the UI hears of the
    // read model from a timer (src/ui/tafel/sessionStore.ts) and would draw it among them.
    let drawn: Promise<void> | null = null;
    const readModelDrawn = () =>
      (drawn ??= readModelChecked.then(async (shown) => {
        if (shown) await afterNextPaint();
      }));
    let loaded: LoadResult;
    try {
      ({ persistence: this.persistence, loaded } = await openLocalCopy(name, opened, readModelDrawn));
    } catch (e) {
      loaded = { kind: 'unavailable', reason: `IndexedDB could not be opened: ${String(e)}` };
    }
    if (this.destroyed) {
      void this.persistence?.destroy();
      return;
    }
    mark('open:copy-applied');
    // Settled already, unless the copy could not be opened at all.
    await readModelDrawn();
    // The first screens' reads of the full document, in short stretches, so the switch from the
    // read model to live data is no long task either.
    let since = performance.now();
    for (const _part of warmFirstScreens(opened)) {
      if (performance.now() - since < WARM_BUDGET_MS) continue;
      await yieldToPage();
      since = performance.now();
    }
    if (this.destroyed) {
      void this.persistence?.destroy();
      return;
    }
    this.doc = opened;
    this.placeholder = null;
    this.readModel = null;
    this.setStatus({ opening: false });
    mark('open:live');
    if (this.readModelStateVector === null || !sameStateVector(this.readModelStateVector, Y.encodeStateVector(opened))) this.scheduleReadModel();
    this.attach(this.doc);
    let carried = copy.unconfirmed;
    if (carried === 0 && hasUnconfirmed(this.doc, copy.confirmedStateVector)) carried = 1;
    this.pending = new PendingChanges(carried);
    try {
      if (loaded.kind === 'unavailable') throw new Error(loaded.reason);
      if (loaded.kind === 'damaged') {
        // What could be read becomes a new, consistent local copy; the relay fills in the rest.
        const generation = newId();
        await this.persistence?.destroy();
        this.persistence = await persistLocalCopy(this.copyName(generation), this.doc);
        await this.env.store.localCopies.put({ ...copy, generation });
        void dropLocalCopy(name);
        this.generation = generation;
        this.setStatus({ notice: { code: 'copy-repaired' } });
      }
    } catch (e) {
      // Without a local copy the tafel still works online; the user is told it will not offline.
      console.error('aan-tafel sync: no local copy', e);
      this.setStatus({ notice: { code: 'no-storage' } });
    }
    if (this.destroyed) return;
    this.connection = this.connect(this.doc, this.generation);
    // Also tells the UI that `awareness` is now the connection's.
    this.setStatus({ loaded: loaded.kind !== 'empty', pending: this.pending.count, connection: this.connection.connectionState });
    // Another tab may have moved the copy on while this one was loading.
    this.started = true;
    const now = await this.env.store.localCopies.get(this.tafelId);
    if (now && now.generation !== this.generation) await this.followOtherTab();
  }

  /** The local copy record, created on first open; in one transaction, so two tabs agree on it. */
  private async localCopyRecord(): Promise<LocalCopy> {
    const copies = this.env.store.localCopies;
    // Every open but the first finds it: a plain read is quicker than a read-write transaction.
    const known = await copies.get(this.tafelId);
    if (known) return known;
    return this.env.store.transaction('rw', copies, async () => {
      const existing = await copies.get(this.tafelId);
      if (existing) return existing;
      const fresh: LocalCopy = { tafelId: this.tafelId, generation: newId(), unconfirmed: 0, confirmedStateVector: null };
      await copies.put(fresh);
      return fresh;
    });
  }

  private copyName(generation: string): string {
    return localCopyName(this.env.deviceName, this.tafelId, generation);
  }

  // --- the connection ----------------------------------------------------------------------

  private connect(doc: Y.Doc, generation: string): RelayConnection {
    const conn: RelayConnection = new RelayConnection({
      syncUrl: syncUrlFor(this.joined.relayUrl),
      tafelId: this.tafelId,
      token: this.joined.token,
      doc,
      tabChannel: `${this.copyName(generation)}:tabs`,
      ...(this.env.WebSocket ? { WebSocket: this.env.WebSocket } : {}),
      events: {
        state: (state) => {
          if (conn !== this.connection) return;
          this.barrierSent = null;
          if (state === 'online') this.failedAttempts = 0;
          const refusalOver = state === 'online' && this.status.notice?.code === 'connection-refused';
          // In sync until this very moment: "last synced" is now, not the last confirmed edit.
          const wasInSync = this.status.connection === 'online' && state !== 'online' && this.pending.count === 0;
          this.setStatus({ connection: state, ...(refusalOver ? { notice: null } : {}), ...(wasInSync ? { lastSyncedAt: this.env.now() } : {}) });
          // One barrier per connection even with nothing pending: its answer is the sync time.
          if (state === 'online') this.sendBarrier(true);
        },
        confirmed: (mark, stateVector) => {
          if (conn !== this.connection) return;
          this.pending.confirm(mark);
          if (this.rebuildMark !== null && mark >= this.rebuildMark) this.rebuildMark = null;
          this.confirmedStateVector = stateVector;
          const at = this.env.now();
          this.setStatus({ pending: this.pending.count, lastSyncedAt: at, loaded: true });
          this.scheduleSave();
        },
        rejected: (rejection) => {
          if (rejection.violations.some((v) => v.code === 'outdated-client')) this.setStatus({ updateNodig: true });
          if (conn !== this.connection || this.rebuilding) return;
          void this.rebuildFromRelay(this.rebuildMark !== null).catch((e: unknown) => this.fail(e));
        },
        attemptFailed: () => {
          if (conn === this.connection) this.connectionFailed(conn);
        },
        closed: (code) => {
          if (conn !== this.connection) return;
          if (code === CLOSE.revoked) {
            void this.endAccess().catch((e: unknown) => this.fail(e));
            return;
          }
          if (code === CLOSE.unknownTafel) {
            this.setStatus({ notice: { code: 'unknown-tafel' }, connection: 'offline' });
            return;
          }
          // Rate limit, message too large, relay full: y-websocket gives up; try again later.
          this.setStatus({ notice: { code: 'connection-refused' }, connection: 'offline' });
          setTimeout(() => {
            if (conn === this.connection && !this.destroyed) conn.connect();
          }, RETRY_AFTER_REFUSAL_MS);
        },
      },
    });
    showPresence(conn.awareness, doc, this.lidId, this.plek);
    conn.connect();
    return conn;
  }

  /** After a few failed attempts: is it the network, or was this device's access revoked? */
  private connectionFailed(conn: RelayConnection): void {
    this.failedAttempts++;
    if (!shouldProbe(this.failedAttempts)) return;
    void accessRevoked(this.joined.relayUrl, this.joined.token, this.env.fetch).then((revoked) => {
      if (!revoked || conn !== this.connection) return;
      void this.endAccess().catch((e: unknown) => this.fail(e));
    });
  }

  /**
   * The relay ended this lid's access (token revoked, lid removed from the tafel). One clear state:
   * nothing will be sent any more. The UI is told first (`revoked`), then the local copy of the
   * tafel is deleted from this device, so confidential data does not stay readable on a device that
   * lost access; the token goes too. The conflict inbox stays: it holds what the user typed and may
   * still want to copy out (the user removes it with the tafel from the tafels page).
   */
  private async endAccess(): Promise<void> {
    if (this.status.revoked) return;
    const at = this.env.now();
    this.connection?.destroy();
    this.connection = null;
    if (this.barrierTimer) clearTimeout(this.barrierTimer);
    this.barrierTimer = null;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    this.setStatus({ revoked: true, connection: 'offline', pending: 0, notice: { code: 'access-revoked' } });
    for (const detach of this.detachDoc.values()) detach();
    this.detachDoc.clear();
    const persistence = this.persistence;
    this.persistence = null;
    await persistence?.destroy();
    const name = this.generation === '' ? null : this.copyName(this.generation);
    const store = this.env.store;
    await store.transaction('rw', store.joined, store.localCopies, async () => {
      await store.localCopies.delete(this.tafelId);
      await store.joined.update(this.tafelId, { token: '', accessEndedAt: at });
    });
    if (name) await dropLocalCopy(name);
    // What stays in memory goes too: the screens show only the access-ended page from here on.
    this.doc = tafelDoc();
    this.generation = '';
    this.setStatus({ loaded: false });
  }

  /** Asks the relay to confirm the local changes so far (see RelayConnection). */
  private sendBarrier(always = false): void {
    const conn = this.connection;
    if (!conn?.canConfirm) return;
    const mark = this.pending.latestMark;
    if (!always && (this.pending.count === 0 || (this.barrierSent !== null && this.barrierSent >= mark))) return;
    if (conn.sendBarrier(mark)) this.barrierSent = mark;
  }

  private scheduleBarrier(): void {
    if (this.barrierTimer) return;
    this.barrierTimer = setTimeout(() => {
      this.barrierTimer = null;
      if (!this.destroyed) this.sendBarrier();
    }, BARRIER_DELAY_MS);
  }

  // --- the document ----------------------------------------------------------------------

  /** Listens to a document: local changes become pending, every change notifies the UI. */
  private attach(doc: Y.Doc): void {
    const onTransaction = (tr: Y.Transaction) => {
      if (doc !== this.doc && !this.rebuilding) return;
      const changed = tr.changed.size > 0 || tr.deleteSet.clients.size > 0;
      if (!changed) return;
      if (!this.status.updateNodig && readTafel(doc).schemaVersion > SCHEMA_VERSION) this.setStatus({ updateNodig: true });
      if (doc === this.doc) this.scheduleReadModel();
      if (tr.local) {
        this.pending.record();
        this.scheduleBarrier();
        this.scheduleSave();
      } else if (this.pending.count === 0) {
        // Remote changes with nothing pending: the saved confirmed state must include them.
        this.scheduleSave();
      }
      if (doc !== this.doc) return;
      if (this.connection) showPresence(this.connection.awareness, doc, this.lidId, this.plek);
      this.rememberNaam(doc);
      this.setStatus({ pending: this.pending.count, ...(tr.local ? {} : { loaded: true }) });
    };
    doc.on('afterTransaction', onTransaction);
    this.detachDoc.set(doc, () => doc.off('afterTransaction', onTransaction));
  }

  private detach(doc: Y.Doc): void {
    this.detachDoc.get(doc)?.();
    this.detachDoc.delete(doc);
  }

  private rememberNaam(doc: Y.Doc): void {
    const naam = readTafel(doc).naam;
    if (naam === '' || naam === this.knownNaam) return;
    this.knownNaam = naam;
    void this.env.store.joined.update(this.tafelId, { naam });
  }

  // --- rebuilding ------------------------------------------------------------------------

  /**
   * After a rejection: a fresh document (new clientID) from the relay's state, every local change
   * still permitted written into it, every other one into the conflict inbox; then a new local
   * copy, and the other tabs follow. `strict`: the previous rebuild's changes were rejected too,
   * so nothing is re-applied this time (guarantees the loop ends).
   */
  private async rebuildFromRelay(strict: boolean): Promise<void> {
    this.rebuilding = true;
    this.setStatus({ recovering: true });
    this.connection?.destroy();
    this.connection = null;
    const fresh = tafelDoc();
    const generation = newId();
    const conn = this.connect(fresh, generation);
    const synced = await this.until((done) => {
      if (conn.provider.synced) return done();
      conn.provider.once('sync', (isSynced: boolean) => isSynced && done());
    });
    if (!synced) {
      conn.destroy();
      return;
    }
    // From here to the swap nothing awaits: whatever was typed into the old document is carried.
    // The old document's changes are either written again (counted anew) or in the inbox.
    this.pending = new PendingChanges(0);
    this.attach(fresh);
    const result = carryOver(this.doc, fresh, { tafelId: this.tafelId, lidId: this.lidId, strict, now: this.env.now() });
    this.rebuildMark = result.reapplied > 0 ? this.pending.latestMark : null;
    await this.switchTo(fresh, generation, conn, result, true);
  }

  /** Another tab moved the local copy to a new generation: carry this tab's changes into it. */
  private async followOtherTab(): Promise<void> {
    if (!this.started || this.rebuilding || this.destroyed) return;
    const copy = await this.env.store.localCopies.get(this.tafelId);
    if (!copy || copy.generation === this.generation || this.rebuilding || this.destroyed) return;
    this.rebuilding = true;
    this.setStatus({ recovering: true });
    this.connection?.destroy();
    this.connection = null;
    const fresh = tafelDoc();
    // Read once, and kept by y-indexeddb from here on: the same database, not a copy of it.
    const { persistence } = await openLocalCopy(this.copyName(copy.generation), fresh);
    if (this.destroyed) {
      void persistence.destroy();
      return;
    }
    this.pending = new PendingChanges(0);
    this.attach(fresh);
    const result = carryOver(this.doc, fresh, { tafelId: this.tafelId, lidId: this.lidId, strict: false, now: this.env.now() });
    await this.switchTo(fresh, copy.generation, this.connect(fresh, copy.generation), result, false, persistence);
  }

  /** `persistence`: the one already keeping `generation`'s database, else a new one is made for it. */
  private async switchTo(
    fresh: Y.Doc,
    generation: string,
    conn: RelayConnection,
    result: CarryOverResult,
    lead: boolean,
    persistence?: IndexeddbPersistence,
  ): Promise<void> {
    const oldDoc = this.doc;
    const oldPersistence = this.persistence;
    const oldName = this.copyName(this.generation);
    this.detach(oldDoc);
    this.doc = fresh;
    this.connection = conn;
    this.generation = generation;
    this.barrierSent = null;
    this.persistence = persistence ?? (await persistLocalCopy(this.copyName(generation), fresh));
    const store = this.env.store;
    await store.transaction('rw', store.localCopies, store.conflicts, async () => {
      await store.conflicts.bulkPut(result.conflicts);
      if (lead) {
        await store.localCopies.put({ tafelId: this.tafelId, generation, unconfirmed: this.pending.count, confirmedStateVector: null });
      }
    });
    await oldPersistence?.destroy();
    // The browser deletes the old copy once the last tab still holding it has moved on too.
    void dropLocalCopy(oldName);
    if (lead) this.control.postMessage({ type: 'generation', generation } satisfies GenerationMessage);
    this.rebuilding = false;
    if (this.destroyed) return;
    // Two tabs rebuilding at once: the copy written last wins, the other tab follows it.
    void this.followOtherTab();
    showPresence(conn.awareness, fresh, this.lidId, this.plek);
    this.setStatus({
      recovering: false,
      loaded: true,
      connection: conn.connectionState,
      pending: this.pending.count,
      notice: lead ? { code: 'rejected-carried-over', reapplied: result.reapplied, conflicts: result.conflicts.length } : this.status.notice,
    });
    this.sendBarrier(true);
  }

  /** Waits for `start(done)` to call done; resolves false when the session is destroyed first. */
  private until(start: (done: () => void) => void): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiting.delete(wake);
        resolve(false);
      };
      this.waiting.add(wake);
      start(() => {
        this.waiting.delete(wake);
        resolve(!this.destroyed);
      });
    });
  }

  // --- status and persistence of the sync state ------------------------------------------

  private setStatus(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    for (const l of [...this.listeners]) l();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => this.flushSave(), SAVE_DELAY_MS);
  }

  private flushSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.generation === '' || this.rebuilding) return;
    const store = this.env.store;
    // In sync with nothing pending, everything in the copy is at the relay (it came from there or
    // was confirmed), so a later, larger state vector means changes made after this save.
    if (this.pending.count === 0 && this.status.connection === 'online') this.confirmedStateVector = Y.encodeStateVector(this.doc);
    void store.localCopies.update(this.tafelId, { unconfirmed: this.pending.count, confirmedStateVector: this.confirmedStateVector });
    if (this.status.lastSyncedAt !== null) void store.joined.update(this.tafelId, { lastSyncAt: this.status.lastSyncedAt });
  }

  // --- the read model ----------------------------------------------------------------------

  /** Shows the copy's read model while the copy opens, if it matches the copy exactly; resolves whether it did. */
  private async showReadModel(name: string): Promise<boolean> {
    const model = await readMatchingReadModel(name, this.lidId, (reason) => mark(`open:no-read-model:${reason}`));
    if (!model || this.destroyed || !this.status.opening) return false;
    this.readModel = model;
    this.readModelStateVector = model.stateVector;
    this.setStatus({});
    mark('open:read-model');
    return true;
  }

  /** After changes: the read model is written once things are quiet (debounced, then when the page is idle). */
  private scheduleReadModel(tries = READ_MODEL_TRIES): void {
    if (this.readModelTimer) clearTimeout(this.readModelTimer);
    this.readModelTimer = setTimeout(() => {
      this.readModelTimer = null;
      const idle = (globalThis as { requestIdleCallback?: (f: () => void, o: { timeout: number }) => void }).requestIdleCallback;
      if (idle) idle(() => this.writeReadModel(tries), { timeout: READ_MODEL_DELAY_MS });
      else this.writeReadModel(tries);
    }, READ_MODEL_DELAY_MS);
  }

  /**
   * Builds the read model of the current document and has it stored (checked against the copy and
   * compacted off the main thread). `tries` left: when the copy's records are still being written,
   * it is tried again a little later. Never throws: the read model only speeds up the next open.
   */
  private writeReadModel(tries: number): void {
    if (this.readModelTimer) clearTimeout(this.readModelTimer);
    this.readModelTimer = null;
    if (this.status.opening || this.status.revoked || this.rebuilding || this.generation === '' || this.doc.store.clients.size === 0) return;
    const doc = this.doc;
    const stateVector = Y.encodeStateVector(doc);
    if (this.readModelStateVector && sameStateVector(this.readModelStateVector, stateVector)) return;
    let model: TafelReadModel;
    try {
      const actor = actorForLid(doc, this.lidId);
      model = buildReadModel(doc, { lidId: this.lidId, magProjectMaken: actor ? mayCreate(docRuleState(doc), actor, 'projecten').ok : false });
    } catch (e) {
      console.error('aan-tafel sync: read model not built', e);
      return;
    }
    this.env.readModels.store(this.copyName(this.generation), model).then(
      (result) => {
        if (result.kind === 'written') this.readModelStateVector = model.stateVector;
        else if ((result.kind === 'copy-differs' || result.kind === 'copy-moved') && tries > 1 && !this.destroyed) this.scheduleReadModel(tries - 1);
      },
      (e: unknown) => console.error('aan-tafel sync: read model not stored', e),
    );
  }

  private fail(e: unknown): void {
    console.error('aan-tafel sync:', e);
    this.rebuilding = false;
    this.setStatus({ recovering: false, notice: { code: 'unexpected' } });
  }

  /** Before the first connection exists (while the local copy loads) presence is empty. */
  private placeholderAwareness(): Awareness {
    if (!this.placeholder) this.placeholder = emptyAwareness(this.doc);
    return this.placeholder;
  }
}

/**
 * Resolves after the page has drawn what the last notification changed: the UI's store passes
 * changes on within a frame (src/ui/tafel/sessionStore.ts), then React renders, then the browser
 * paints. Without a page (Node) at once.
 */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return Promise.resolve();
  return new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 20));
}

/** A performance mark of the open's steps (the benchmark reads them: test/bench/coldopen.ts). */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/**
 * A session's document keeps the content of deleted items (gc off): when a local value loses to a
 * concurrent remote write and the relay then rejects it, the rebuild can still read what the user
 * entered and put it in the inbox. Tafel documents are small; the relay's copy collects garbage.
 */
function tafelDoc(): Y.Doc {
  return new Y.Doc({ gc: false });
}

/** Does `doc` hold changes beyond the state vector the relay last confirmed? */
function hasUnconfirmed(doc: Y.Doc, confirmed: Uint8Array | null): boolean {
  const local = Y.encodeStateVector(doc);
  if (!confirmed) return false;
  const relay = Y.decodeStateVector(confirmed);
  for (const [client, clock] of Y.decodeStateVector(local)) if (clock > (relay.get(client) ?? 0)) return true;
  return false;
}

function emptyAwareness(doc: Y.Doc): Awareness {
  const a = new Awareness(doc);
  a.setLocalState(null);
  return a;
}
