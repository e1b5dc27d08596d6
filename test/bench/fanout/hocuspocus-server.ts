// Hocuspocus as its makers document it for a plain server: no extensions, so documents live in
// memory and no update is checked. Started as its own process by servers.ts.

import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
const server = new Server({ port, address: '127.0.0.1', quiet: true });
await server.listen();
console.log(`ready on ${port}`);
