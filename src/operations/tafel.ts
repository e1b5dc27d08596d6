// Operations of the chair on the tafel itself: settings, partijen, leden, peildata; and the
// creation of a new tafel document, which the relay does (with system provenance) for the operator.

import * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { newId } from '../model/ids';
import { readLid, readProjecten, totaalWoningen } from '../model/reads';
import { SCHEMA_VERSION, SYSTEM_AUTHOR, type Envelope } from '../model/schema';
import { DEFAULT_REALISATIEKANSEN, DEFAULT_RODE_DRAAD_DREMPEL, type Bloedgroep, type Planstatus, type Rol } from '../model/vocabulary';
import { addFrozen, addFrozenWithId, createEntity, deleteEntity, LOCAL_ORIGIN, setFields } from './core';
import { root } from '../model/doc';

export type TafelWijziging = Partial<{
  naam: string;
  regio: string;
  woondealDoelen: Record<string, number>;
  realisatiekansen: Record<Planstatus, number>;
  rodeDraadDrempel: number;
}>;

export function editTafel(doc: Y.Doc, actor: Actor, changes: TafelWijziging): void {
  setFields(doc, actor, 'tafel', null, changes);
}

export function addPartij(doc: Y.Doc, actor: Actor, p: { naam: string; bloedgroep: Bloedgroep }): string {
  return createEntity(doc, actor, 'partijen', { naam: p.naam, bloedgroep: p.bloedgroep });
}

export function editPartij(doc: Y.Doc, actor: Actor, partijId: string, changes: Partial<{ naam: string; bloedgroep: Bloedgroep }>): void {
  setFields(doc, actor, 'partijen', partijId, changes);
}

export function addLid(doc: Y.Doc, actor: Actor, l: { naam: string; partijId: string; rol: Rol; functie?: string }): string {
  return createEntity(doc, actor, 'leden', { naam: l.naam, partijId: l.partijId, rol: l.rol, functie: l.functie ?? '' });
}

export function editLid(
  doc: Y.Doc,
  actor: Actor,
  lidId: string,
  changes: Partial<{ naam: string; partijId: string; rol: Rol; functie: string }>,
): void {
  setFields(doc, actor, 'leden', lidId, changes);
}

/**
 * The chair removes a lid from the tafel. Their name is kept in oudLeden (one update with the
 * removal), so what they wrote keeps their name. A lid off the leden list has no access at the
 * relay any more; the chair's screen also revokes their device tokens first.
 */
export function removeLid(doc: Y.Doc, actor: Actor, lidId: string): void {
  const naam = readLid(doc, lidId)?.naam;
  doc.transact(() => {
    // The removal first: it checks that the actor may remove (and that the lid exists) before
    // anything is written.
    deleteEntity(doc, actor, 'leden', lidId);
    if (naam && !root(doc, 'oudLeden').has(lidId)) addFrozenWithId(doc, actor, 'oudLeden', lidId, { naam });
  }, LOCAL_ORIGIN);
}

/** The chair freezes the planmonitor at a peildatum; nobody changes it afterwards. */
export function freezePeildatum(doc: Y.Doc, actor: Actor, datum: string): string {
  const projecten: Record<string, unknown> = {};
  for (const p of readProjecten(doc)) {
    projecten[p.id] = {
      naam: p.naam,
      planstatus: p.planstatus,
      publiekEigenaar: p.publiekEigenaar || null,
      privaatEigenaar: p.privaatEigenaar,
      woningen: totaalWoningen(p),
      opleveringen: Object.fromEntries(Object.entries(p.opleveringen).map(([j, n]) => [String(j), n])),
    };
  }
  return addFrozen(doc, actor, 'peildata', { datum, projecten });
}

export interface NewTafel {
  readonly naam: string;
  readonly regio?: string;
  readonly voorzitter: { readonly naam: string };
  /** The independent partij of the chair, e.g. "Onafhankelijk voorzitterschap". */
  readonly voorzittersPartij?: string;
}

/**
 * Writes a new tafel's first state: settings with defaults, the chair's partij and the chair.
 * Used by the relay when the operator creates a tafel; provenance is the system, not a lid.
 */
export function initTafel(doc: Y.Doc, t: NewTafel, now: number = Date.now()): { partijId: string; lidId: string } {
  const sys = <T,>(v: T): Envelope<T> => ({ v, by: SYSTEM_AUTHOR, p: SYSTEM_AUTHOR, at: now });
  const partijId = newId();
  const lidId = newId();
  doc.transact(() => {
    const tafel = root(doc, 'tafel');
    tafel.set('schemaVersion', sys(SCHEMA_VERSION));
    tafel.set('naam', sys(t.naam));
    tafel.set('regio', sys(t.regio ?? ''));
    tafel.set('woondealDoelen', sys({}));
    tafel.set('realisatiekansen', sys({ ...DEFAULT_REALISATIEKANSEN }));
    tafel.set('rodeDraadDrempel', sys(DEFAULT_RODE_DRAAD_DREMPEL));
    const partij = new Y.Map<unknown>();
    root(doc, 'partijen').set(partijId, partij);
    partij.set('naam', sys(t.voorzittersPartij ?? 'Onafhankelijk voorzitterschap'));
    partij.set('bloedgroep', sys('onafhankelijk'));
    const lid = new Y.Map<unknown>();
    root(doc, 'leden').set(lidId, lid);
    lid.set('naam', sys(t.voorzitter.naam));
    lid.set('partijId', sys(partijId));
    lid.set('rol', sys('voorzitter'));
    lid.set('functie', sys('voorzitter'));
  }, LOCAL_ORIGIN);
  return { partijId, lidId };
}
