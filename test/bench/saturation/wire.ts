// The few protocol messages the saturation clients speak, for the y-websocket protocol (our
// relay, the reference server) and Hocuspocus's (the same messages, each prefixed with the
// document's name, after an authentication message), and the one thing a receiver reads of a
// broadcast: which edit it carries (the first struct's clientID and clock), without integrating it.

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type Dialect = 'y-websocket' | 'hocuspocus';

const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;

function message(dialect: Dialect, documentName: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  if (dialect === 'hocuspocus') encoding.writeVarString(e, documentName);
  write(e);
  return encoding.toUint8Array(e);
}

export function updateMessage(dialect: Dialect, documentName: string, update: Uint8Array): Uint8Array {
  return message(dialect, documentName, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

/**
 * Sync step 1 with the state vector the client holds: its answer (step 2) proves every earlier
 * message was handled, and holds only what the client lacks (as for a tablet that has the tafel
 * locally), not the whole tafel once per connection.
 */
export function barrierMessage(dialect: Dialect, documentName: string, stateVector: Uint8Array): Uint8Array {
  return message(dialect, documentName, (e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** Hocuspocus wants a token message first (any token, the bench server checks nothing). */
export function authMessage(documentName: string): Uint8Array {
  return message('hocuspocus', documentName, (e) => {
    encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
    encoding.writeVarUint(e, HOCUSPOCUS_AUTH_TOKEN);
    encoding.writeVarString(e, 'bench');
  });
}

/** A number naming one edit: its clientID and the clock of its first struct (clocks stay below 2^20 here). */
export const editKey = (client: number, clock: number): number => client * 1_048_576 + clock;

export const clientOfKey = (key: number): number => Math.floor(key / 1_048_576);

/** The edit key of a v1 update's first struct, or undefined when it has none. */
export function updateKey(update: Uint8Array): number | undefined {
  const d = decoding.createDecoder(update);
  if (decoding.readVarUint(d) === 0) return undefined;
  decoding.readVarUint(d); // number of structs of this client
  const client = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return editKey(client, clock);
}

export type Incoming = { readonly kind: 'update'; readonly key: number | undefined } | { readonly kind: 'step2' } | { readonly kind: 'auth' } | { readonly kind: 'other' };

/** What a server's message is, as far as the clients care. */
export function readIncoming(dialect: Dialect, data: Uint8Array): Incoming {
  const d = decoding.createDecoder(data);
  if (dialect === 'hocuspocus') decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (dialect === 'hocuspocus' && type === HOCUSPOCUS_AUTH) return { kind: 'auth' };
  if (type !== MESSAGE_SYNC) return { kind: 'other' };
  const sync = decoding.readVarUint(d);
  if (sync === SYNC_STEP2) return { kind: 'step2' };
  if (sync !== SYNC_UPDATE) return { kind: 'other' };
  return { kind: 'update', key: updateKey(decoding.readVarUint8Array(d)) };
}
