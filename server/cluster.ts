// Which relay process serves which tafel, and how relay processes tell each other things.
//
// Each tafel is served by exactly one process at a time: the gate judges an update against the
// tafel's current state in that process's memory, so two processes accepting writes for one tafel
// would break ownership and clientID bindings. A process loads a tafel only while it holds the
// tafel's lease; with Postgres (server/cluster-postgres.ts) the lease is a row with a heartbeat,
// and every batch COMMIT checks, inside its transaction, that the leases of its tafels are still
// held (fencing: a process that lost a lease, say after a long pause, cannot commit for it).
// With SQLite there is one process, which holds every lease.
//
// The bus carries what must reach the process holding a tafel from wherever it happens:
// revocations made through another process or the admin CLI, and (issue 14) escalation
// deliveries. With Postgres it is LISTEN/NOTIFY; with SQLite it stays in the process.

export type LeaseOutcome =
  | { readonly ok: true }
  /** Another live process holds it; `holderUrl` is where that process takes websockets. */
  | { readonly ok: false; readonly holderUrl: string };

export type BusMessage =
  | { readonly type: 'revoked-lid'; readonly tafelId: string; readonly lidId: string }
  | { readonly type: 'revoked-token'; readonly tokenHash: string }
  /** For other modules (the escalation outbox): `topic` names the module, `body` is its JSON. */
  | { readonly type: 'module'; readonly topic: string; readonly tafelId: string; readonly body: unknown };

export interface Cluster {
  /** This process, as lease holder and in the audit of who accepted an update. */
  readonly relayId: string;
  /** Takes (or renews) the tafel's lease, unless another live process holds it. */
  acquire(tafelId: string): Promise<LeaseOutcome>;
  /** Gives the lease up (the room was unloaded and its last batch committed). */
  release(tafelId: string): Promise<void>;
  /** Called when a held lease was lost (another process took it after a missed heartbeat). */
  onLost(handler: (tafelId: string) => void): void;
  publish(message: BusMessage): Promise<void>;
  subscribe(handler: (message: BusMessage) => void): void;
  close(): Promise<void>;
}

/** One process alone (SQLite, or tests of the rooms): every lease is ours, the bus is local. */
export class LocalCluster implements Cluster {
  readonly relayId = 'local';
  private readonly handlers: ((message: BusMessage) => void)[] = [];

  async acquire(): Promise<LeaseOutcome> {
    return { ok: true };
  }

  async release(): Promise<void> {}

  onLost(): void {}

  async publish(message: BusMessage): Promise<void> {
    for (const h of this.handlers) h(message);
  }

  subscribe(handler: (message: BusMessage) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {}
}

/** Parses a bus message from elsewhere; undefined when it is not one. */
export function parseBusMessage(raw: string): BusMessage | undefined {
  try {
    const m = JSON.parse(raw) as Partial<Record<string, unknown>>;
    if (m.type === 'revoked-lid' && typeof m.tafelId === 'string' && typeof m.lidId === 'string') return { type: m.type, tafelId: m.tafelId, lidId: m.lidId };
    if (m.type === 'revoked-token' && typeof m.tokenHash === 'string') return { type: m.type, tokenHash: m.tokenHash };
    if (m.type === 'module' && typeof m.topic === 'string' && typeof m.tafelId === 'string') return { type: m.type, topic: m.topic, tafelId: m.tafelId, body: m.body };
  } catch {
    // not JSON: ignored like any foreign notification
  }
  return undefined;
}
