// A message framed once (server/frames.ts) reaches a real ws client byte for byte, for each of
// the three payload-length encodings, and in order with messages ws frames itself.

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SharedMessage, sendFramed } from '../../../server/frames';

let server: WebSocketServer | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function payload(n: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('SharedMessage / sendFramed', () => {
  it('delivers framed messages of every length class intact and in order with ws.send', async () => {
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 200_000];
    const expected: Uint8Array[] = [];
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    server.on('connection', (ws) => {
      sizes.forEach((n, i) => {
        const p = payload(n, i);
        expected.push(p, p);
        sendFramed(ws, new SharedMessage(p));
        ws.send(p);
      });
    });
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    const port = (server.address() as { port: number }).port;
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: Uint8Array[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) reject(new Error('a text frame arrived'));
        received.push(new Uint8Array(data));
        if (received.length === sizes.length * 2) resolve();
      });
    });
    client.close();
    expect(received.map((r) => r.byteLength)).toEqual(expected.map((e) => e.byteLength));
    received.forEach((r, i) => expect(Buffer.compare(Buffer.from(r), Buffer.from(expected[i]!))).toBe(0));
  });
});
