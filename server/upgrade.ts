// The websocket side: ws://HOST:PORT/sync/<tafelId>?token=<device token>. Everything that can be
// refused is refused before the upgrade with a plain HTTP status (403 origin, 401 token or lid,
// 404 tafel, 503 full); after the upgrade a connection is closed only with the documented codes.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { actorForLid } from '../src/model';
import { checkToken } from './auth';
import type { RelayContext } from './context';
import { TokenBucket } from './limits';
import { CLOSE } from '../src/protocol/closeCodes';
import { wsSocket } from './socket';
import { MESSAGES } from './messages';
import { MalformedMessage, type Connection, type Room } from './rooms';
import { FORWARDED_HEADER, forwardUpgrade } from './forward';

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})$/;
const PING_INTERVAL_MS = 30_000;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function refuse(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * Origin check: browsers always send Origin on a websocket; Node clients (tests, tools) send none
 * and pass. Allowed: the configured list, or when that is empty, the page's own host and the
 * public URL's origin.
 */
export function originAllowed(ctx: RelayContext, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (ctx.config.allowedOrigins.length > 0) return ctx.config.allowedOrigins.includes(parsed.origin);
  return parsed.host === req.headers.host || parsed.origin === new URL(ctx.config.publicUrl).origin;
}

function rawToBytes(data: RawData): Uint8Array {
  if (Buffer.isBuffer(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}

export interface SyncServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
}

export function createSyncServer(ctx: RelayContext): SyncServer {
  const { limits } = ctx.config;
  // ws itself drops frames beyond twice our limit (close 1009) so it never buffers unbounded data;
  // between the two limits we answer with our own close code 4413.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 2, perMessageDeflate: false });

  /** The websockets of open connections and whether each answered the last ping. */
  const live = new Map<Connection, { readonly ws: WebSocket; alive: boolean }>();

  function open(ws: WebSocket, room: Room, tafelId: string, lidId: string, tokenHash: string): void {
    const conn: Connection = {
      socket: wsSocket(ws),
      tafelId,
      lidId,
      tokenHash,
      bucket: new TokenBucket(limits.messagesPerSecond, limits.messageBurst, Date.now()),
    };
    const liveness = { ws, alive: true };
    live.set(conn, liveness);
    ctx.rooms.attach(room, conn);
    ws.on('message', (data, isBinary) => {
      if (!room.conns.has(conn)) return;
      const bytes = rawToBytes(data);
      if (!isBinary) {
        room.close(conn, CLOSE.malformed, 'binary messages only');
        return;
      }
      if (bytes.byteLength > limits.maxMessageBytes) {
        ctx.log.warn(`tafel ${tafelId} lid ${lidId}: message of ${bytes.byteLength} bytes refused`);
        room.close(conn, CLOSE.tooLarge, 'message too large');
        return;
      }
      if (!conn.bucket.take(Date.now())) {
        ctx.log.warn(`tafel ${tafelId} lid ${lidId}: rate limit exceeded`);
        room.close(conn, CLOSE.rateLimited, 'rate limit exceeded');
        return;
      }
      try {
        room.handleMessage(conn, bytes);
      } catch (e) {
        if (e instanceof MalformedMessage) {
          ctx.log.warn(`tafel ${tafelId} lid ${lidId}: malformed message (${e.message})`);
          room.close(conn, CLOSE.malformed, 'malformed message');
        } else {
          ctx.log.error(`tafel ${tafelId} lid ${lidId}: message failed`, e);
          ws.close(1011, 'relay error');
        }
      }
    });
    ws.on('pong', () => {
      liveness.alive = true;
    });
    ws.on('error', (e) => ctx.log.warn(`tafel ${tafelId} lid ${lidId}: socket error ${e.message}`));
    ws.on('close', (code) => {
      live.delete(conn);
      ctx.rooms.detach(room, conn);
      ctx.log.info(`tafel ${tafelId}: lid ${lidId} disconnected (${code}); ${room.conns.size} connection(s) left`);
    });
    ctx.log.info(`tafel ${tafelId}: lid ${lidId} connected; ${room.conns.size} connection(s)`);
    room.greet(conn);
  }

  // Connections that stop answering pings are dropped, so presence and connection counts stay true.
  const pinger = setInterval(() => {
    for (const l of live.values()) {
      if (!l.alive) {
        l.ws.terminate();
        continue;
      }
      l.alive = false;
      l.ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  // Tokens revoked by the admin CLI, expired tokens and leden removed by the chair lose their
  // connections within membershipCheckMs.
  let checking = false;
  const checkMembership = async () => {
    const now = Date.now();
    for (const room of [...ctx.rooms.all()]) {
      for (const c of [...room.conns]) {
        const row = await ctx.storage.findToken(c.tokenHash);
        if (!room.conns.has(c)) continue;
        const tokenOk = row !== undefined && row.revokedAt === null && row.expiresAt > now;
        if (!tokenOk || !actorForLid(room.doc, c.lidId)) room.close(c, CLOSE.revoked, tokenOk ? 'not a lid any more' : 'token revoked');
      }
    }
  };
  const membership = setInterval(() => {
    // One check at a time: a slow database must not pile them up.
    if (checking) return;
    checking = true;
    checkMembership()
      .catch((e: unknown) => ctx.log.error('membership check failed', e))
      .finally(() => (checking = false));
  }, ctx.config.membershipCheckMs);
  membership.unref();

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      void upgrade(req, socket, head);
    },
    close() {
      clearInterval(pinger);
      clearInterval(membership);
      wss.close();
    },
  };

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      try {
        const url = new URL(req.url ?? '/', 'http://relay.invalid');
        const m = SYNC_PATH.exec(url.pathname);
        if (!m?.[1]) return refuse(socket, 404, 'not-found', MESSAGES.notFound);
        const tafelId = m[1];
        if (!originAllowed(ctx, req)) return refuse(socket, 403, 'origin-refused', MESSAGES.originRefused);
        const check = await checkToken(ctx.storage, url.searchParams.get('token') ?? '', Date.now());
        if (!check.ok) return refuse(socket, 401, `token-${check.reason}`, MESSAGES.badToken);
        if (check.tafelId !== tafelId) return refuse(socket, 401, 'other-tafel', MESSAGES.notThisTafel);
        const got = await ctx.rooms.acquire(tafelId);
        if (socket.destroyed) return;
        if (!got.ok && got.reason === 'elsewhere') {
          // Another relay process holds the tafel: hand the connection over, once.
          if (req.headers[FORWARDED_HEADER] !== undefined) return refuse(socket, 503, 'relay-full', MESSAGES.relayFull);
          forwardUpgrade(req, socket, head, got.holderUrl, (e) => ctx.log.warn(`forwarding tafel ${tafelId} to ${got.holderUrl} failed: ${e.message}`));
          return;
        }
        if (!got.ok) {
          return got.reason === 'unknown'
            ? refuse(socket, 404, 'no-such-tafel', MESSAGES.noSuchTafel)
            : refuse(socket, 503, 'relay-full', MESSAGES.relayFull);
        }
        const room = got.room;
        if (!actorForLid(room.doc, check.lidId)) return refuse(socket, 401, 'not-a-lid', MESSAGES.noSuchLid);
        if (room.conns.size >= limits.maxConnectionsPerTafel) return refuse(socket, 503, 'tafel-full', MESSAGES.tooManyConnections);
        wss.handleUpgrade(req, socket, head, (ws) => {
          // The room may have been unloaded (idle, failed) while the handshake completed.
          const current = ctx.rooms.loaded(tafelId);
          if (!current) {
            ws.close(CLOSE.full, 'relay full');
            return;
          }
          open(ws, current, tafelId, check.lidId, check.hash);
        });
      } catch (e) {
        ctx.log.error('upgrade failed', e);
        refuse(socket, 503, 'internal', MESSAGES.internal);
      }
  }
}
