// The relay's configuration: environment variables with embedded defaults, so `npm start` works
// with nothing set. Every variable is documented in docs/relay-api.md; keep the two in step.

import path from 'node:path';

export interface Limits {
  /** Largest websocket message the relay reads; larger ones close the connection with 4413. */
  readonly maxMessageBytes: number;
  /** Sustained messages per second per connection (token bucket refill rate). */
  readonly messagesPerSecond: number;
  /** Burst size of the token bucket: messages a connection may send at once. */
  readonly messageBurst: number;
  /** Rooms (tafel documents) held in memory at once. */
  readonly maxRooms: number;
  readonly maxConnectionsPerTafel: number;
  /** Largest HTTP request body. */
  readonly maxBodyBytes: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** postgres://... when the relay keeps its data in Postgres; null: SQLite in dataDir (the default). */
  readonly databaseUrl: string | null;
  /**
   * SQLite only: FULL (default) fsyncs at every COMMIT, so what was broadcast survives a power cut;
   * NORMAL survives a relay crash but may lose the last commits in a power cut (the devices still
   * hold them and send them again at their next sync). server/storage-sqlite.ts.
   */
  readonly sqliteSynchronous: SqliteSynchronous;
  /** Base for links printed and returned (invite urls); no trailing slash. */
  readonly publicUrl: string;
  /** Origins allowed to open the websocket; empty = the request's own host only. */
  readonly allowedOrigins: readonly string[];
  readonly demo: boolean;
  /** The built app; served when it exists. */
  readonly distDir: string;
  readonly limits: Limits;
  /** A room without connections stays loaded this long, then it is compacted and unloaded. */
  readonly roomIdleMs: number;
  /** Log entries after which a room's log is folded into its snapshot. */
  readonly compactEvery: number;
  readonly inviteTtlMs: number;
  /** A device token works this long after its invite was redeemed; then the lid needs a new invite. */
  readonly tokenTtlMs: number;
  /** How often open connections are checked for revoked tokens and removed leden. */
  readonly membershipCheckMs: number;
  /** The carrier waits this long before delivering the outbox (docs/network.md); tests crash it in between. */
  readonly outboxDelayMs: number;
  /** How often the carrier looks for pending outbox messages (retries, links made by the admin CLI). */
  readonly outboxPollMs: number;
  /**
   * Postgres only: a tafel's lease lasts this long without a heartbeat, so a dead relay's tafels
   * move to another process within it (server/cluster-postgres.ts).
   */
  readonly leaseMs: number;
  /**
   * Where other relay processes reach this one to forward a tafel's websockets; null: this
   * process's own port on 127.0.0.1 (processes on one machine).
   */
  readonly internalUrl: string | null;
}

export class ConfigError extends Error {}

export const SQLITE_SYNCHRONOUS = ['FULL', 'NORMAL'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS)[number];

function sqliteSynchronous(env: Env): SqliteSynchronous {
  const raw = env.AAN_TAFEL_SQLITE_SYNCHRONOUS?.trim().toUpperCase();
  if (raw === undefined || raw === '') return 'FULL';
  const found = SQLITE_SYNCHRONOUS.find((s) => s === raw);
  if (!found) throw new ConfigError(`AAN_TAFEL_SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${env.AAN_TAFEL_SQLITE_SYNCHRONOUS ?? ''}"`);
  return found;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

function origin(value: string, name: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new ConfigError(`${name}: "${value}" is not a URL`);
  }
}

function databaseUrl(env: Env): string | null {
  const raw = env.AAN_TAFEL_DATABASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('AAN_TAFEL_DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`AAN_TAFEL_DATABASE_URL must start with postgres://, got "${url.protocol}//"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const publicUrl = (env.AAN_TAFEL_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  origin(publicUrl, 'AAN_TAFEL_PUBLIC_URL');
  const allowedOrigins = (env.AAN_TAFEL_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => origin(s, 'AAN_TAFEL_ALLOWED_ORIGINS'));
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(cwd, env.AAN_TAFEL_DATA?.trim() || 'data'),
    databaseUrl: databaseUrl(env),
    sqliteSynchronous: sqliteSynchronous(env),
    publicUrl,
    allowedOrigins,
    demo: flag(env, 'AAN_TAFEL_DEMO', true),
    distDir: path.resolve(cwd, env.AAN_TAFEL_DIST?.trim() || 'dist'),
    limits: {
      maxMessageBytes: integer(env, 'AAN_TAFEL_MAX_MESSAGE_BYTES', 16 * 1024 * 1024, 1024, 256 * 1024 * 1024),
      messagesPerSecond: integer(env, 'AAN_TAFEL_MESSAGES_PER_SECOND', 100, 1, 100_000),
      messageBurst: integer(env, 'AAN_TAFEL_MESSAGE_BURST', 400, 1, 1_000_000),
      maxRooms: integer(env, 'AAN_TAFEL_MAX_ROOMS', 500, 1, 1_000_000),
      maxConnectionsPerTafel: integer(env, 'AAN_TAFEL_MAX_CONNECTIONS_PER_TAFEL', 200, 1, 100_000),
      maxBodyBytes: integer(env, 'AAN_TAFEL_MAX_BODY_BYTES', 16 * 1024, 256, 16 * 1024 * 1024),
    },
    roomIdleMs: integer(env, 'AAN_TAFEL_ROOM_IDLE_MS', 60_000, 0, 24 * 3600_000),
    compactEvery: integer(env, 'AAN_TAFEL_COMPACT_EVERY', 500, 1, 10_000_000),
    inviteTtlMs: integer(env, 'AAN_TAFEL_INVITE_TTL_SECONDS', 7 * 24 * 3600, 1, 365 * 24 * 3600) * 1000,
    tokenTtlMs: integer(env, 'AAN_TAFEL_TOKEN_TTL_SECONDS', 365 * 24 * 3600, 1, 10 * 365 * 24 * 3600) * 1000,
    membershipCheckMs: integer(env, 'AAN_TAFEL_MEMBERSHIP_CHECK_MS', 5_000, 100, 3600_000),
    outboxDelayMs: integer(env, 'AAN_TAFEL_OUTBOX_DELAY_MS', 0, 0, 3600_000),
    outboxPollMs: integer(env, 'AAN_TAFEL_OUTBOX_POLL_MS', 2_000, 50, 3600_000),
    leaseMs: integer(env, 'AAN_TAFEL_LEASE_MS', 6_000, 1_000, 600_000),
    internalUrl: env.AAN_TAFEL_INTERNAL_URL?.trim() ? origin(env.AAN_TAFEL_INTERNAL_URL.trim(), 'AAN_TAFEL_INTERNAL_URL') : null,
  };
}
