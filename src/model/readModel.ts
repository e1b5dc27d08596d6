// The read model: a small, plain copy of what the first screens show (the planmonitor's rows, the
// tafel home, names for the badges, the navigation), kept next to the local copy so an open can
// render at once, before the whole document is in memory. It is stamped with the state vector of
// the document it was built from, and its delete set (a state vector does not see deletions: a
// project removed in another tab adds no clock); it may be shown only for a local copy with
// exactly that state (src/sync/read-model-store.ts checks it), so it never shows rows the
// document does not hold.
// How opening works: docs/sync.md, "Opening a tafel".

import * as Y from 'yjs';
import { actorForLid, type Actor } from './actor';
import { readKnelpuntenCached, readProjectenCached, warmEntities } from './cachedReads';
import { readHomeOverzicht, type HomeOverzicht } from './homeOverzicht';
import { readNetwerkPlek } from './netwerkReads';
import { buildRijen, type ProjectRij } from './planmonitorRijen';
import { readLeden, readOudLeden, readPartijen, readTafel, type Lid, type Partij } from './reads';

/** The shape's version: a read model of another version (an older app wrote it) is not used. */
export const READ_MODEL_VERSIE = 1;

export interface TafelReadModel {
  readonly versie: typeof READ_MODEL_VERSIE;
  /** State vector (Yjs encoding) of the document this was built from: its stamp. */
  readonly stateVector: Uint8Array;
  /** The document's delete set, as an update without structs: the other half of the stamp. */
  readonly deleteSet: Uint8Array;
  /** The lid it was built for (who "ik" is, what the navigation offers). */
  readonly lidId: string;
  readonly naam: string;
  readonly landelijk: boolean;
  /** This lid as the leden list said; for the navigation and the home's greeting only, never for edits. */
  readonly ik: { readonly actor: Actor; readonly naam: string } | null;
  /** Whether the planmonitor offered this lid "Nieuw project" (shown, disabled, until the document is live). */
  readonly magProjectMaken: boolean;
  readonly namen: {
    readonly partijen: readonly Partij[];
    readonly leden: readonly Lid[];
    readonly oudLeden: readonly (readonly [string, string])[];
  };
  /** The planmonitor's rows, in document order (the grid sorts and filters them as it does live rows). */
  readonly planmonitor: readonly ProjectRij[];
  readonly home: HomeOverzicht;
}

/** What the caller knows about the lid that the document alone does not say (the rulebook's answer). */
export interface ReadModelLid {
  readonly lidId: string;
  readonly magProjectMaken: boolean;
}

export function buildReadModel(doc: Y.Doc, lid: ReadModelLid): TafelReadModel {
  const actor = actorForLid(doc, lid.lidId) ?? null;
  const leden = readLeden(doc);
  return {
    versie: READ_MODEL_VERSIE,
    stateVector: Y.encodeStateVector(doc),
    // Everything the state vector already has, so only the delete set is written.
    deleteSet: Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)),
    lidId: lid.lidId,
    naam: readTafel(doc).naam,
    landelijk: readNetwerkPlek(doc).soort === 'landelijk',
    ik: actor ? { actor, naam: leden.find((l) => l.id === actor.lidId)?.naam ?? '' } : null,
    magProjectMaken: lid.magProjectMaken,
    namen: { partijen: readPartijen(doc), leden, oudLeden: [...readOudLeden(doc)] },
    planmonitor: buildRijen(readProjectenCached(doc), readKnelpuntenCached(doc)),
    home: readHomeOverzicht(doc),
  };
}

/**
 * The reads of the full document the first screens make (the planmonitor's rows above all), all
 * cached by the model, done a part at a time: it yields between parts, and an open runs it in
 * short stretches before it shows the document, so switching from the read model to live data is
 * not one long task.
 */
export function* warmFirstScreens(doc: Y.Doc): Generator<void> {
  yield* warmEntities(doc, 'projecten');
  yield* warmEntities(doc, 'knelpunten');
  const projecten = readProjectenCached(doc);
  yield;
  // Each project's row part is cached by buildRijen; the knelpunt counts are added on every read.
  for (let i = 0; i < projecten.length; i += 100) {
    buildRijen(projecten.slice(i, i + 100), []);
    yield;
  }
  readKnelpuntenCached(doc);
}

/** Is `value` a read model this app can show (right version, right lid)? Stored data is never trusted blindly. */
export function isUsableReadModel(value: unknown, lidId: string): value is TafelReadModel {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<TafelReadModel>;
  return m.versie === READ_MODEL_VERSIE && m.lidId === lidId && m.stateVector instanceof Uint8Array && m.deleteSet instanceof Uint8Array && Array.isArray(m.planmonitor) && typeof m.home === 'object';
}

/** Two state vectors (Yjs encoding) name the same state: every client at the same clock. */
export function sameStateVector(a: Uint8Array, b: Uint8Array): boolean {
  return covers(a, b) && covers(b, a);
}

/** Does state vector `a` include everything state vector `b` names? */
export function covers(a: Uint8Array, b: Uint8Array): boolean {
  const big = Y.decodeStateVector(a);
  for (const [client, clock] of Y.decodeStateVector(b)) if (clock > (big.get(client) ?? 0)) return false;
  return true;
}

/** The union of state vectors: per client the highest clock. */
export function mergeStateVectors(vectors: readonly Uint8Array[]): Uint8Array {
  const out = new Map<number, number>();
  for (const v of vectors) for (const [client, clock] of Y.decodeStateVector(v)) if (clock > (out.get(client) ?? 0)) out.set(client, clock);
  return encodeStateVectorMap(out);
}

function encodeStateVectorMap(sv: ReadonlyMap<number, number>): Uint8Array {
  // Y.encodeStateVector takes a doc or a Map; with a Map it writes exactly these entries.
  return Y.encodeStateVector(new Map([...sv].filter(([, clock]) => clock > 0)));
}

/** Deleted ranges per client, sorted and merged: [start, end) clocks. */
export type DeletedRanges = ReadonlyMap<number, readonly (readonly [number, number])[]>;

/** The union of the delete sets of `updates` (Yjs v1 updates). */
export function deletedRanges(updates: readonly Uint8Array[]): DeletedRanges {
  const raw = new Map<number, [number, number][]>();
  for (const u of updates) {
    for (const [client, items] of Y.decodeUpdate(u).ds.clients) {
      const list = raw.get(client) ?? [];
      for (const item of items) list.push([item.clock, item.clock + item.len]);
      raw.set(client, list);
    }
  }
  return normalise(raw);
}

export function unionOfRanges(sets: readonly DeletedRanges[]): DeletedRanges {
  const raw = new Map<number, [number, number][]>();
  for (const set of sets) for (const [client, list] of set) raw.set(client, [...(raw.get(client) ?? []), ...list.map(([a, b]) => [a, b] as [number, number])]);
  return normalise(raw);
}

function normalise(raw: Map<number, [number, number][]>): DeletedRanges {
  const out = new Map<number, [number, number][]>();
  for (const [client, list] of raw) {
    const merged: [number, number][] = [];
    for (const [a, b] of [...list].sort((x, y) => x[0] - y[0])) {
      const last = merged[merged.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    if (merged.length) out.set(client, merged);
  }
  return out;
}

/** Is every range of `b` inside the ranges of `a`? */
export function rangesCover(a: DeletedRanges, b: DeletedRanges): boolean {
  for (const [client, list] of b) {
    const big = a.get(client) ?? [];
    for (const [start, end] of list) if (!big.some(([s, e]) => s <= start && end <= e)) return false;
  }
  return true;
}

/** Per client the clock after the last struct in `update` (where it reaches; not where it starts). */
export function reachOf(update: Uint8Array): Uint8Array {
  const to = new Map<number, number>();
  for (const s of Y.decodeUpdate(update).structs) to.set(s.id.client, Math.max(to.get(s.id.client) ?? 0, s.id.clock + s.length));
  return encodeStateVectorMap(to);
}
