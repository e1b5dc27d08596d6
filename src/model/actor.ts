// Who is acting: a lid of the tafel as the chair's leden list describes it. The rulebook decides
// what an actor may do (src/ownership/rulebook.ts); the model only says who the actor is.

import type * as Y from 'yjs';
import { envelopeAt } from './doc';
import { ROLLEN, type Rol } from './vocabulary';

/** An authenticated lid as the rulebook sees it. */
export interface Actor {
  readonly lidId: string;
  readonly partijId: string;
  readonly rol: Rol;
}

/** The actor for a lid as the chair's leden list describes it, or undefined when not a lid. */
export function actorForLid(doc: Y.Doc, lidId: string): Actor | undefined {
  const partijId = envelopeAt(doc, 'leden', lidId, 'partijId')?.v;
  const rol = envelopeAt(doc, 'leden', lidId, 'rol')?.v;
  if (typeof partijId !== 'string' || !(ROLLEN as readonly unknown[]).includes(rol)) return undefined;
  return { lidId, partijId, rol: rol as Rol };
}
