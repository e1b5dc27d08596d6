// Assembles the relay: storage, rooms, HTTP and websocket on one port. main.ts runs it as a
// process; start() is separate so the whole relay is one object with one stop().

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import type { RelayContext } from './context';
import { issueDemoLinks, seedDemo } from './demo';
import { createRequestHandler } from './http';
import type { Log } from './log';
import { Rooms } from './rooms';
import { openRelayStorage } from './storage-open';
import { CLOSE } from '../src/protocol/closeCodes';
import { createSyncServer } from './upgrade';

export interface RunningRelay {
  readonly port: number;
  readonly context: RelayContext;
  stop(): Promise<void>;
}

export async function startRelay(config: Config, log: Log): Promise<RunningRelay> {
  const server = http.createServer();
  // Slowloris and friends: headers and bodies must arrive in reasonable time.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  // Idle keep-alive connections stay open longer than a reverse proxy keeps its pooled upstream
  // connections (Caddy: 2 minutes), so the proxy never sends a request on a socket we just
  // closed (a 502 for the tablet).
  server.keepAliveTimeout = 130_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // With PORT=0 and no public URL, links follow the port the system picked.
  const effective: Config = config.port === 0 && !process.env.AAN_TAFEL_PUBLIC_URL ? { ...config, publicUrl: `http://localhost:${port}` } : config;

  const { storage, cluster } = await openRelayStorage(effective, port, log);
  const rooms = new Rooms(storage, effective, log, cluster);
  const context: RelayContext = { config: effective, storage, rooms, cluster, log, startedAt: Date.now() };
  // Revocations made through another relay process or the admin CLI.
  cluster.subscribe((m) => {
    if (m.type === 'revoked-lid') rooms.closeLid(m.tafelId, m.lidId, CLOSE.revoked, 'token revoked');
    if (m.type === 'revoked-token') rooms.closeToken(m.tokenHash, CLOSE.revoked, 'token revoked');
  });
  if (effective.demo) {
    await seedDemo(context);
    await issueDemoLinks(context);
  }

  server.on('request', createRequestHandler(context));
  const sync = createSyncServer(context);
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head));
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  let stopping: Promise<void> | undefined;
  return {
    port,
    context,
    stop() {
      stopping ??= (async () => {
        sync.close();
        await rooms.closeAllRooms();
        // Gives the leases up: another process may take the tafels at once.
        await cluster.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await storage.close();
      })();
      return stopping;
    },
  };
}
