// Operations on escalations (docs/network.md). At the sending tafel the chair escalates a knelpunt
// with a request, keeps by hand the status of rungs outside the app, and closes the loop; every
// lid may add to the thread. At the landelijke tafel the leden set the status, co-edit the answer
// (a rich text, edited through the editor), comment, and the chair puts an escalation on the agenda
// or records an afspraak about it. What crosses between tafels is written by the relay only.

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { NotFoundError, ValidationError } from './errors';
import { newId } from '../model/ids';
import { problem } from '../model/values';
import { readKnelpunt } from '../model/reads';
import { REACTIE_PREFIX, type RootName } from '../model/schema';
import type { EscalatieDoel, EscalatieStatus, Landsdeel } from '../model/netwerk';
import { createEntity, deleteFields, LOCAL_ORIGIN, setFields } from './core';
import { escalateKnelpunt } from './knelpunten';

export interface NieuweEscalatie {
  readonly knelpuntId: string;
  readonly niveau: EscalatieDoel;
  /** What is asked of the other tafel. */
  readonly gevraagd: string;
  /** Why this tafel cannot solve it itself. */
  readonly waarom: string;
  /** What else is shared (context, what was tried). */
  readonly gedeeld?: string;
  /** Linked projects whose public part goes along. */
  readonly projecten?: readonly string[];
}

/**
 * The chair escalates: the request is recorded and the knelpunt moves up the ladder, in one change
 * (the relay sees both together, and sends the request on when it accepts them).
 */
export function escaleer(doc: Y.Doc, actor: Actor, e: NieuweEscalatie): string {
  const k = readKnelpunt(doc, e.knelpuntId);
  if (!k) throw new NotFoundError(['knelpunten', e.knelpuntId]);
  const projecten = [...(e.projecten ?? [])];
  for (const p of projecten) if (!k.projecten.includes(p)) throw new ValidationError(problem('not-allowed', 'only projects linked to the knelpunt are shared'), ['escalaties', 'projecten']);
  let id = '';
  doc.transact(() => {
    id = createEntity(doc, actor, 'escalaties', {
      knelpuntId: e.knelpuntId,
      niveau: e.niveau,
      gevraagd: e.gevraagd.trim(),
      waarom: e.waarom.trim(),
      gedeeld: (e.gedeeld ?? '').trim(),
      projecten,
    });
    escalateKnelpunt(doc, actor, e.knelpuntId, e.niveau);
  }, LOCAL_ORIGIN);
  return id;
}

/** For the bestuurlijke woondealtafel and the Expertteam (not in the app): status kept by hand. */
export function setHandmatigeStatus(doc: Y.Doc, actor: Actor, escalatieId: string, status: EscalatieStatus): void {
  setFields(doc, actor, 'escalaties', escalatieId, { handmatigeStatus: status });
}

/** The chair closes the loop: solved or not, with a line why. */
export function sluitEscalatie(doc: Y.Doc, actor: Actor, escalatieId: string, opgelost: boolean, toelichting: string): void {
  setFields(doc, actor, 'escalaties', escalatieId, { afsluiting: { opgelost, toelichting: toelichting.trim() } });
}

/** A comment in the thread of an escalation, on either side ("escalaties" or "ontvangenEscalaties"). */
export function reageerOpEscalatie(doc: Y.Doc, actor: Actor, rootName: 'escalaties' | 'ontvangenEscalaties', id: string, tekst: string): string {
  const reactieId = newId();
  setFields(doc, actor, rootName, id, { [`${REACTIE_PREFIX}${reactieId}`]: { tekst: tekst.trim() } });
  return reactieId;
}

export function verwijderEscalatieReactie(doc: Y.Doc, actor: Actor, rootName: 'escalaties' | 'ontvangenEscalaties', id: string, reactieId: string): void {
  deleteFields(doc, actor, rootName as RootName, id, [`${REACTIE_PREFIX}${reactieId}`]);
}

/** At the landelijke tafel: the status of a received escalation; it travels back with the answer. */
export function setOntvangenStatus(doc: Y.Doc, actor: Actor, id: string, status: EscalatieStatus): void {
  setFields(doc, actor, 'ontvangenEscalaties', id, { status });
}

/** Puts a received escalation on a meeting's agenda (any writing lid proposes, as for knelpunten). */
export function escalatieOpAgenda(doc: Y.Doc, actor: Actor, vergaderingId: string, escalatieId: string, titel: string): string {
  return createEntity(doc, actor, 'agendapunten', {
    vergaderingId,
    voorgesteldDoor: actor.partijId,
    titel,
    knelpunten: [],
    projecten: [],
    escalaties: [escalatieId],
  });
}

/** The chair records an afspraak about a received escalation. */
export function afspraakBijEscalatie(
  doc: Y.Doc,
  actor: Actor,
  a: { readonly wat: string; readonly partijId: string; readonly deadline?: string | null; readonly escalatieId: string },
): string {
  return createEntity(doc, actor, 'afspraken', {
    wat: a.wat,
    partijId: a.partijId,
    deadline: a.deadline ?? null,
    vergaderingId: null,
    knelpuntId: null,
    escalatieId: a.escalatieId,
    status: 'open',
    voortgang: '',
  });
}

/** The chair of the landelijke tafel names the landsdeel a lid is the contact for. */
export function setLidLandsdeel(doc: Y.Doc, actor: Actor, lidId: string, landsdeel: Landsdeel | null): void {
  setFields(doc, actor, 'leden', lidId, { landsdeel });
}

/** The chair of the landelijke tafel sets N: a theme escalated from N regions is a national rode draad. */
export function setLandelijkeRodeDraadDrempel(doc: Y.Doc, actor: Actor, n: number): void {
  setFields(doc, actor, 'tafel', null, { landelijkeRodeDraadDrempel: n });
}
