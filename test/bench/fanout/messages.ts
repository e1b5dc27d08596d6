// Messages between the fan-out coordinator and its client processes (over Node's IPC channel).

import type { BenchTaak } from '../fixtures/tafel';
import type { Contestant, Endpoint } from './contestants';

export interface ClientSpec {
  /** Global client index, 0..C-1. */
  readonly index: number;
  readonly taak: BenchTaak;
  readonly token?: string;
}

export type ToClients =
  | {
      readonly type: 'setup';
      readonly contestant: Contestant;
      readonly endpoint: Endpoint;
      /** The tafel as every client already holds it offline (IndexedDB in the app). */
      readonly seed: Uint8Array;
      readonly clients: readonly ClientSpec[];
      readonly editsPerSecond: number;
      readonly typingPerSecond: number;
    }
  /** Start editing at t0 (ms on the shared monotonic clock) for durationMs. */
  | { readonly type: 'go'; readonly t0: number; readonly durationMs: number }
  | { readonly type: 'report' }
  | { readonly type: 'close' };

export type FromClients =
  | { readonly type: 'synced' }
  /** cpuCores: this client process's CPU use while sending (1 = one core busy). */
  | { readonly type: 'sent'; readonly cpuCores: number }
  | {
      readonly type: 'report';
      /** Flat [clientIndex, yjsClientId, clockAfterEdit, sentAt] per edit. */
      readonly sends: Float64Array;
      /** Per client index: flat [yjsClientId, clock, receivedAt] per integrated remote update. */
      readonly receives: ReadonlyArray<readonly [number, Float64Array]>;
      /** Rejections the server sent these clients. */
      readonly rejected: number;
    }
  | { readonly type: 'error'; readonly message: string };

/** Milliseconds on CLOCK_MONOTONIC, which all processes on this machine share. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
