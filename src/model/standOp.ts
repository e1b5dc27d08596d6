// The planmonitor as it stood on a date (issue 16: "the same history lets the monitor be read as it
// was on any date"). Built from today's document and the relay's field history of a root: per
// field, the last change the relay had accepted by then, or, when it kept none before, the value
// its first later change started from; a field the relay never saw change is as it is today (it
// was written before the history was kept). An entity whose every recorded field started empty
// after the date was created after it and is left out; one deleted since is rebuilt from its
// changes (the relay records a deletion as every field going to empty). Pure: the history comes in as data, the screen reads it through src/sync.

import * as Y from 'yjs';
import { root } from './doc';
import { buildKnelpunt, buildProject, fieldsFrom, type Fields, type Knelpunt, type Project } from './reads';
import type { Envelope, RootName } from './schema';

/** One change of a field, as the relay's history keeps it (src/protocol/history.ts adds where and when it was received). */
export interface VeldWijziging {
  /** '' for the tafel settings */
  readonly entityId: string;
  readonly field: string;
  /** the value before and after (null: empty or removed) */
  readonly from: unknown;
  readonly to: unknown;
  readonly lidId: string;
  readonly partijId: string | null;
  /** the writer's clock (as in the document's provenance) */
  readonly at: number;
}

/** The relay's answer for one root and moment: each field's last change by then, and its first change after. */
export interface Stand {
  readonly tot: readonly VeldWijziging[];
  readonly na: readonly VeldWijziging[];
}

function perEntity(changes: readonly VeldWijziging[]): Map<string, Map<string, VeldWijziging>> {
  const out = new Map<string, Map<string, VeldWijziging>>();
  for (const c of changes) {
    let fields = out.get(c.entityId);
    if (!fields) out.set(c.entityId, (fields = new Map()));
    fields.set(c.field, c);
  }
  return out;
}

type PerVeld = ReadonlyMap<string, VeldWijziging>;

/**
 * The recorded fields of one entity as they stood (null: empty then), or null when it did not exist
 * yet: nothing recorded by then and every later change started from empty.
 */
function recordedOp(tot: PerVeld | undefined, na: PerVeld | undefined): Map<string, Envelope | null> | null {
  if (!tot && na && [...na.values()].every((c) => c.from === null)) return null;
  const out = new Map<string, Envelope | null>();
  // Its value then: what its first later change started from (who wrote that is not known).
  for (const [field, c] of na ?? []) out.set(field, c.from === null ? null : { v: c.from, by: '', p: '', at: 0 });
  for (const [field, c] of tot ?? []) out.set(field, c.to === null ? null : { v: c.to, by: c.lidId, p: c.partijId ?? '', at: c.at });
  return out;
}

/** One entity's recorded fields and their values on the date (the history dialog of an item); empty when it did not exist yet. */
export function veldenOp(stand: Stand, entityId: string): { field: string; waarde: unknown }[] {
  const only = (changes: readonly VeldWijziging[]) => perEntity(changes.filter((c) => c.entityId === entityId)).get(entityId);
  const velden = recordedOp(only(stand.tot), only(stand.na));
  return velden ? [...velden].map(([field, e]) => ({ field, waarde: e?.v ?? null })) : [];
}

function entitiesOp<T>(doc: Y.Doc, rootName: RootName, stand: Stand, build: (id: string, f: Fields) => T): T[] {
  const tot = perEntity(stand.tot);
  const na = perEntity(stand.na);
  const today = root(doc, rootName);
  const ids = new Set<string>([...today.keys(), ...tot.keys()]);
  const out: T[] = [];
  for (const id of ids) {
    const recorded = recordedOp(tot.get(id), na.get(id));
    if (!recorded) continue;
    const map = today.get(id);
    const envelopes = new Map<string, unknown>(map instanceof Y.Map ? map.entries() : []);
    for (const [field, e] of recorded) {
      if (e === null) envelopes.delete(field);
      else envelopes.set(field, e);
    }
    const fields = fieldsFrom(rootName, envelopes);
    // Nothing left: deleted by then (its fields went to empty), or never written.
    if (fields.keys.length > 0) out.push(Object.freeze(build(id, fields)));
  }
  return out;
}

export const readProjectenOp = (doc: Y.Doc, stand: Stand): Project[] => entitiesOp(doc, 'projecten', stand, buildProject);
export const readKnelpuntenOp = (doc: Y.Doc, stand: Stand): Knelpunt[] => entitiesOp(doc, 'knelpunten', stand, buildKnelpunt);
