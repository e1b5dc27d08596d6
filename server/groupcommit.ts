// Group commit. A durable COMMIT (an fsync, for Postgres also a round trip) per accepted update
// would cap the relay at a few hundred updates/s. Instead the rooms' writes of one event-loop turn
// (any connection, any room) are recorded in one open batch, each room's as a write set of its
// own, and a setImmediate hands the batch to the storage engine, which commits it as one
// transaction (each write set a savepoint inside it). Writes that arrive while a batch is being
// committed go into the next one, which is committed after it: batches commit in order.
//
// The promise that nothing is broadcast or acknowledged before it is committed holds because every
// message for a connection that is produced while a batch is open or committing waits in that
// batch's queue, in order, until the batch's COMMIT succeeded. If the COMMIT fails, every room that
// wrote in the batch fails (memory no longer equals disk) and none of its queued messages is sent;
// the messages of rooms that only read are still delivered. If one room's write set fails (the
// engine rolled back to its savepoint), only that room fails.
//
// At low load a turn holds one write: one COMMIT per update, at the end of the turn.

import type { NewAuditEntry } from './audit-entry';
import type { ModuleWrite } from './storage-modules';

/** A room, as far as the batch is concerned. */
export interface BatchMember {
  /** Its writes are lost or unconfirmed: it must be dropped and reloaded from storage. */
  fail(error: unknown): void;
  /** Its compaction was rolled back; the log is intact and compaction is retried later. */
  compactionFailed?(error: unknown): void;
}

/** One write a room makes; the engine applies a write set's writes in order. */
export type Write =
  | { readonly kind: 'append'; readonly data: Uint8Array; readonly at: number }
  | { readonly kind: 'bind'; readonly clientIds: readonly number[]; readonly lidId: string }
  | { readonly kind: 'audit'; readonly entry: NewAuditEntry }
  | { readonly kind: 'rename'; readonly naam: string }
  /** The snapshot becomes `state`, which holds every log entry appended before; those are dropped. */
  | { readonly kind: 'compact'; readonly state: Uint8Array; readonly at: number }
  /** A write of another module's table (server/storage-modules.ts), in the same transaction. */
  | { readonly kind: 'module'; readonly write: ModuleWrite };

export interface WriteSet {
  readonly member: BatchMember;
  readonly tafelId: string;
  readonly writes: Write[];
}

/** What the engine reports about a committed batch. */
export interface BatchOutcome {
  /** Write sets rolled back to their savepoint (the rest committed). */
  readonly failed: ReadonlyMap<BatchMember, unknown>;
  /** Compactions rolled back (their write sets committed otherwise). */
  readonly compactionsFailed: ReadonlyMap<BatchMember, unknown>;
}

export interface BatchEngine {
  /**
   * Commits the write sets as one transaction. Rejects when the transaction as a whole is lost
   * (nothing of it committed).
   */
  commitBatch(sets: readonly WriteSet[]): Promise<BatchOutcome>;
}

/** The writes of one room in the open batch. */
export class RoomWrites {
  constructor(private readonly set: WriteSet) {}

  appendUpdate(data: Uint8Array, at: number): void {
    this.set.writes.push({ kind: 'append', data, at });
  }

  bindClients(clientIds: readonly number[], lidId: string): void {
    if (clientIds.length > 0) this.set.writes.push({ kind: 'bind', clientIds: [...clientIds], lidId });
  }

  audit(entry: NewAuditEntry): void {
    this.set.writes.push({ kind: 'audit', entry });
  }

  /** Keeps list-tafels in step with the document's name. */
  rename(naam: string): void {
    this.set.writes.push({ kind: 'rename', naam });
  }

  compact(state: Uint8Array, at: number): void {
    this.set.writes.push({ kind: 'compact', state, at });
  }

  module(write: ModuleWrite): void {
    this.set.writes.push({ kind: 'module', write });
  }
}

interface Batch {
  readonly sets: Map<BatchMember, WriteSet>;
  readonly queue: { readonly member: BatchMember; readonly deliver: () => void }[];
  /** Resolves once the batch is committed (or lost) and its messages are delivered. */
  readonly done: Promise<void>;
  readonly finish: () => void;
}

function emptyBatch(): Batch {
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { sets: new Map(), queue: [], done, finish };
}

export class GroupCommit {
  /** The batch collecting this turn's writes, if any. */
  private open: Batch | undefined;
  /** The batch being committed, if any. */
  private committing: Batch | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly engine: BatchEngine) {}

  /**
   * Runs `fn` with the writes of `member` (for tafel `tafelId`) in the open batch, opening one
   * when there is none. If `fn` throws, its writes are dropped, `member` fails, and this rethrows.
   */
  write<T>(member: BatchMember, tafelId: string, fn: (w: RoomWrites) => T): T {
    const batch = this.openBatch();
    let set = batch.sets.get(member);
    if (!set) {
      set = { member, tafelId, writes: [] };
      batch.sets.set(member, set);
    }
    const before = set.writes.length;
    try {
      return fn(new RoomWrites(set));
    } catch (e) {
      set.writes.length = before;
      this.dropMember(member, e);
      throw e;
    }
  }

  /** Runs `deliver` (sending to a connection of `member`) now, or after the batches before it commit. */
  deliver(member: BatchMember, deliver: () => void): void {
    const batch = this.open ?? this.committing;
    if (batch) batch.queue.push({ member, deliver });
    else deliver();
  }

  /**
   * Resolves once every batch written so far is committed (or lost) and its messages delivered.
   * Batches commit in order, so that is when the latest of them is done; batches opened later
   * are not waited for (under sustained load there may never be a moment without one).
   */
  settled(): Promise<void> {
    return (this.open ?? this.committing)?.done ?? Promise.resolve();
  }

  private openBatch(): Batch {
    if (!this.open) {
      this.open = emptyBatch();
      setImmediate(() => void this.flush());
    }
    return this.open;
  }

  /** Commits the open batch after the one being committed, if any. */
  private flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.open) {
      const batch = this.open;
      this.open = undefined;
      this.committing = batch;
      try {
        await this.commitOne(batch);
      } finally {
        this.committing = undefined;
        batch.finish();
      }
    }
  }

  private async commitOne(batch: Batch): Promise<void> {
    const sets = [...batch.sets.values()].filter((s) => s.writes.length > 0);
    let outcome: BatchOutcome;
    try {
      outcome = sets.length === 0 ? { failed: new Map(), compactionsFailed: new Map() } : await this.engine.commitBatch(sets);
    } catch (e) {
      // The whole transaction is lost: every writer fails, the others get their messages.
      const writers = new Set(sets.map((s) => s.member));
      for (const m of writers) m.fail(e);
      for (const q of batch.queue) if (!writers.has(q.member)) q.deliver();
      return;
    }
    for (const [m, e] of outcome.failed) m.fail(e);
    for (const [m, e] of outcome.compactionsFailed) m.compactionFailed?.(e);
    for (const q of batch.queue) if (!outcome.failed.has(q.member)) q.deliver();
  }

  private dropMember(member: BatchMember, e: unknown): void {
    for (const batch of [this.open, this.committing]) {
      if (!batch) continue;
      const kept = batch.queue.filter((q) => q.member !== member);
      batch.queue.length = 0;
      batch.queue.push(...kept);
    }
    member.fail(e);
  }
}
