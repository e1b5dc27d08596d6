// Who a lid is for presence (name, partij, caret colour), derived from the tafel document. The
// relay puts this in every awareness state it forwards, never trusting what a client claims; the
// client shows the same before it is connected.

import type * as Y from 'yjs';
import { actorForLid } from './actor';
import { readLid } from './reads';

/** The `user` field the relay puts in every awareness state of a connection. */
export interface PresenceUser {
  readonly lidId: string;
  readonly partijId: string;
  readonly naam: string;
  readonly kleur: string;
}

// Distinct, saturated colours that keep 3:1 contrast against white for carets and avatars.
const KLEUREN = ['#b3261e', '#1f6f43', '#1d4ed8', '#8a4b00', '#7b1fa2', '#00695c', '#c2185b', '#3f51b5', '#6d4c41', '#2e7d32', '#ad1457', '#0277bd'];

/** A stable colour per lid: the same person has the same caret colour on every device. */
export function kleurFor(lidId: string): string {
  let h = 2166136261;
  for (let i = 0; i < lidId.length; i++) {
    h ^= lidId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return KLEUREN[(h >>> 0) % KLEUREN.length] as string;
}

export function presenceUser(doc: Y.Doc, lidId: string): PresenceUser {
  return {
    lidId,
    partijId: actorForLid(doc, lidId)?.partijId ?? '',
    naam: readLid(doc, lidId)?.naam ?? '',
    kleur: kleurFor(lidId),
  };
}
