// One broadcast, framed once: a message that goes to every connection of a tafel is turned into a
// WebSocket frame (RFC 6455 section 5.2: FIN + binary opcode, unmasked as server frames are, the
// payload length in 7, 7+16 or 7+64 bits) once, and that one buffer is written to each socket.
// ws would build a header per socket and write header and payload as two buffers each time.
//
// The frame is handed to ws's own sender (sendFrame), so it queues behind and in order with
// everything else ws sends on that socket. When that sender is not in its plain state (never, with
// compression off as the relay runs it, but ws may change) the message goes through ws.send.

import type { WebSocket } from 'ws';

/** One message for many connections; its frame is made the first time a transport asks for it. */
export class SharedMessage {
  private framed: Buffer | undefined;

  constructor(readonly payload: Uint8Array) {}

  /** Header and payload in one buffer. */
  get frame(): Buffer {
    return (this.framed ??= frameBinary(this.payload));
  }
}

const FIN_BINARY = 0x82;

function frameBinary(payload: Uint8Array): Buffer {
  const n = payload.byteLength;
  const headerLength = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + n);
  frame[0] = FIN_BINARY;
  if (n < 126) {
    frame[1] = n;
  } else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(n), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/** The parts of ws's internal sender this relies on; checked at every send. */
interface WsSender {
  readonly _state?: unknown;
  readonly _queue?: readonly unknown[];
  sendFrame?(list: Buffer[]): void;
}

/** ws's sender state when it is neither compressing nor reading a Blob (lib/sender.js DEFAULT). */
const SENDER_IDLE = 0;

/** Writes a shared message to an open socket, as its one frame. */
export function sendFramed(ws: WebSocket, framed: SharedMessage): void {
  const sender = (ws as unknown as { _sender?: WsSender })._sender;
  if (sender && sender._state === SENDER_IDLE && sender._queue?.length === 0 && typeof sender.sendFrame === 'function') {
    sender.sendFrame([framed.frame]);
  } else {
    ws.send(framed.payload);
  }
}
