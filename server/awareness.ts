// Rewrites a client's awareness update before the relay applies it: the `user` field of every
// state becomes the authenticated lid (a client cannot pose as someone else in the presence
// list), and states for clientIDs that another connection speaks for are dropped.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceUser } from '../src/model/presence';

/** Most states one awareness message may carry; a stock client sends one (its own). */
const MAX_STATES = 32;
/** Presence is a name, a colour and a place (plus an editor cursor): kilobytes, not megabytes. */
export const MAX_AWARENESS_BYTES = 64 * 1024;

export class MalformedAwareness extends Error {}

/**
 * Returns the rewritten update and the clientIDs it speaks for. Throws MalformedAwareness when the
 * bytes are not an awareness update (the caller closes the connection).
 */
export function rewriteAwareness(
  update: Uint8Array,
  user: PresenceUser,
  mayUse: (clientId: number) => boolean,
): { update: Uint8Array; clientIds: number[] } {
  if (update.byteLength > MAX_AWARENESS_BYTES) throw new MalformedAwareness(`awareness update larger than ${MAX_AWARENESS_BYTES} bytes`);
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const clientIds: number[] = [];
  const entries: { clientId: number; clock: number; json: string }[] = [];
  try {
    const len = decoding.readVarUint(decoder);
    if (len > MAX_STATES) throw new MalformedAwareness(`more than ${MAX_STATES} awareness states`);
    for (let i = 0; i < len; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new MalformedAwareness('an awareness state must be an object or null');
      }
      if (!mayUse(clientId)) continue;
      const json = state === null ? 'null' : JSON.stringify({ ...(state as Record<string, unknown>), user });
      entries.push({ clientId, clock, json });
      clientIds.push(clientId);
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
  return { update: encoding.toUint8Array(encoder), clientIds };
}
