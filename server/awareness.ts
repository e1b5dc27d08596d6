// Rewrites a client's awareness update before the relay applies it: the `user` field of every
// state becomes the authenticated lid (a client cannot pose as someone else in the presence
// list), and states for clientIDs that another connection speaks for are dropped. Stock
// y-websocket clients send every state they receive back out (a tablet that joins a full tafel
// echoes the whole presence list it was greeted with), so those foreign states are skipped
// unread, and the limits count only the states a connection speaks for.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceUser } from '../src/model/presence';

/** Most states of its own one awareness message may carry; a client has one (its own). */
const MAX_OWN_STATES = 32;
/** Presence is a name, a colour and a place (plus an editor cursor): kilobytes, not megabytes. */
export const MAX_AWARENESS_BYTES = 64 * 1024;

export class MalformedAwareness extends Error {}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Returns the rewritten update, the clientIDs it speaks for and those of them it announces (a
 * state, not a removal); `user` is asked only when there is
 * a state to rewrite. Throws MalformedAwareness when the bytes are not an awareness update, or its
 * own states exceed the limits (the caller closes the connection).
 */
export function rewriteAwareness(
  update: Uint8Array,
  user: () => PresenceUser,
  mayUse: (clientId: number) => boolean,
): { update: Uint8Array; clientIds: number[]; announced: number[] } {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries: { clientId: number; clock: number; json: string }[] = [];
  let ownBytes = 0;
  let lid: PresenceUser | undefined;
  try {
    const len = decoding.readVarUint(decoder);
    for (let i = 0; i < len; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // The state's JSON, as bytes: a foreign one is skipped without decoding it.
      const raw = decoding.readVarUint8Array(decoder);
      if (!mayUse(clientId)) continue;
      ownBytes += raw.byteLength;
      if (ownBytes > MAX_AWARENESS_BYTES) throw new MalformedAwareness(`awareness states larger than ${MAX_AWARENESS_BYTES} bytes`);
      if (entries.length === MAX_OWN_STATES) throw new MalformedAwareness(`more than ${MAX_OWN_STATES} awareness states of its own`);
      const state = JSON.parse(UTF8.decode(raw)) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new MalformedAwareness('an awareness state must be an object or null');
      }
      const json = state === null ? 'null' : JSON.stringify({ ...(state as Record<string, unknown>), user: (lid ??= user()) });
      entries.push({ clientId, clock, json });
    }
  } catch (e) {
    if (e instanceof MalformedAwareness) throw e;
    throw new MalformedAwareness('not an awareness update');
  }
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.json);
  }
  return {
    update: encoding.toUint8Array(encoder),
    clientIds: entries.map((e) => e.clientId),
    // States that are not removals: the connection announces these clientIDs as its own.
    announced: entries.filter((e) => e.json !== 'null').map((e) => e.clientId),
  };
}
