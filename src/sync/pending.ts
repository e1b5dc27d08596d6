// Counting local changes the relay has not confirmed. Each local transaction (one model operation,
// or one keystroke batch in a rich text) gets a mark, a number that only grows. A confirmation
// from the relay (see RelayConnection's barriers) covers every mark up to the one it was sent for.
// Changes from an earlier session on this device are carried as a number: the first barrier
// answered after a handshake covers them, because the handshake sends everything the relay lacks.

export class PendingChanges {
  private lastMark = 0;
  private readonly open: number[] = [];

  constructor(private carried: number) {}

  /** Records one local change; returns its mark. */
  record(): number {
    this.lastMark++;
    this.open.push(this.lastMark);
    return this.lastMark;
  }

  /** The relay has every change up to `mark` (and everything from earlier sessions). */
  confirm(mark: number): void {
    this.carried = 0;
    while (this.open.length > 0 && this.open[0]! <= mark) this.open.shift();
  }

  get latestMark(): number {
    return this.lastMark;
  }

  get count(): number {
    return this.carried + this.open.length;
  }
}
