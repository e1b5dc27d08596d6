// The meeting's own record, as read: attendance, the approval of the previous notulen, besluiten with their numbers (the besluitenlijst),
// the afspraken of a meeting (its actielijst) and the open afspraken that come back on the next
// meeting's agenda by themselves.

import type * as Y from 'yjs';
import { root } from './doc';
import { entities, readAfspraken, readAgenda, readLeden, readVergadering, readVergaderingen, type Afspraak, type ProvenanceMap, type Vergadering } from './reads';
import { AANWEZIGHEID_PREFIX, BESLUITNUMMER_PATTERN, isEnvelope } from './schema';
import { VORIGE_NOTULEN, type Aanwezigheid, type VorigeNotulen } from './vocabulary';

export interface Besluit {
  readonly id: string;
  readonly vergaderingId: string;
  readonly agendapuntId: string | null;
  readonly tekst: string;
  /** "2026-014" once the chair closed the meeting; null before. */
  readonly nummer: string | null;
  readonly provenance: ProvenanceMap;
}

/** Besluit id -> its number. A besluit that got two numbers (two offline closures) keeps the lowest. */
export function readBesluitnummers(doc: Y.Doc): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [nummer, stored] of root(doc, 'besluitnummers').entries()) {
    if (!isEnvelope(stored) || !BESLUITNUMMER_PATTERN.test(nummer)) continue;
    const besluitId = (stored.v as { besluitId?: unknown } | null)?.besluitId;
    if (typeof besluitId !== 'string') continue;
    const eerder = out.get(besluitId);
    if (eerder === undefined || vergelijkNummers(nummer, eerder) < 0) out.set(besluitId, nummer);
  }
  return out;
}

/** Orders "2026-014" before "2026-101" and years before each other. */
export function vergelijkNummers(a: string, b: string): number {
  const [ja, na] = a.split('-').map(Number) as [number, number];
  const [jb, nb] = b.split('-').map(Number) as [number, number];
  return ja - jb || na - nb;
}

export function readBesluiten(doc: Y.Doc): Besluit[] {
  const nummers = readBesluitnummers(doc);
  return entities(doc, 'besluiten', (id, f) => ({
    id,
    vergaderingId: f.get('vergaderingId', ''),
    agendapuntId: f.get<string | null>('agendapuntId', null),
    tekst: f.get('tekst', ''),
    nummer: nummers.get(id) ?? null,
    provenance: f.provenance,
  }));
}

/**
 * A meeting's besluiten in the order of its agenda (then as recorded); numbered ones by number.
 * This is the order numbers are handed out in when the chair closes the meeting.
 */
export function readBesluitenlijst(doc: Y.Doc, vergaderingId: string): Besluit[] {
  const agenda = readAgenda(doc, vergaderingId).map((a) => a.id);
  const rank = (b: Besluit) => {
    const i = b.agendapuntId === null ? -1 : agenda.indexOf(b.agendapuntId);
    return i === -1 ? agenda.length : i;
  };
  return readBesluiten(doc)
    .filter((b) => b.vergaderingId === vergaderingId)
    .sort(
      (a, b) =>
        (a.nummer && b.nummer ? vergelijkNummers(a.nummer, b.nummer) : 0) ||
        rank(a) - rank(b) ||
        (a.provenance.tekst?.at ?? 0) - (b.provenance.tekst?.at ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

/** Start and end time of a meeting ("HH:MM"), null when not recorded. */
export function readVergaderingRecord(doc: Y.Doc, vergaderingId: string): { startTijd: string | null; eindTijd: string | null } {
  const map = root(doc, 'vergaderingen').get(vergaderingId) as Y.Map<unknown> | undefined;
  const tijd = (key: string) => {
    const stored = map?.get(key);
    return isEnvelope(stored) && typeof stored.v === 'string' && /^\d{2}:\d{2}$/.test(stored.v) ? stored.v : null;
  };
  return { startTijd: tijd('startTijd'), eindTijd: tijd('eindTijd') };
}

export interface NotulenGoedkeuring {
  /** The meeting whose notulen this one approves: the last one held before it. */
  readonly vorige: Vergadering;
  /** null: not recorded (yet). */
  readonly uitkomst: VorigeNotulen | null;
}

/**
 * The approval of the previous notulen, the first thing a meeting does: null when no meeting was
 * held before this one. Derived, like the open afspraken: the previous meeting is the last one
 * held (status gehouden) on an earlier date, so planning meetings in any order needs no link.
 */
export function readNotulenGoedkeuring(doc: Y.Doc, vergaderingId: string): NotulenGoedkeuring | null {
  const deze = readVergadering(doc, vergaderingId);
  if (!deze) return null;
  const vorige = readVergaderingen(doc)
    .filter((v) => v.status === 'gehouden' && v.datum < deze.datum)
    .sort((a, b) => b.datum.localeCompare(a.datum) || a.id.localeCompare(b.id))[0];
  if (!vorige) return null;
  const stored = (root(doc, 'vergaderingen').get(vergaderingId) as Y.Map<unknown> | undefined)?.get('vorigeNotulen');
  const v = isEnvelope(stored) ? stored.v : null;
  return { vorige, uitkomst: (VORIGE_NOTULEN as readonly unknown[]).includes(v) ? (v as VorigeNotulen) : null };
}

export interface AanwezigheidRegel {
  readonly lidId: string;
  readonly naam: string;
  readonly partijId: string;
  /** null: not recorded (yet). */
  readonly status: Aanwezigheid | null;
}

/** Every lid of the tafel with their attendance at this meeting; gasten only when recorded. */
export function readAanwezigheid(doc: Y.Doc, vergaderingId: string): AanwezigheidRegel[] {
  const map = root(doc, 'vergaderingen').get(vergaderingId) as Y.Map<unknown> | undefined;
  const status = (lidId: string): Aanwezigheid | null => {
    const stored = map?.get(`${AANWEZIGHEID_PREFIX}${lidId}`);
    const v = isEnvelope(stored) ? stored.v : null;
    return v === 'aanwezig' || v === 'afgemeld' ? v : null;
  };
  return readLeden(doc)
    .map((l) => ({ lidId: l.id, naam: l.naam, partijId: l.partijId, status: status(l.id), rol: l.rol }))
    .filter((r) => r.rol !== 'gast' || r.status !== null)
    .map(({ rol: _rol, ...r }) => r)
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

const OPEN = new Set<Afspraak['status']>(['open', 'in uitvoering']);

/** The actielijst of a meeting: the afspraken made there, by deadline. */
export function readActielijst(doc: Y.Doc, vergaderingId: string): Afspraak[] {
  return readAfspraken(doc)
    .filter((a) => a.vergaderingId === vergaderingId)
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.wat.localeCompare(b.wat, 'nl'));
}

/**
 * Open afspraken that come back on this meeting's agenda by themselves: still open or in
 * uitvoering, made at an earlier meeting (or outside any meeting, before this one's date).
 */
export function readOpenAfsprakenVoorAgenda(doc: Y.Doc, vergaderingId: string): Afspraak[] {
  const deze = readVergadering(doc, vergaderingId);
  if (!deze) return [];
  const datumVan = new Map(readVergaderingen(doc).map((v) => [v.id, v.datum]));
  return readAfspraken(doc)
    .filter((a) => {
      if (!OPEN.has(a.status) || a.vergaderingId === vergaderingId) return false;
      const herkomst = a.vergaderingId ? datumVan.get(a.vergaderingId) : new Date(a.provenance.wat?.at ?? 0).toISOString().slice(0, 10);
      return herkomst !== undefined && herkomst < deze.datum;
    })
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.wat.localeCompare(b.wat, 'nl'));
}
