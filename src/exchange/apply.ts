// Writing an import plan into the tafel through the model's operations, so every write is judged
// by the rulebook exactly as a hand edit, in slices of a few milliseconds that leave the main thread
// free between them (progress is reported after each). It records what it wrote, for undo.ts, so
// the import is undone as a whole however many slices it took.

import type * as Y from 'yjs';
import { envelopeAt } from '../model/doc';
import { LOCAL_ORIGIN } from '../operations/core';
import { createProject, setProjectFields } from '../operations/projecten';
import type { Envelope } from '../model/schema';
import type { Actor } from '../ownership/rulebook';
import type { ImportPlan } from './plan';
import { inPlakken, type PlakOpties } from './slices';

/** One field the import wrote: what was there before (undefined: nothing) and what it wrote. */
export interface Geschreven {
  readonly projectId: string;
  readonly key: string;
  readonly voor: Envelope | undefined;
  readonly na: Envelope;
}

/** What an applied import did, enough to undo it as a whole. */
export interface ImportVerslag {
  readonly bron: string;
  readonly at: number;
  readonly aangemaakt: readonly string[];
  readonly geschreven: readonly Geschreven[];
}

export interface ApplyOpties extends PlakOpties {
  readonly publiekEigenaar: string;
}

export async function pasImportToe(doc: Y.Doc, actor: Actor, plan: ImportPlan, opties: ApplyOpties): Promise<ImportVerslag> {
  const rijen = plan.rijen.filter((r) => (r.status === 'nieuw' || r.status === 'wijzigen') && r.wijzigingen.length > 0);
  const aangemaakt: string[] = [];
  const geschreven: Geschreven[] = [];
  const schrijf = (r: (typeof rijen)[number]) => {
    const values = Object.fromEntries(r.wijzigingen.map((w) => [w.key, w.nieuw]));
    if (r.status === 'nieuw') {
      const { naam, ...publiek } = values;
      aangemaakt.push(createProject(doc, actor, { naam: String(naam), publiekEigenaar: opties.publiekEigenaar, publiek }));
    } else if (r.projectId) {
      const voor = Object.fromEntries(r.wijzigingen.map((w) => [w.key, envelopeAt(doc, 'projecten', r.projectId, w.key)]));
      setProjectFields(doc, actor, r.projectId, values as Parameters<typeof setProjectFields>[3]);
      for (const w of r.wijzigingen) {
        const na = envelopeAt(doc, 'projecten', r.projectId, w.key);
        if (na) geschreven.push({ projectId: r.projectId, key: w.key, voor: voor[w.key], na });
      }
    }
  };
  // One transaction per slice: each becomes one update to store and send, written while the slice's time lasts.
  await inPlakken(
    rijen.length,
    (van, genoeg) => {
      let i = van;
      doc.transact(() => {
        do schrijf(rijen[i++]!);
        while (i < rijen.length && !genoeg());
      }, LOCAL_ORIGIN);
      return i;
    },
    opties,
  );
  return { bron: plan.bron, at: Date.now(), aangemaakt, geschreven };
}
