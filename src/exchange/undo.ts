// Undoing an import as a whole, only while nobody (the importing lid included) changed what it
// wrote since: every field must still hold exactly the envelope the import wrote, every project
// it created must still be as it left it. Otherwise nothing is undone and the fields that moved on
// are named. Undo is itself a write by the lid: earlier values come back with new provenance.

import * as Y from 'yjs';
import { entityMap, envelopeAt } from '../model/doc';
import { deleteFields, deleteEntity, LOCAL_ORIGIN, setFields } from '../operations/core';
import type { Actor } from '../ownership/rulebook';
import type { ImportVerslag } from './apply';

export interface Belemmering {
  readonly projectId: string;
  readonly key: string;
}

function zelfde(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What stands in the way of undoing: fields changed since the import, or created projects that changed. */
export function belemmeringen(doc: Y.Doc, verslag: ImportVerslag): Belemmering[] {
  const out: Belemmering[] = [];
  for (const g of verslag.geschreven) {
    if (!zelfde(envelopeAt(doc, 'projecten', g.projectId, g.key), g.na)) out.push({ projectId: g.projectId, key: g.key });
  }
  for (const id of verslag.aangemaakt) {
    const map = entityMap(doc, 'projecten', id);
    if (!map) continue;
    for (const [key, stored] of map.entries()) {
      if (stored instanceof Y.AbstractType) continue;
      const e = stored as { at?: number };
      // Written after the import by anyone: the project has a life of its own now.
      if ((e.at ?? 0) > verslag.at) out.push({ projectId: id, key });
    }
  }
  return out;
}

export function maakImportOngedaan(doc: Y.Doc, actor: Actor, verslag: ImportVerslag): { ok: true } | { ok: false; belemmeringen: Belemmering[] } {
  const b = belemmeringen(doc, verslag);
  if (b.length > 0) return { ok: false, belemmeringen: b };
  doc.transact(() => {
    const perProject = new Map<string, typeof verslag.geschreven>();
    for (const g of verslag.geschreven) perProject.set(g.projectId, [...(perProject.get(g.projectId) ?? []), g]);
    for (const [projectId, velden] of perProject) {
      if (!entityMap(doc, 'projecten', projectId)) continue;
      const terug = velden.filter((g) => g.voor !== undefined);
      const weg = velden.filter((g) => g.voor === undefined).map((g) => g.key);
      if (terug.length > 0) setFields(doc, actor, 'projecten', projectId, Object.fromEntries(terug.map((g) => [g.key, g.voor!.v])));
      if (weg.length > 0) deleteFields(doc, actor, 'projecten', projectId, weg);
    }
    for (const id of verslag.aangemaakt) if (entityMap(doc, 'projecten', id)) deleteEntity(doc, actor, 'projecten', id);
  }, LOCAL_ORIGIN);
  return { ok: true };
}
