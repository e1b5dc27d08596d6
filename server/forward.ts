// Forwarding a websocket upgrade to the relay process that holds the tafel (server/cluster.ts):
// the request goes to the holder as it came (plus a marker header), and from then on the two
// sockets are piped to each other. The client never notices; a reverse proxy hashing on the tafel
// id makes forwarding the exception (after a failover, until the proxy's view catches up).

import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** Set on a forwarded upgrade: a process that does not hold the tafel either refuses it, no loops. */
export const FORWARDED_HEADER = 'x-aan-tafel-forwarded';

export function forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, holderUrl: string, onError: (e: Error) => void): void {
  const target = new URL(holderUrl);
  const upstream = net.connect(Number(target.port || 80), target.hostname);
  const fail = (e: Error) => {
    onError(e);
    upstream.destroy();
    if (socket.writable) socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  };
  upstream.once('error', fail);
  upstream.once('connect', () => {
    upstream.removeListener('error', fail);
    let headers = '';
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
    upstream.write(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n${headers}${FORWARDED_HEADER}: 1\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', close);
    upstream.on('close', close);
    socket.on('close', close);
  });
}
