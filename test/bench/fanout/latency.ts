// Turns the clients' send and receive logs into the fan-out numbers: for every edit sent in the
// measurement window, the time until the last other client had integrated it.

import { percentile } from '../lib/stats';

/** When each Yjs clientID's integrated state first reached each clock, at one receiving client. */
class ReceiveIndex {
  private readonly byClient = new Map<number, { clocks: number[]; times: number[] }>();

  constructor(log: Float64Array) {
    for (let i = 0; i < log.length; i += 3) {
      const clientId = log[i]!;
      const clock = log[i + 1]!;
      let e = this.byClient.get(clientId);
      if (!e) this.byClient.set(clientId, (e = { clocks: [], times: [] }));
      // Keep only increases, so the lists are sorted and "first time the state reached c" is a binary search.
      if (e.clocks.length === 0 || clock > e.clocks[e.clocks.length - 1]!) {
        e.clocks.push(clock);
        e.times.push(log[i + 2]!);
      }
    }
  }

  /** When this receiver had everything of clientId up to `clock` (exclusive), or undefined. */
  reached(clientId: number, clock: number): number | undefined {
    const e = this.byClient.get(clientId);
    if (!e) return undefined;
    let lo = 0;
    let hi = e.clocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e.clocks[mid]! >= clock) hi = mid;
      else lo = mid + 1;
    }
    return lo < e.clocks.length ? e.times[lo] : undefined;
  }
}

export interface FanoutOutcome {
  /** Edits sent inside the window. */
  readonly sent: number;
  /** Of those, edits every other client integrated before the end of the grace period. */
  readonly delivered: number;
  /** Latency percentiles in ms; an undelivered edit counts as infinitely late. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export function analyse(
  sends: readonly Float64Array[],
  receives: ReadonlyArray<readonly [number, Float64Array]>,
  windowStart: number,
  windowEnd: number,
): FanoutOutcome {
  const receivers = receives.map(([index, log]) => ({ index, idx: new ReceiveIndex(log) }));
  const latencies: number[] = [];
  let sent = 0;
  let delivered = 0;
  for (const log of sends) {
    for (let i = 0; i < log.length; i += 4) {
      const sender = log[i]!;
      const sentAt = log[i + 3]!;
      if (sentAt < windowStart || sentAt >= windowEnd) continue;
      sent++;
      let last = sentAt;
      for (const r of receivers) {
        if (r.index === sender) continue;
        const t = r.idx.reached(log[i + 1]!, log[i + 2]!);
        if (t === undefined) {
          last = Number.POSITIVE_INFINITY;
          break;
        }
        if (t > last) last = t;
      }
      if (Number.isFinite(last)) delivered++;
      latencies.push(last - sentAt);
    }
  }
  return { sent, delivered, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
