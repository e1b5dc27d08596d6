// The column mapping of a partij's last import of a file like this one, kept in the tafel document
// on the partij (src/model/importKoppelingen.ts), so the app on any device and the CLI without
// --mapping start the next import where a colleague left off. Which saved mapping fits a file:
// the one saved for exactly its columns, else the one that shares most columns with it (this
// month's file of the same monitor with a year column more). Its source name comes along only when
// it shares at least half the file's columns: ids of another system must not be filed under it.

import type * as Y from 'yjs';
import { importKoppelingSleutel, IMPORT_KOPPELING_PREFIX, readImportKoppelingen, type OpgeslagenKoppeling } from '../model';
import { bewaarImportKoppeling } from '../operations/importKoppeling';
import { docRuleState } from '../ownership/ruleState';
import { mayEditField, type Actor } from '../ownership/rulebook';
import type { Koppeling } from './columns';

export function kiesOpgeslagen(kolommen: readonly string[], opgeslagen: readonly OpgeslagenKoppeling[]): Koppeling | undefined {
  const sleutel = importKoppelingSleutel(kolommen);
  const exact = opgeslagen.find((k) => k.sleutel === sleutel);
  if (exact) return { bron: exact.bron, kolommen: exact.kolommen };
  let beste: OpgeslagenKoppeling | undefined;
  let besteGedeeld = 0;
  for (const k of opgeslagen) {
    const gedeeld = kolommen.filter((c) => c in k.kolommen).length;
    if (gedeeld > besteGedeeld || (gedeeld === besteGedeeld && gedeeld > 0 && k.at > beste!.at)) {
      beste = k;
      besteGedeeld = gedeeld;
    }
  }
  return beste && { bron: besteGedeeld * 2 >= kolommen.length ? beste.bron : '', kolommen: beste.kolommen };
}

/** The saved mapping for a file read by this lid: its own partij's. */
export function opgeslagenKoppeling(doc: Y.Doc, actor: Actor, kolommen: readonly string[]): Koppeling | undefined {
  return kiesOpgeslagen(kolommen, readImportKoppelingen(doc, actor.partijId));
}

/**
 * Saves the mapping an import used on the lid's partij, when the rulebook lets the lid write it
 * (a reader imports nothing either). Returns whether anything was written: nothing when it is
 * saved already.
 */
export function bewaarKoppeling(doc: Y.Doc, actor: Actor, koppeling: Koppeling): boolean {
  const key = `${IMPORT_KOPPELING_PREFIX}${importKoppelingSleutel(Object.keys(koppeling.kolommen))}`;
  if (!mayEditField(docRuleState(doc), actor, 'partijen', actor.partijId, key).ok) return false;
  return bewaarImportKoppeling(doc, actor, koppeling);
}
