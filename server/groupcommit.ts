// Group commit. With synchronous=FULL every COMMIT is an fsync that blocks the event loop, so one
// transaction per accepted update capped the relay at a few hundred updates/s. Instead, the writes
// of one event-loop turn (any connection, any room: there is one database file) share one
// transaction: the first write of a turn opens it (BEGIN IMMEDIATE), later ones join it, each as a
// savepoint of its own, and a setImmediate commits it once the turn's I/O callbacks have run.
//
// The promise that nothing is broadcast or acknowledged before it is on disk holds because every
// message for a connection that is produced while a batch is open waits in one queue, in order,
// until that batch's COMMIT succeeded. If the COMMIT fails (or SQLite rolls the whole transaction
// back), every room that wrote in the batch fails (memory no longer equals disk) and none of its
// queued messages is sent; the messages of rooms that only read are still delivered.
//
// At low load a turn holds one write: one COMMIT per update as before, at the end of the turn.

import type Database from 'better-sqlite3';

/** A room, as far as the batch is concerned. */
export interface BatchMember {
  /** Its writes are lost or unconfirmed: it must be dropped and reloaded from disk. */
  fail(error: unknown): void;
}

export interface GroupCommitHooks {
  /** Runs right before each COMMIT; a throw counts as a failed COMMIT. Tests count and break commits with it. */
  readonly beforeCommit?: () => void;
}

export class GroupCommit {
  private open = false;
  /** Depth of write() calls on the stack: no COMMIT may happen inside one. */
  private writing = 0;
  /** Depth of own() transactions on the stack. */
  private owning = 0;
  private writers = new Set<BatchMember>();
  private queue: { readonly member: BatchMember; readonly deliver: () => void }[] = [];
  /**
   * Runs `fn` as a transaction, or as a savepoint inside the open one. Built once: better-sqlite3's
   * db.transaction() builds a new wrapper on every call, and this runs for every accepted update.
   */
  readonly atomic: <T>(fn: () => T) => T;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: GroupCommitHooks = {},
  ) {
    this.atomic = db.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
  }

  /**
   * Runs `fn` (SQLite writes of `member`) in the open batch, opening one when there is none. A
   * failing `fn` undoes only its own writes, and fails `member`; if SQLite ended the whole
   * transaction, every writer of the batch fails. Rethrows.
   */
  write<T>(member: BatchMember, fn: () => T): T {
    // A room that loads inside a transaction of its own (an API call redeeming an invite) runs
    // its schema migrations as part of that transaction; it has no connections yet.
    if (this.owning > 0) {
      try {
        return this.atomic(fn);
      } catch (e) {
        member.fail(e);
        throw e;
      }
    }
    this.writing++;
    try {
      if (!this.open) {
        this.db.exec('BEGIN IMMEDIATE');
        this.open = true;
        setImmediate(() => this.commit());
      }
      this.writers.add(member);
      return this.atomic(fn);
    } catch (e) {
      if (!this.open) {
        // BEGIN itself failed: nothing of this member is in any batch.
        member.fail(e);
      } else if (this.db.inTransaction) {
        this.dropMember(member, e);
      } else {
        this.lost(e);
      }
      throw e;
    } finally {
      this.writing--;
    }
  }

  /** Runs `deliver` (sending to a connection of `member`) now, or after the open batch commits. */
  deliver(member: BatchMember, deliver: () => void): void {
    if (this.open) this.queue.push({ member, deliver });
    else deliver();
  }

  /**
   * A transaction of its own (API, admin CLI, loading a room): commits the open batch first, so it
   * never joins a batch (its result must not wait for, or be lost with, other rooms' COMMIT).
   */
  own<T>(fn: () => T): T {
    this.commit();
    this.owning++;
    try {
      return this.atomic(fn);
    } finally {
      this.owning--;
    }
  }

  /**
   * Commits the open batch, if any, then delivers its queued messages in order. A failed COMMIT
   * fails the batch's writers instead of throwing.
   */
  commit(): void {
    if (!this.open) return;
    if (this.writing > 0) throw new Error('group commit: COMMIT requested inside a batched write');
    try {
      this.hooks.beforeCommit?.();
      this.db.exec('COMMIT');
    } catch (e) {
      this.lost(e);
      return;
    }
    const queue = this.reset();
    for (const q of queue) q.deliver();
  }

  /** The batch is gone: its writers fail, the others get their messages. */
  private lost(e: unknown): void {
    const failed = this.writers;
    const queue = this.reset();
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } finally {
      for (const m of failed) m.fail(e);
      for (const q of queue) if (!failed.has(q.member)) q.deliver();
    }
  }

  private dropMember(member: BatchMember, e: unknown): void {
    this.writers.delete(member);
    this.queue = this.queue.filter((q) => q.member !== member);
    member.fail(e);
  }

  private reset(): { readonly member: BatchMember; readonly deliver: () => void }[] {
    const queue = this.queue;
    this.open = false;
    this.writers = new Set();
    this.queue = [];
    return queue;
  }
}
