// Leases and the bus on Postgres (see server/cluster.ts). A lease is a row in tafel_leases with
// an expiry on the database's clock; the holder renews all of its leases every lease/4. A process
// that dies (SIGKILL, power) stops renewing, and after at most one lease period another process
// may take the tafel. Taking a lease locks its row, and every batch COMMIT of the holder reads its
// leases FOR SHARE in the same transaction (server/storage-postgres.ts), so a takeover and a
// commit of the old holder are serialised: whatever the old holder committed is loaded by the new
// one, and nothing the old holder tries after losing the lease is committed.
//
// The bus is LISTEN/NOTIFY on one channel, on a dedicated connection.

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { parseBusMessage, type BusMessage, type Cluster, type LeaseOutcome } from './cluster';
import type { Log } from './log';

export const BUS_CHANNEL = 'aan_tafel_bus';

/** A relay process's id: host, pid and a random part (a restarted process is another holder). */
export function newRelayId(): string {
  return `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

/** Sends one bus message through any connection (the admin CLI uses it too). */
export async function notify(pool: pg.Pool, message: BusMessage): Promise<void> {
  await pool.query('SELECT pg_notify($1, $2)', [BUS_CHANNEL, JSON.stringify(message)]);
}

export class PostgresCluster implements Cluster {
  private readonly held = new Set<string>();
  private readonly lostHandlers: ((tafelId: string) => void)[] = [];
  private readonly busHandlers: ((message: BusMessage) => void)[] = [];
  private readonly heartbeat: NodeJS.Timeout;
  private listener: pg.Client | undefined;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    readonly relayId: string,
    /** Where other processes forward this one's websockets (AAN_TAFEL_INTERNAL_URL). */
    private readonly internalUrl: string,
    private readonly leaseMs: number,
    private readonly log: Log,
  ) {
    this.heartbeat = setInterval(() => void this.renew(), Math.max(100, Math.floor(leaseMs / 4)));
    this.heartbeat.unref();
  }

  static async start(opts: { pool: pg.Pool; url: string; relayId: string; internalUrl: string; leaseMs: number; log: Log }): Promise<PostgresCluster> {
    const cluster = new PostgresCluster(opts.pool, opts.url, opts.relayId, opts.internalUrl, opts.leaseMs, opts.log);
    await cluster.listen();
    return cluster;
  }

  async acquire(tafelId: string): Promise<LeaseOutcome> {
    // Ours already, free, or expired: ours now (for one lease period). Otherwise: who has it.
    const r = await this.pool.query<{ holder: string; holder_url: string }>(
      `INSERT INTO tafel_leases (tafel_id, holder, holder_url, expires_at)
       VALUES ($1, $2, $3, clock_timestamp() + make_interval(secs => $4 / 1000.0))
       ON CONFLICT (tafel_id) DO UPDATE SET holder = excluded.holder, holder_url = excluded.holder_url, expires_at = excluded.expires_at
         WHERE tafel_leases.holder = excluded.holder OR tafel_leases.expires_at < clock_timestamp()
       RETURNING holder, holder_url`,
      [tafelId, this.relayId, this.internalUrl, this.leaseMs],
    );
    if (r.rowCount === 1) {
      this.held.add(tafelId);
      return { ok: true };
    }
    const current = await this.pool.query<{ holder_url: string }>('SELECT holder_url FROM tafel_leases WHERE tafel_id = $1', [tafelId]);
    const holderUrl = current.rows[0]?.holder_url;
    // Released between the two statements: try once more.
    if (holderUrl === undefined) return this.acquire(tafelId);
    return { ok: false, holderUrl };
  }

  async release(tafelId: string): Promise<void> {
    this.held.delete(tafelId);
    // After close() every lease is given up already.
    if (this.closed) return;
    await this.pool.query('DELETE FROM tafel_leases WHERE tafel_id = $1 AND holder = $2', [tafelId, this.relayId]);
  }

  onLost(handler: (tafelId: string) => void): void {
    this.lostHandlers.push(handler);
  }

  async publish(message: BusMessage): Promise<void> {
    await notify(this.pool, message);
  }

  subscribe(handler: (message: BusMessage) => void): void {
    this.busHandlers.push(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    const held = [...this.held];
    this.held.clear();
    await this.pool.query('DELETE FROM tafel_leases WHERE holder = $1 AND tafel_id = ANY($2)', [this.relayId, held]).catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** Extends every held lease; a lease that is not ours any more is reported lost. */
  private async renew(): Promise<void> {
    if (this.held.size === 0 || this.closed) return;
    const ids = [...this.held];
    let renewed: Set<string>;
    try {
      const r = await this.pool.query<{ tafel_id: string }>(
        `UPDATE tafel_leases SET expires_at = clock_timestamp() + make_interval(secs => $3 / 1000.0)
         WHERE holder = $1 AND tafel_id = ANY($2) RETURNING tafel_id`,
        [this.relayId, ids, this.leaseMs],
      );
      renewed = new Set(r.rows.map((row) => row.tafel_id));
    } catch (e) {
      // The database is away: the leases run out on their own; the batch's fencing keeps us honest.
      this.log.warn(`renewing tafel leases failed: ${(e as Error).message}`);
      return;
    }
    for (const id of ids) {
      if (renewed.has(id) || !this.held.has(id)) continue;
      this.held.delete(id);
      this.log.warn(`lease of tafel ${id} lost to another relay`);
      for (const h of this.lostHandlers) h(id);
    }
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'aan-tafel-relay-bus' });
    client.on('notification', (n) => {
      if (n.channel !== BUS_CHANNEL || n.payload === undefined) return;
      const message = parseBusMessage(n.payload);
      if (message) for (const h of this.busHandlers) h(message);
    });
    client.on('error', (e) => {
      this.log.warn(`relay bus connection lost: ${e.message}; reconnecting`);
      this.listener = undefined;
      setTimeout(() => void this.listen().catch((err: unknown) => this.log.error('relay bus reconnect failed', err)), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${BUS_CHANNEL}`);
    this.listener = client;
  }
}
