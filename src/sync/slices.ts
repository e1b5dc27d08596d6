// Cuts one Yjs update into a series of smaller updates that, applied one after the other, give
// the same document, each self-contained given the ones before it (no struct waits for a later
// one, so Yjs never parks anything as pending). The local copy is stored this way
// (src/sync/read-model-store.ts), so an open can apply it in slices, each short enough to leave
// the page responsive between them, instead of one long task for the whole tafel.
//
// Format: Yjs update encoding v1 (the one y-indexeddb and the relay use): per slice a list of
// client runs (each client once, contiguous clocks), then the delete set, which only the last
// slice carries (deletions apply to what the slices before it inserted).

import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export interface SlicedUpdate {
  readonly slices: Uint8Array[];
  /**
   * false when some structs could not be placed: they depend on structs the update does not hold
   * (a gap, or an origin that is missing). Those are left out, as Yjs would keep them pending.
   */
  readonly complete: boolean;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** The IDs a struct needs integrated before it can be (Yjs's own `getMissing` rule). */
function dependencies(s: Struct): Y.ID[] {
  if (!(s instanceof Y.Item)) return [];
  const out: Y.ID[] = [];
  if (s.origin) out.push(s.origin);
  if (s.rightOrigin) out.push(s.rightOrigin);
  if (s.parent instanceof Y.ID) out.push(s.parent);
  return out;
}

/**
 * Slices of about `maxBytes` each (a single struct larger than that gets a slice of its own).
 * The slices hold the same structs and deletions as `update`, which is a whole document's state
 * (every client from clock 0, as a local copy's records merged).
 */
export function sliceUpdate(update: Uint8Array, maxBytes: number): SlicedUpdate {
  const { structs, ds } = Y.decodeUpdate(update);
  const perClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = perClient.get(s.id.client);
    if (list) list.push(s);
    else perClient.set(s.id.client, [s]);
  }
  // Integrated so far (in earlier slices or the current one): per client, the next clock.
  const have = new Map<number, number>();
  const next = new Map<number, number>([...perClient.keys()].map((c) => [c, 0]));
  const perSlice = Math.max(1, Math.floor((structs.length * maxBytes) / Math.max(1, update.length)));
  const slices: Uint8Array[] = [];
  let current = new Map<number, { start: number; end: number }>();
  let inCurrent = 0;
  const close = (last: boolean) => {
    slices.push(encodeSlice(current, perClient, last ? ds : null));
    current = new Map();
    inCurrent = 0;
  };
  // Ready: right after what this client already has (no gap: a slice series starts from an empty
  // document), and everything it refers to is in place.
  const ready = (s: Struct) =>
    !(s instanceof Y.Skip) && s.id.clock === (have.get(s.id.client) ?? 0) && dependencies(s).every((id) => (have.get(id.client) ?? 0) > id.clock);

  let progress = true;
  while (progress) {
    progress = false;
    for (const [client, list] of perClient) {
      let i = next.get(client)!;
      while (i < list.length && ready(list[i]!)) {
        const s = list[i]!;
        const run = current.get(client);
        if (run) run.end = i + 1;
        else current.set(client, { start: i, end: i + 1 });
        have.set(client, s.id.clock + s.length);
        i++;
        progress = true;
        if (++inCurrent >= perSlice) {
          next.set(client, i);
          close(false);
        }
      }
      next.set(client, i);
    }
  }
  const complete = [...perClient].every(([client, list]) => next.get(client) === list.length);
  close(true);
  return { slices, complete };
}

function encodeSlice(runs: ReadonlyMap<number, { start: number; end: number }>, perClient: ReadonlyMap<number, Struct[]>, ds: ReturnType<typeof Y.decodeUpdate>['ds'] | null): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.size);
  for (const [client, { start, end }] of runs) {
    const list = perClient.get(client)!;
    encoding.writeVarUint(encoder.restEncoder, end - start);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[start]!.id.clock);
    for (let i = start; i < end; i++) list[i]!.write(encoder, 0);
  }
  // The delete set, as Yjs writes it (writeDeleteSet is not exported); empty in all but the last slice.
  const clients = ds ? [...ds.clients].sort((a, b) => b[0] - a[0]) : [];
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const [client, items] of clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
  return encoder.toUint8Array();
}
