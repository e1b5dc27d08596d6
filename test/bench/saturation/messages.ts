// What the saturation benchmark's parent and its client processes say to each other (IPC).

import type { Dialect } from './wire';

export interface ConnSpec {
  /** Full ws:// url (with the token for our relay). */
  readonly url: string;
  readonly dialect: Dialect;
  readonly documentName: string;
  /** The Yjs clientID this connection's edits carry: its own echoes are not counted. */
  readonly clientId: number;
  /** The state vector of the tafel as the client holds it (as a tablet does, from its local copy). */
  readonly stateVector: Uint8Array;
}

/** One step's sends of this process: at t0 + atMs, connection `conn` sends `message`. */
export interface Send {
  readonly atMs: number;
  readonly conn: number;
  readonly key: number;
  readonly message: Uint8Array;
}

export type ToSaturationClients =
  | { readonly type: 'connect'; readonly conns: readonly ConnSpec[]; readonly seeds: readonly { readonly conn: number; readonly message: Uint8Array }[] }
  | { readonly type: 'step'; readonly t0: number; readonly sends: readonly Send[]; readonly endMs: number }
  | { readonly type: 'close' };

export type FromSaturationClients =
  | { readonly type: 'connected'; readonly failed: number }
  | {
      readonly type: 'stepped';
      /** key -> actual send time */
      readonly sent: readonly (readonly [number, number])[];
      /** key -> [receipts, time of the last receipt] */
      readonly received: readonly (readonly [number, number, number])[];
      /** Connections that closed or failed during the step. */
      readonly lost: number;
      readonly cpuCores: number;
    }
  | { readonly type: 'error'; readonly message: string };
