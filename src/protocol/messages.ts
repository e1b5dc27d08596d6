// Aan Tafel's additions to the y-websocket protocol. Message types 0-3 are y-websocket's own
// (sync, awareness, auth, query awareness); the relay adds one: a rejection of an update.
// A stock WebsocketProvider ignores it (and logs); ours handles it (see src/sync/). Tabs add one
// more among themselves, over the BroadcastChannel only (src/sync/tabs.ts).

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Violation } from '../ownership/validator';

export type { Violation };

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** relay -> client: the update the client sent was not applied. Payload: varString JSON of Rejection. */
export const MESSAGE_REJECTED = 4;
/** tab -> other tabs (BroadcastChannel, never the relay): "I just opened; tell me your state vector". No payload. */
export const MESSAGE_TAB_HELLO = 5;

export interface Rejection {
  /** The y-protocols sync message type that carried the update: 1 (step 2) or 2 (update). */
  readonly messageType: number;
  readonly violations: readonly Violation[];
  /** Relay time of the decision, epoch ms. */
  readonly at: number;
}

/** A y-websocket sync message: the type, then what `write` puts after it (a y-protocols sync message). */
export const syncMessage = (write: (encoder: encoding.Encoder) => void): Uint8Array =>
  encoding.encode((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
  });

export function encodeRejection(r: Rejection): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_REJECTED);
  encoding.writeVarString(encoder, JSON.stringify(r));
  return encoding.toUint8Array(encoder);
}

/** Reads the payload after the message type has been read. Throws on malformed input. */
export function decodeRejection(decoder: decoding.Decoder): Rejection {
  const parsed = JSON.parse(decoding.readVarString(decoder)) as Rejection;
  if (!Array.isArray(parsed.violations)) throw new Error('malformed rejection');
  return parsed;
}
