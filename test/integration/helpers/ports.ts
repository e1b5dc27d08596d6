// A free TCP port on 127.0.0.1 for a server a test starts (Postgres, Caddy), which, unlike the
// relay, cannot report the port the system picked.

import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}
