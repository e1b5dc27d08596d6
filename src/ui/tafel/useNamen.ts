// Names of partijen and leden for badges and provenance lines, read once per change for all.

import { readLeden, readOudLeden, readPartijen, type Lid, type Partij, type TafelReadModel } from '../../model';
import { strings } from '../strings';
import { useRead } from './useRead';
import { useReadModel } from './useReadModel';

export interface Namen {
  readonly partijen: ReadonlyMap<string, Partij>;
  readonly leden: ReadonlyMap<string, Lid>;
  /** Names of leden who were removed from the tafel, by their lid id. */
  readonly oudLeden: ReadonlyMap<string, string>;
}

export const readNamen = (doc: Parameters<typeof readLeden>[0]): Namen => ({
  partijen: new Map(readPartijen(doc).map((p) => [p.id, p])),
  leden: new Map(readLeden(doc).map((l) => [l.id, l])),
  oudLeden: readOudLeden(doc),
});

function sameNamen(a: Namen, b: Namen): boolean {
  // oudLeden entries are frozen: only their number can change.
  if (a.partijen.size !== b.partijen.size || a.leden.size !== b.leden.size || a.oudLeden.size !== b.oudLeden.size) return false;
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

/**
 * Who a lid id stands for in provenance and reactions: a lid's name; a removed lid's kept name
 * ("oud-lid Bert"); "onbekend lid" when not even that is known (removed before names were kept).
 */
export function lidNaam(namen: Namen, lidId: string): string {
  const lid = namen.leden.get(lidId);
  if (lid) return lid.naam;
  const oud = namen.oudLeden.get(lidId);
  return oud === undefined ? strings.provenance.onbekendLid : strings.provenance.oudLid(oud);
}

const uitLeesmodel = new WeakMap<TafelReadModel, Namen>();

/** The names a read model holds, as one object per read model. */
function namenVan(model: TafelReadModel): Namen {
  let namen = uitLeesmodel.get(model);
  if (!namen) {
    namen = {
      partijen: new Map(model.namen.partijen.map((p) => [p.id, p])),
      leden: new Map(model.namen.leden.map((l) => [l.id, l])),
      oudLeden: new Map(model.namen.oudLeden),
    };
    uitLeesmodel.set(model, namen);
  }
  return namen;
}

/** Partijen and leden by id (from the read model while the tafel opens); stays the same object while no name, role or partij changed. */
export function useNamen(): Namen {
  const live = useRead(readNamen, undefined, sameNamen);
  const model = useReadModel();
  return model ? namenVan(model) : live;
}
