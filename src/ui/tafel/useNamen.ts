// Names of partijen and leden for badges and provenance lines, read once per change for all.

import { readLeden, readPartijen, type Lid, type Partij } from '../../model';
import { useRead } from './useRead';

export interface Namen {
  readonly partijen: ReadonlyMap<string, Partij>;
  readonly leden: ReadonlyMap<string, Lid>;
}

const readNamen = (doc: Parameters<typeof readLeden>[0]): Namen => ({
  partijen: new Map(readPartijen(doc).map((p) => [p.id, p])),
  leden: new Map(readLeden(doc).map((l) => [l.id, l])),
});

function sameNamen(a: Namen, b: Namen): boolean {
  if (a.partijen.size !== b.partijen.size || a.leden.size !== b.leden.size) return false;
  for (const [id, p] of a.partijen) {
    const q = b.partijen.get(id);
    if (!q || q.naam !== p.naam || q.bloedgroep !== p.bloedgroep) return false;
  }
  for (const [id, l] of a.leden) {
    const m = b.leden.get(id);
    if (!m || m.naam !== l.naam || m.partijId !== l.partijId || m.rol !== l.rol || m.functie !== l.functie) return false;
  }
  return true;
}

/** Partijen and leden by id; stays the same object while no name, role or partij changed. */
export function useNamen(): Namen {
  return useRead(readNamen, undefined, sameNamen);
}
