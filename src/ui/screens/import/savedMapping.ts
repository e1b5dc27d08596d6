// The import screen's side of the saved column mapping: the mappings of the lid's partij go to the
// worker, which picks the one that fits the file (src/exchange/savedMapping.ts); after an import
// the mapping used is saved on the partij in the tafel document, so a colleague on another device
// or the CLI starts from it next time. (A mapping file for the CLI is the same JSON: see
// docs/import-export.md.)

import type * as Y from 'yjs';
import { bewaarKoppeling, type Koppeling } from '../../../exchange';
import { readImportKoppelingen, type Actor, type OpgeslagenKoppeling } from '../../../model';

export function opgeslagenKoppelingen(doc: Y.Doc, actor: Actor | null): OpgeslagenKoppeling[] {
  return actor ? readImportKoppelingen(doc, actor.partijId) : [];
}

export function bewaarNaImport(doc: Y.Doc, actor: Actor, koppeling: Koppeling): void {
  try {
    bewaarKoppeling(doc, actor, koppeling);
  } catch {
    // The partij left the tafel meanwhile: the mapping is a convenience, the import itself is done.
  }
}
