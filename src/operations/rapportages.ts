// The rapportage's lifecycle: the chair starts one for a half year at a peildatum (its figures
// are generated and frozen then), names the kernteam that co-writes it with the chair, and sets it
// vastgesteld, after which the rulebook refuses every change to it, at the relay too.

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { genereerCijfers } from '../model/rapportage';
import type { Koersoordeel } from '../model/vocabulary';
import { newId } from '../model/ids';
import { createEntity, setFields } from './core';
import { vandaag } from './peildata';

export function startRapportage(doc: Y.Doc, actor: Actor, bron: { periode: string; peildatumId: string; kernteam?: readonly string[] }): string {
  const cijfers = genereerCijfers(doc, bron);
  return createEntity(doc, actor, 'rapportages', {
    periode: bron.periode,
    peildatumId: bron.peildatumId,
    cijfers: JSON.parse(JSON.stringify(cijfers)) as unknown,
    status: 'concept',
    vastgesteldOp: null,
    kernteam: [...(bron.kernteam ?? [])],
    koersoordeel: null,
  });
}

export function setKernteam(doc: Y.Doc, actor: Actor, rapportageId: string, kernteam: readonly string[]): void {
  setFields(doc, actor, 'rapportages', rapportageId, { kernteam: [...kernteam] });
}

export function setKoersoordeel(doc: Y.Doc, actor: Actor, rapportageId: string, koersoordeel: Koersoordeel | null): void {
  setFields(doc, actor, 'rapportages', rapportageId, { koersoordeel });
}

/** Any writing lid comments on a concept rapportage. Returns the comment's id. */
export function reageerOpRapportage(doc: Y.Doc, actor: Actor, rapportageId: string, tekst: string): string {
  const id = newId();
  setFields(doc, actor, 'rapportages', rapportageId, { [`reactie.${id}`]: { tekst } });
  return id;
}

/** The chair sets the rapportage vastgesteld: from then on it never changes. */
export function stelRapportageVast(doc: Y.Doc, actor: Actor, rapportageId: string, now: Date = new Date()): void {
  setFields(doc, actor, 'rapportages', rapportageId, { status: 'vastgesteld', vastgesteldOp: vandaag(now) });
}
