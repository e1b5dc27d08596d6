// A room talks to its clients through this minimal socket, not through `ws` itself, so a room can
// be tested with a plain object and served by another transport later. The websocket transport
// (server/upgrade.ts) adapts a `ws` WebSocket with wsSocket below and keeps liveness (ping/pong)
// to itself.

import type { WebSocket } from 'ws';

export interface RoomSocket {
  /** Whether a message sent now can still arrive. */
  isOpen(): boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** A slow reader whose send buffer grows beyond this is cut off rather than eating memory. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export function wsSocket(ws: WebSocket): RoomSocket {
  return {
    isOpen: () => ws.readyState === ws.OPEN,
    send(message) {
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      ws.send(message);
    },
    close: (code, reason) => ws.close(code, reason),
  };
}
