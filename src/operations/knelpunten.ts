// Operations on knelpunten and their comments (reacties).

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { envelopeAt } from '../model/doc';
import { statusBijEscalatie } from '../model/escalatieStatus';
import { newId } from '../model/ids';
import { REACTIE_PREFIX } from '../model/schema';
import type { Escalatieniveau, KnelpuntStatus, Thema } from '../model/vocabulary';
import { createEntity, deleteEntity, deleteFields, setFields } from './core';

export interface NewKnelpunt {
  readonly titel: string;
  readonly thema: Thema;
  readonly beschrijving?: string;
  readonly projecten?: readonly string[];
}

/** Any partij raises a knelpunt in its own name; it starts as gesignaleerd at the tafel. */
export function raiseKnelpunt(doc: Y.Doc, actor: Actor, k: NewKnelpunt): string {
  return createEntity(doc, actor, 'knelpunten', {
    ingediendDoor: actor.partijId,
    titel: k.titel,
    thema: k.thema,
    beschrijving: k.beschrijving ?? '',
    projecten: [...(k.projecten ?? [])],
    status: 'gesignaleerd',
  });
}

export type KnelpuntInhoud = Partial<{ titel: string; beschrijving: string; thema: Thema; projecten: string[] }>;

export function editKnelpunt(doc: Y.Doc, actor: Actor, knelpuntId: string, changes: KnelpuntInhoud): void {
  setFields(doc, actor, 'knelpunten', knelpuntId, changes);
}

export function setKnelpuntStatus(doc: Y.Doc, actor: Actor, knelpuntId: string, status: KnelpuntStatus): void {
  setFields(doc, actor, 'knelpunten', knelpuntId, { status });
}

/**
 * The chair moves a knelpunt up (or down) the escalation ladder; its status follows in the same
 * write (see statusBijEscalatie). The chair may write both fields, so one of them never lands alone.
 */
export function escalateKnelpunt(doc: Y.Doc, actor: Actor, knelpuntId: string, niveau: Escalatieniveau): void {
  const huidig = envelopeAt(doc, 'knelpunten', knelpuntId, 'status')?.v as KnelpuntStatus | undefined;
  const status = huidig === undefined ? null : statusBijEscalatie(huidig, niveau);
  setFields(doc, actor, 'knelpunten', knelpuntId, status ? { escalatie: niveau, status } : { escalatie: niveau });
}

export function addReactie(doc: Y.Doc, actor: Actor, knelpuntId: string, tekst: string): string {
  const id = newId();
  setFields(doc, actor, 'knelpunten', knelpuntId, { [`${REACTIE_PREFIX}${id}`]: { tekst } });
  return id;
}

export function editReactie(doc: Y.Doc, actor: Actor, knelpuntId: string, reactieId: string, tekst: string): void {
  setFields(doc, actor, 'knelpunten', knelpuntId, { [`${REACTIE_PREFIX}${reactieId}`]: { tekst } });
}

export function removeReactie(doc: Y.Doc, actor: Actor, knelpuntId: string, reactieId: string): void {
  deleteFields(doc, actor, 'knelpunten', knelpuntId, [`${REACTIE_PREFIX}${reactieId}`]);
}

/** The chair removes a knelpunt that should never have been one (usually "vervallen" is better). */
export function removeKnelpunt(doc: Y.Doc, actor: Actor, knelpuntId: string): void {
  deleteEntity(doc, actor, 'knelpunten', knelpuntId);
}
