// Search across a tafel (issue 16): projects, knelpunten (with their reactions), afspraken,
// besluiten (by their text and number), agendapunten and meeting notulen, in the local document, so it works offline too. Every word of
// the query must occur in the item (case and accents ignored); hits come back in a fixed order of
// kinds, best (a word in the title) first within a kind. Pure: no UI, no I/O.

import * as Y from 'yjs';
import { entityMap } from './doc';
import { readAfspraken, readAgenda, readKnelpunten, readProjecten, readVergaderingen } from './reads';
import { readBesluiten } from './verslag';

export type SearchKind = 'project' | 'knelpunt' | 'afspraak' | 'besluit' | 'agendapunt' | 'notulen';

export interface SearchHit {
  readonly kind: SearchKind;
  readonly id: string;
  /** the meeting of a besluit, agendapunt or notulen */
  readonly vergaderingId?: string;
  readonly titel: string;
  /** the text around the first match, or '' when the title matched */
  readonly fragment: string;
  /** a query word occurs in the title */
  readonly inTitel: boolean;
}

/** Lower case without accents: "Één" and "een" are the same word to someone searching. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(query: string): string[] {
  return normalize(query).split(/\s+/).filter((w) => w.length > 0);
}

function richText(doc: Y.Doc, rootName: 'vergaderingen' | 'agendapunten', id: string, key: string): Y.XmlFragment | undefined {
  const t = entityMap(doc, rootName, id)?.get(key);
  return t instanceof Y.XmlFragment ? t : undefined;
}

/** Plain text of a shared rich text (notulen, toelichting). */
export function richPlainText(fragment: Y.XmlFragment | undefined): string {
  if (!fragment) return '';
  const parts: string[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) parts.push(child.toString().replace(/<[^>]*>/g, ''));
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(fragment);
  return parts.join('\n');
}

function fragmentAround(text: string, word: string, radius = 60): string {
  const i = normalize(text).indexOf(word);
  if (i < 0) return '';
  const from = Math.max(0, i - radius);
  const to = Math.min(text.length, i + word.length + radius);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

function match(kind: SearchKind, id: string, titel: string, body: readonly string[], q: string[], extra: { vergaderingId?: string } = {}): SearchHit | null {
  const all = normalize([titel, ...body].join('\n'));
  if (!q.every((w) => all.includes(w))) return null;
  const t = normalize(titel);
  const inTitel = q.some((w) => t.includes(w));
  let fragment = '';
  if (!q.every((w) => t.includes(w))) {
    const missing = q.find((w) => !t.includes(w))!;
    for (const b of body) {
      fragment = fragmentAround(b, missing);
      if (fragment) break;
    }
  }
  return { kind, id, titel, fragment, inTitel, ...extra };
}

const ORDER: readonly SearchKind[] = ['project', 'knelpunt', 'afspraak', 'besluit', 'agendapunt', 'notulen'];

export function searchTafel(doc: Y.Doc, query: string, limit = 100): SearchHit[] {
  const q = words(query);
  if (q.length === 0) return [];
  const hits: SearchHit[] = [];
  const push = (h: SearchHit | null) => h && hits.push(h);
  for (const p of readProjecten(doc)) {
    push(
      match('project', p.id, p.naam, [p.gemeente, p.locatie, p.publiekeOpmerkingen, p.privateOpmerkingen, ...p.publiekeBelemmeringen, ...p.privateBelemmeringen], q),
    );
  }
  for (const k of readKnelpunten(doc)) push(match('knelpunt', k.id, k.titel, [k.beschrijving, ...k.reacties.map((r) => r.tekst)], q));
  for (const a of readAfspraken(doc)) push(match('afspraak', a.id, a.wat, [a.voortgang], q));
  // A besluit's text is its title; its number ("2026-014") finds it too.
  for (const b of readBesluiten(doc)) push(match('besluit', b.id, b.tekst, b.nummer ? [b.nummer] : [], q, { vergaderingId: b.vergaderingId }));
  const vergaderingen = readVergaderingen(doc);
  for (const v of vergaderingen) {
    for (const ap of readAgenda(doc, v.id)) {
      push(match('agendapunt', ap.id, ap.titel, [richPlainText(richText(doc, 'agendapunten', ap.id, 'toelichting'))], q, { vergaderingId: v.id }));
    }
  }
  for (const v of vergaderingen) {
    const notulen = richPlainText(richText(doc, 'vergaderingen', v.id, 'notulen'));
    if (!notulen) continue;
    // Notulen are found by their text only: a meeting's title alone is not a hit in its notulen.
    const h = match('notulen', v.id, v.titel, [notulen], q, { vergaderingId: v.id });
    if (h && normalize(notulen).includes(q[0]!)) push({ ...h, fragment: h.fragment || fragmentAround(notulen, q[0]!) });
  }
  hits.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || Number(b.inTitel) - Number(a.inTitel) || a.titel.localeCompare(b.titel, 'nl'));
  return hits.slice(0, limit);
}
