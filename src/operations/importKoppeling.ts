// Saving the column mapping of an import on the lid's own partij, so the next import of a file
// with the same columns (by any lid of that partij, on any device, or the CLI) starts from it.
// Written only when it differs from what is saved: importing the same file again sends nothing.

import type * as Y from 'yjs';
import { importKoppelingSleutel, readImportKoppelingen, type ImportKoppelingWaarde } from '../model/importKoppelingen';
import { IMPORT_KOPPELING_PREFIX } from '../model/schema';
import { sameValue } from '../model/sameValue';
import type { Actor } from '../ownership/rulebook';
import { setFields } from './core';

/** Saves the mapping for the file's layout; returns whether anything was written. */
export function bewaarImportKoppeling(doc: Y.Doc, actor: Actor, koppeling: ImportKoppelingWaarde): boolean {
  // Columns without a name (or with a name no spreadsheet user would type) cannot be a key.
  const kolommen = Object.fromEntries(Object.entries(koppeling.kolommen).filter(([k]) => k.length > 0 && k.length <= 200));
  const waarde: ImportKoppelingWaarde = { bron: koppeling.bron.trim().slice(0, 200), kolommen };
  const sleutel = importKoppelingSleutel(Object.keys(kolommen));
  const nu = readImportKoppelingen(doc, actor.partijId).find((k) => k.sleutel === sleutel);
  if (nu && sameValue({ bron: nu.bron, kolommen: nu.kolommen }, waarde)) return false;
  setFields(doc, actor, 'partijen', actor.partijId, { [`${IMPORT_KOPPELING_PREFIX}${sleutel}`]: waarde });
  return true;
}
