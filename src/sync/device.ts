// A device: the tafels joined on it, their open sessions and the conflict inbox. The app uses one
// device (src/sync/index.ts); tests create several, each with its own name, to play different
// people on one machine.

import { liveQuery } from 'dexie';
import { redeemInvite, JoinError } from './join';
import { linkAsPersoon, type LinkResult } from './persoon';
import { dropLocalCopy, localCopyName } from './local-copy';
import { ReadModelWriter } from './read-model-writer';
import { Session, type TafelSession } from './session';
import { DeviceStore, readConflict, type ConflictEntry, type JoinedTafel } from './store';

export interface DeviceOptions {
  /** Names this device's databases and tab channels (default "aan-tafel"). */
  readonly name?: string;
  /** WebSocket implementation (Node tests pass ws's). */
  readonly WebSocket?: typeof WebSocket;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/** How long a session opened ahead of the UI waits to be taken before it is closed. */
const EARLY_SESSION_MS = 30_000;

/** A session opened ahead of the UI (preopenTafelSession); null until it is opened. */
interface EarlySession {
  session: Session | null;
}

export class Device {
  readonly name: string;
  readonly store: DeviceStore;
  private readonly sessions = new Set<Session>();
  private early: EarlySession | null = null;
  private readonly readModels = new ReadModelWriter();

  constructor(private readonly options: DeviceOptions = {}) {
    this.name = options.name ?? 'aan-tafel';
    this.store = new DeviceStore(this.name);
  }

  listJoinedTafels(): Promise<JoinedTafel[]> {
    return this.store.joined.toArray();
  }

  /** Calls `listener` whenever the joined tafels change, in this tab or another. */
  subscribeJoinedTafels(listener: () => void): () => void {
    return watch(() => this.store.joined.toArray(), listener);
  }

  /**
   * Redeems an invite at the relay and remembers the tafel, and every other tafel of the lid's
   * persoon the relay sent along (each with its own token); throws JoinError. `ook`: those others.
   */
  async joinWithInvite(code: string, relayUrl: string): Promise<JoinedTafel & { readonly ook: readonly JoinedTafel[] }> {
    const redeemed = await redeemInvite(relayUrl, code, this.fetch());
    const origin = new URL(relayUrl).origin;
    const joined = await this.remember(redeemed, origin);
    const ook: JoinedTafel[] = [];
    for (const other of redeemed.also) ook.push(await this.remember(other, origin));
    return { ...joined, ook };
  }

  private async remember(redeemed: { tafelId: string; lidId: string; token: string; naam: string }, relayUrl: string): Promise<JoinedTafel> {
    const previous = await this.store.joined.get(redeemed.tafelId);
    const joined: JoinedTafel = {
      tafelId: redeemed.tafelId,
      relayUrl,
      lidId: redeemed.lidId,
      token: redeemed.token,
      naam: previous?.naam || redeemed.naam,
      lastSyncAt: previous?.lastSyncAt ?? null,
    };
    if (previous && previous.lidId !== redeemed.lidId) {
      // Another lid on this device: the local copy of the former lid's changes must not be sent
      // in the new lid's name.
      await this.forgetTafel(redeemed.tafelId);
    }
    await this.store.joined.put(joined);
    return joined;
  }

  /**
   * After joining `joined`: the other tafels on this device, at the same relay and still open to
   * it, that did not come along with the invite. The person may say "this is also me" for them.
   */
  async mayBeSamePersoon(joined: JoinedTafel & { readonly ook: readonly JoinedTafel[] }): Promise<JoinedTafel[]> {
    const known = new Set([joined.tafelId, ...joined.ook.map((t) => t.tafelId)]);
    return (await this.store.joined.toArray()).filter((t) => !known.has(t.tafelId) && t.relayUrl === joined.relayUrl && t.token !== '' && t.accessEndedAt === undefined);
  }

  /** "This is also me": links the lid of `tafelId` with the lid of each of `others` at the relay. */
  async linkAsPersoon(tafelId: string, others: readonly string[]): Promise<Map<string, LinkResult>> {
    const out = new Map<string, LinkResult>();
    const joined = await this.store.joined.get(tafelId);
    for (const otherId of others) {
      const other = await this.store.joined.get(otherId);
      out.set(otherId, joined && other ? await linkAsPersoon(joined.relayUrl, joined.token, other.token, this.fetch()) : 'refused');
    }
    return out;
  }

  private fetch(): typeof fetch {
    return this.options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Removes a tafel from this device: token, local copy, conflicts. Closes its open sessions. */
  async forgetTafel(tafelId: string): Promise<void> {
    for (const s of [...this.sessions]) if (s.tafelId === tafelId) s.destroy();
    const copy = await this.store.localCopies.get(tafelId);
    await this.store.transaction('rw', this.store.joined, this.store.localCopies, this.store.conflicts, async () => {
      await this.store.joined.delete(tafelId);
      await this.store.localCopies.delete(tafelId);
      await this.store.conflicts.where('tafelId').equals(tafelId).delete();
    });
    if (copy) void dropLocalCopy(localCopyName(this.name, tafelId, copy.generation));
  }

  /**
   * Starts opening `tafelId` (when it is joined on this device) before the UI asks for it: reading
   * and applying the local copy is most of a cold start, and can run while the app's code is still
   * being evaluated and its first screens rendered. The next openTafelSession for the same tafel,
   * lid and token takes this session; otherwise it is closed. Resolves to the session opened
   * early, or null when there was none to open (not joined here, or the UI was quicker).
   */
  async preopenTafelSession(tafelId: string): Promise<TafelSession | null> {
    const early: EarlySession = { session: null };
    this.early?.session?.destroy();
    this.early = early;
    // A failing device store is left to the UI, which opens the tafel itself and reports it.
    const joined = await this.store.joined.get(tafelId).catch(() => undefined);
    // No longer this.early: the UI asked first (or another preopen came).
    if (!joined || this.early !== early) return null;
    const session = this.newSession(joined);
    early.session = session;
    setTimeout(() => {
      if (this.early !== early) return;
      this.early = null;
      session.destroy();
    }, EARLY_SESSION_MS);
    return session;
  }

  openTafelSession(joined: JoinedTafel): TafelSession {
    const early = this.early;
    this.early = null;
    const s = early?.session;
    if (s && this.sessions.has(s) && s.opensAs(joined)) return s;
    s?.destroy();
    return this.newSession(joined);
  }

  private newSession(joined: JoinedTafel): Session {
    const session = new Session(joined, {
      deviceName: this.name,
      store: this.store,
      ...(this.options.WebSocket ? { WebSocket: this.options.WebSocket } : {}),
      fetch: this.options.fetch ?? globalThis.fetch.bind(globalThis),
      now: this.options.now ?? Date.now,
      onDestroy: (s) => this.sessions.delete(s),
      readModels: this.readModels,
    });
    this.sessions.add(session);
    return session;
  }

  listConflicts(tafelId: string): Promise<ConflictEntry[]> {
    return this.store.conflicts
      .where('tafelId')
      .equals(tafelId)
      .sortBy('at')
      .then((rows) => rows.map(readConflict));
  }

  subscribeConflicts(tafelId: string, listener: () => void): () => void {
    return watch(() => this.listConflicts(tafelId), listener);
  }

  async dismissConflict(id: string): Promise<void> {
    await this.store.conflicts.delete(id);
  }

  async getPreference<T>(key: string): Promise<T | undefined> {
    return (await this.store.preferences.get(key))?.value as T | undefined;
  }

  async setPreference(key: string, value: unknown): Promise<void> {
    await this.store.preferences.put({ key, value });
  }

  /** Closes every session and the device store (tests; the app keeps its device for its lifetime). */
  close(): void {
    for (const s of [...this.sessions]) s.destroy();
    this.store.close();
    this.readModels.close();
  }
}

/** Dexie's liveQuery re-runs `query` after every change to what it read, also from other tabs (and once at the start). */
function watch<T>(query: () => Promise<T>, listener: () => void): () => void {
  const sub = liveQuery(query).subscribe({
    next: () => listener(),
    error: (e: unknown) => console.error('aan-tafel device store:', e),
  });
  return () => sub.unsubscribe();
}

export { JoinError };
