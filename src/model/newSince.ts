// What is new at a tafel since a moment (issue 16: "what is new since my last visit"), written by
// others: changed projects, new knelpunten, new reacties, new afspraken, answers and messages that
// came back on an escalation; and what is addressed to the lid's partij (afspraken for it,
// reacties on its knelpunten, answers on the escalation of its knelpunt). Pure: read from the
// document's provenance, which every field carries (an answer's is the moment it arrived here).

import type * as Y from 'yjs';
import { readAfspraken, readKnelpunten, readProjecten, type Provenance } from './reads';
import { readEscalaties } from './netwerkReads';
import { EXTERN_PREFIX } from './netwerkSchema';

export interface NewSince {
  readonly projecten: readonly { id: string; naam: string }[];
  readonly knelpunten: readonly { id: string; titel: string }[];
  readonly reacties: readonly { knelpuntId: string; knelpuntTitel: string; id: string; tekst: string; by: string; aanMijnPartij: boolean }[];
  readonly afspraken: readonly { id: string; wat: string; aanMijnPartij: boolean }[];
  /** the other tafel's status and answer (antwoord) or a message in the thread (bericht) on an escalation of this tafel */
  readonly escalatieAntwoorden: readonly { id: string; escalatieId: string; knelpuntId: string; knelpuntTitel: string; soort: 'antwoord' | 'bericht'; tafel: string; aanMijnPartij: boolean }[];
}

/** Written by someone else after `since`: a field's provenance (a knelpunt's titel: the knelpunt is new) or a reactie. */
export function byOtherSince(written: { readonly at: number; readonly by: string } | undefined, since: number, lidId: string): boolean {
  return written !== undefined && written.at > since && written.by !== lidId;
}

/** Changed by someone else after `since` (the markers on projects and afspraken in their lists). */
export function changedByOtherSince(provenance: Readonly<Record<string, Provenance>>, since: number, lidId: string): boolean {
  return Object.values(provenance).some((p) => byOtherSince(p, since, lidId));
}

export function newSince(doc: Y.Doc, since: number, lidId: string, partijId: string | null): NewSince {
  const knelpunten = readKnelpunten(doc);
  return {
    projecten: readProjecten(doc)
      .filter((p) => changedByOtherSince(p.provenance, since, lidId))
      .map((p) => ({ id: p.id, naam: p.naam })),
    knelpunten: knelpunten
      .filter((k) => byOtherSince(k.provenance.titel, since, lidId))
      .map((k) => ({ id: k.id, titel: k.titel })),
    reacties: knelpunten.flatMap((k) =>
      k.reacties
        .filter((r) => byOtherSince(r, since, lidId))
        .map((r) => ({ knelpuntId: k.id, knelpuntTitel: k.titel, id: r.id, tekst: r.tekst, by: r.by, aanMijnPartij: partijId !== null && k.ingediendDoor === partijId })),
    ),
    escalatieAntwoorden: readEscalaties(doc).flatMap((e) => {
      const k = knelpunten.find((x) => x.id === e.knelpuntId);
      const about = { escalatieId: e.id, knelpuntId: e.knelpuntId, knelpuntTitel: k?.titel ?? '', aanMijnPartij: partijId !== null && k?.ingediendDoor === partijId };
      const out: NewSince['escalatieAntwoorden'][number][] = [];
      if (e.terugmelding && (e.provenance.terugmelding?.at ?? 0) > since) out.push({ ...about, id: `${e.id}:antwoord`, soort: 'antwoord', tafel: e.terugmelding.tafel });
      for (const m of e.draad) {
        if (m.extern && (e.provenance[`${EXTERN_PREFIX}${m.id}`]?.at ?? 0) > since) out.push({ ...about, id: `${e.id}:${m.id}`, soort: 'bericht', tafel: m.extern.tafel });
      }
      return out;
    }),
    afspraken: readAfspraken(doc)
      .filter((a) => changedByOtherSince(a.provenance, since, lidId))
      .map((a) => ({ id: a.id, wat: a.wat, aanMijnPartij: partijId !== null && a.partijId === partijId })),
  };
}
