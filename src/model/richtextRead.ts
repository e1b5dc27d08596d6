// A shared rich text as a plain tree, for read-only views (print, PDF, a vastgestelde rapportage):
// the nodes and marks of src/model/richtext.ts, nothing else. The UI renders it as HTML.

import * as Y from 'yjs';
import { entityMap } from './doc';
import { RICHTEXT_MARKS, RICHTEXT_NODES } from './richtext';
import type { RootName } from './schema';

export type RichNode =
  | { readonly kind: 'element'; readonly name: string; readonly attrs: Readonly<Record<string, unknown>>; readonly children: readonly RichNode[] }
  | { readonly kind: 'text'; readonly text: string; readonly marks: readonly string[]; readonly href: string | null };

function textNodes(t: Y.XmlText): RichNode[] {
  const delta = t.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta
    .filter((d) => typeof d.insert === 'string')
    .map((d) => {
      const attrs = d.attributes ?? {};
      const link = attrs.link as { href?: unknown } | undefined;
      return {
        kind: 'text' as const,
        text: d.insert as string,
        marks: Object.keys(attrs).filter((m) => RICHTEXT_MARKS.has(m) && m !== 'link'),
        href: typeof link?.href === 'string' ? link.href : null,
      };
    });
}

function children(parent: Y.XmlFragment | Y.XmlElement): RichNode[] {
  const out: RichNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textNodes(child));
    else if (child instanceof Y.XmlElement && RICHTEXT_NODES.has(child.nodeName)) {
      out.push({ kind: 'element', name: child.nodeName, attrs: child.getAttributes(), children: children(child) });
    }
  }
  return out;
}

/** The rich text of an entity as a tree; empty when it has none. */
export function readRichText(doc: Y.Doc, rootName: RootName, entityId: string, key: string): RichNode[] {
  const t = entityMap(doc, rootName, entityId)?.get(key);
  return t instanceof Y.XmlFragment ? children(t) : [];
}

/** The plain text of a tree (to tell an empty text from a written one). */
export function plainText(nodes: readonly RichNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : plainText(n.children))).join('');
}
