// Who a remote caret belongs to. The relay puts the authenticated lid in every awareness state as
// `user` ({lidId, partijId, naam, kleur}); the sync layer sets the same locally from the leden
// list. These helpers read it defensively: an awareness state is whatever a peer sent.

import * as Y from 'yjs';
import type { AwarenessUser } from '../tafel/usePresence';

export function isAwarenessUser(x: unknown): x is AwarenessUser {
  if (typeof x !== 'object' || x === null) return false;
  const u = x as Record<string, unknown>;
  return typeof u.lidId === 'string' && typeof u.partijId === 'string' && typeof u.naam === 'string' && typeof u.kleur === 'string';
}

/** Dark colours that keep white caret labels readable (contrast >= 4.5:1). */
const KLEUREN = ['#1d4ed8', '#b91c1c', '#047857', '#7e22ce', '#b45309', '#0f766e', '#be185d', '#4338ca'] as const;

/** A stable colour per lid, for when the awareness state carries none we can use. */
export function kleurVoorLid(lidId: string): string {
  let h = 0;
  for (const c of lidId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return KLEUREN[h % KLEUREN.length] ?? KLEUREN[0];
}

/** The caret colour: the lid's own if it is a plain #rrggbb colour, else the stable fallback. */
export function caretKleur(user: Partial<AwarenessUser>): string {
  if (typeof user.kleur === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.kleur)) return user.kleur;
  return kleurVoorLid(typeof user.lidId === 'string' ? user.lidId : '');
}

/** Name on a remote caret: "Anna de Vries (Gemeente Zwolle)", or just the name when the partij is unknown. */
export function caretLabel(user: Partial<AwarenessUser>, partijNaam: (partijId: string) => string | undefined, onbekend: string): string {
  const naam = typeof user.naam === 'string' && user.naam.trim() !== '' ? user.naam.trim() : onbekend;
  const partij = typeof user.partijId === 'string' ? partijNaam(user.partijId) : undefined;
  return partij ? `${naam} (${partij})` : naam;
}

/** Is the relative position (as JSON from an awareness `cursor`) inside this rich text? */
function inFragment(json: unknown, fragment: Y.XmlFragment): boolean {
  const doc = fragment.doc;
  if (!doc || typeof json !== 'object' || json === null) return false;
  let abs: Y.AbsolutePosition | null;
  try {
    abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
  } catch {
    return false;
  }
  if (!abs) return false;
  let type: Y.AbstractType<unknown> | null = abs.type;
  while (type) {
    if (type === fragment) return true;
    type = type._item ? (type._item.parent as Y.AbstractType<unknown>) : null;
  }
  return false;
}

/**
 * The other lids whose caret is in this text right now, each once, by name: for the "also
 * writing here" line that screen-reader users hear instead of seeing the carets.
 */
export function schrijversInTekst(states: ReadonlyMap<number, Record<string, unknown>>, ownClientId: number, fragment: Y.XmlFragment): AwarenessUser[] {
  const out = new Map<string, AwarenessUser>();
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const cursor = state.cursor as { anchor?: unknown } | null | undefined;
    if (!cursor || !isAwarenessUser(state.user) || !inFragment(cursor.anchor, fragment)) continue;
    out.set(state.user.lidId, state.user);
  }
  return [...out.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}
