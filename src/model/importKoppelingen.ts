// A partij's saved import mappings, read from its entity in the tafel document (written by
// src/operations/importKoppeling.ts). One per layout of file: the key is a hash of the file's
// column names, so a colleague's next import of the same monitor, or the CLI's nightly run, finds
// the choices made last time; a different monitor of the same partij keeps its own.

import type * as Y from 'yjs';
import { entity } from './reads';
import { IMPORT_KOPPELING_PREFIX } from './schema';

export interface ImportKoppelingWaarde {
  /** the source system, kept with external ids */
  readonly bron: string;
  /** column name -> target (see src/exchange/columns.ts) */
  readonly kolommen: Readonly<Record<string, string>>;
}

export interface OpgeslagenKoppeling extends ImportKoppelingWaarde {
  readonly sleutel: string;
  /** when it was saved (the writer's clock) */
  readonly at: number;
}

const kolomWoord = (k: string) => k.replace(/\s+/g, ' ').trim().toLowerCase();

/** The layout key of a file: FNV-1a over its column names, in any order, case and spacing aside. */
export function importKoppelingSleutel(kolommen: readonly string[]): string {
  const namen = [...new Set(kolommen.map(kolomWoord).filter((k) => k !== ''))].sort();
  let h = 0x811c9dc5;
  for (const c of namen.join('\u0000')) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

export function readImportKoppelingen(doc: Y.Doc, partijId: string): OpgeslagenKoppeling[] {
  return (
    entity(doc, 'partijen', partijId, (_id, f) =>
      f.keys
        .filter((k) => k.startsWith(IMPORT_KOPPELING_PREFIX))
        .map((k) => ({ ...f.get<ImportKoppelingWaarde>(k, { bron: '', kolommen: {} }), sleutel: k.slice(IMPORT_KOPPELING_PREFIX.length), at: f.provenance[k]?.at ?? 0 })),
    ) ?? []
  );
}
