// Operations on meetings, their agenda and the afspraken made there.

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import type { AfspraakStatus, Vergaderstatus } from '../model/vocabulary';
import { createEntity, deleteEntity, setFields } from './core';

export interface NewVergadering {
  readonly titel: string;
  readonly datum: string;
  readonly locatie?: string;
}

/** The chair plans a meeting; it comes with empty shared notes (notulen). */
export function planVergadering(doc: Y.Doc, actor: Actor, m: NewVergadering): string {
  return createEntity(doc, actor, 'vergaderingen', {
    titel: m.titel,
    datum: m.datum,
    locatie: m.locatie ?? '',
    status: 'gepland',
    agendaVolgorde: [],
    agendaVastgesteld: false,
  });
}

export type VergaderingWijziging = Partial<{ titel: string; datum: string; locatie: string; status: Vergaderstatus }>;

export function editVergadering(doc: Y.Doc, actor: Actor, vergaderingId: string, changes: VergaderingWijziging): void {
  setFields(doc, actor, 'vergaderingen', vergaderingId, changes);
}

/** The chair orders the agenda and, with vastgesteld, fixes it. */
export function ordenAgenda(doc: Y.Doc, actor: Actor, vergaderingId: string, volgorde: readonly string[], vastgesteld?: boolean): void {
  setFields(doc, actor, 'vergaderingen', vergaderingId, {
    agendaVolgorde: [...volgorde],
    ...(vastgesteld === undefined ? {} : { agendaVastgesteld: vastgesteld }),
  });
}

export interface NewAgendapunt {
  readonly vergaderingId: string;
  readonly titel: string;
  readonly knelpunten?: readonly string[];
  readonly projecten?: readonly string[];
}

/** Any partij proposes an agenda item; it comes with a shared rich-text toelichting. */
export function proposeAgendapunt(doc: Y.Doc, actor: Actor, a: NewAgendapunt): string {
  return createEntity(doc, actor, 'agendapunten', {
    vergaderingId: a.vergaderingId,
    voorgesteldDoor: actor.partijId,
    titel: a.titel,
    knelpunten: [...(a.knelpunten ?? [])],
    projecten: [...(a.projecten ?? [])],
  });
}

export type AgendapuntWijziging = Partial<{ titel: string; knelpunten: string[]; projecten: string[] }>;

export function editAgendapunt(doc: Y.Doc, actor: Actor, agendapuntId: string, changes: AgendapuntWijziging): void {
  setFields(doc, actor, 'agendapunten', agendapuntId, changes);
}

export function removeAgendapunt(doc: Y.Doc, actor: Actor, agendapuntId: string): void {
  deleteEntity(doc, actor, 'agendapunten', agendapuntId);
}

export interface NewAfspraak {
  readonly wat: string;
  readonly partijId: string;
  readonly deadline?: string | null;
  readonly vergaderingId?: string | null;
  readonly knelpuntId?: string | null;
}

/** The chair records an afspraak: what, which partij, by when. */
export function recordAfspraak(doc: Y.Doc, actor: Actor, a: NewAfspraak): string {
  return createEntity(doc, actor, 'afspraken', {
    wat: a.wat,
    partijId: a.partijId,
    deadline: a.deadline ?? null,
    vergaderingId: a.vergaderingId ?? null,
    knelpuntId: a.knelpuntId ?? null,
    status: 'open',
    voortgang: '',
  });
}

/** The assigned partij (or the chair) reports status and progress. */
export function updateAfspraak(doc: Y.Doc, actor: Actor, afspraakId: string, changes: Partial<{ status: AfspraakStatus; voortgang: string }>): void {
  setFields(doc, actor, 'afspraken', afspraakId, changes);
}

export type AfspraakWijziging = Partial<{ wat: string; partijId: string; deadline: string | null }>;

export function editAfspraak(doc: Y.Doc, actor: Actor, afspraakId: string, changes: AfspraakWijziging): void {
  setFields(doc, actor, 'afspraken', afspraakId, changes);
}

/** The chair removes an afspraak recorded by mistake. */
export function removeAfspraak(doc: Y.Doc, actor: Actor, afspraakId: string): void {
  deleteEntity(doc, actor, 'afspraken', afspraakId);
}
