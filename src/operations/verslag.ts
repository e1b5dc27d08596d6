// Operations on the meeting's own record: times, attendance, besluiten, and closing the meeting,
// which numbers its besluiten.
//
// Numbering: a besluit gets its number ("2026-014") when the chair closes the meeting, not when
// it is recorded, so leden recording besluiten on several tablets at once (offline too) never
// compete for numbers. The number is the key of an entry in the frozen root besluitnummers, so a
// number can exist only once: if two chairs close two meetings offline at the same time and pick
// the same numbers, the relay accepts the first closure and refuses the second, whose besluiten
// stay unnumbered on that tablet until the chair closes again (and gets the next free numbers).

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { root } from '../model/doc';
import { ValidationError } from './errors';
import { problem } from '../model/values';
import { readVergadering } from '../model/reads';
import { AANWEZIGHEID_PREFIX, BESLUITNUMMER_PATTERN } from '../model/schema';
import { readBesluitenlijst } from '../model/verslag';
import type { Aanwezigheid, VorigeNotulen } from '../model/vocabulary';
import { addFrozenWithId, createEntity, deleteEntity, LOCAL_ORIGIN, setFields } from './core';

/** Start and end time ("HH:MM", or null to clear). */
export function setVergaderTijden(doc: Y.Doc, actor: Actor, vergaderingId: string, tijden: Partial<{ startTijd: string | null; eindTijd: string | null }>): void {
  setFields(doc, actor, 'vergaderingen', vergaderingId, tijden);
}

/** The chair records a lid as aanwezig or afgemeld (null: clears it). */
export function setAanwezigheid(doc: Y.Doc, actor: Actor, vergaderingId: string, lidId: string, status: Aanwezigheid | null): void {
  setFields(doc, actor, 'vergaderingen', vergaderingId, { [`${AANWEZIGHEID_PREFIX}${lidId}`]: status });
}

/** The chair records what the meeting did with the previous meeting's notulen (null: clears it). */
export function setVorigeNotulen(doc: Y.Doc, actor: Actor, vergaderingId: string, uitkomst: VorigeNotulen | null): void {
  setFields(doc, actor, 'vergaderingen', vergaderingId, { vorigeNotulen: uitkomst });
}

export interface NewBesluit {
  readonly vergaderingId: string;
  readonly agendapuntId?: string | null;
  readonly tekst: string;
}

export function recordBesluit(doc: Y.Doc, actor: Actor, b: NewBesluit): string {
  return createEntity(doc, actor, 'besluiten', { vergaderingId: b.vergaderingId, agendapuntId: b.agendapuntId ?? null, tekst: b.tekst });
}

export function editBesluit(doc: Y.Doc, actor: Actor, besluitId: string, changes: Partial<{ tekst: string; agendapuntId: string | null }>): void {
  setFields(doc, actor, 'besluiten', besluitId, changes);
}

/** Removes a besluit recorded by mistake; a numbered besluit keeps its number (it is in the record). */
export function removeBesluit(doc: Y.Doc, actor: Actor, besluitId: string): void {
  if (root(doc, 'besluitnummers').size > 0) {
    for (const stored of root(doc, 'besluitnummers').values()) {
      if ((stored as { v?: { besluitId?: unknown } } | null)?.v?.besluitId === besluitId) {
        throw new ValidationError(problem('not-allowed', 'a numbered besluit stays in the besluitenlijst'), ['besluiten', besluitId]);
      }
    }
  }
  deleteEntity(doc, actor, 'besluiten', besluitId);
}

/** The highest number used so far in `jaar` (0 when none). */
function hoogsteNummer(doc: Y.Doc, jaar: number): number {
  let max = 0;
  for (const key of root(doc, 'besluitnummers').keys()) {
    const m = BESLUITNUMMER_PATTERN.exec(key);
    if (m && Number(m[1]) === jaar) max = Math.max(max, Number(m[2]));
  }
  return max;
}

export function formatBesluitnummer(jaar: number, volgnummer: number): string {
  return `${jaar}-${String(volgnummer).padStart(3, '0')}`;
}

/**
 * The chair closes the meeting: status gehouden, the end time if given, and every unnumbered
 * besluit gets the next number of the meeting's year, in agenda order. Returns the numbers given.
 */
export function sluitVergadering(doc: Y.Doc, actor: Actor, vergaderingId: string, eindTijd?: string): string[] {
  const v = readVergadering(doc, vergaderingId);
  if (!v) throw new ValidationError(problem('not-allowed', 'no such meeting'), ['vergaderingen', vergaderingId]);
  const jaar = Number(v.datum.slice(0, 4));
  const gegeven: string[] = [];
  doc.transact(() => {
    setFields(doc, actor, 'vergaderingen', vergaderingId, { status: 'gehouden', ...(eindTijd ? { eindTijd } : {}) });
    let volgende = hoogsteNummer(doc, jaar) + 1;
    for (const b of readBesluitenlijst(doc, vergaderingId)) {
      if (b.nummer !== null) continue;
      const nummer = formatBesluitnummer(jaar, volgende++);
      addFrozenWithId(doc, actor, 'besluitnummers', nummer, { besluitId: b.id, vergaderingId });
      gegeven.push(nummer);
    }
  }, LOCAL_ORIGIN);
  return gegeven;
}
