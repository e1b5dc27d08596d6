// A shared rich text rendered read-only as plain HTML (for print and PDF): headings inside the
// text are shifted below the page's own, so the document outline stays correct.

import type { ReactNode } from 'react';
import { readRichText, type RichNode, type RootName } from '../../model';
import { useRead } from '../tafel';

const TAGS: Readonly<Record<string, string>> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  codeBlock: 'pre',
  hardBreak: 'br',
  horizontalRule: 'hr',
};

/** Only web and mail links are rendered as links; anything else (javascript:, data:) stays text. */
const VEILIGE_LINK = /^(https?:|mailto:)/i;

const MARK_TAGS: Readonly<Record<string, string>> = { bold: 'strong', italic: 'em', strike: 's', code: 'code', underline: 'u' };

function renderNodes(nodes: readonly RichNode[], kopNiveau: number): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.kind === 'text') {
      let el: ReactNode = n.text;
      for (const m of n.marks) {
        const Tag = (MARK_TAGS[m] ?? 'span') as 'span';
        el = <Tag>{el}</Tag>;
      }
      return n.href && VEILIGE_LINK.test(n.href) ? (
        <a key={i} href={n.href}>
          {el}
        </a>
      ) : (
        <span key={i}>{el}</span>
      );
    }
    if (n.name === 'heading') {
      const level = Math.min(6, kopNiveau + Math.max(0, Number(n.attrs.level ?? 1) - 1));
      const Tag = `h${level}` as 'h3';
      return <Tag key={i}>{renderNodes(n.children, kopNiveau)}</Tag>;
    }
    const Tag = (TAGS[n.name] ?? 'div') as 'div';
    if (Tag === ('br' as string) || Tag === ('hr' as string)) return <Tag key={i} />;
    return <Tag key={i}>{renderNodes(n.children, kopNiveau)}</Tag>;
  });
}

/** `kopNiveau`: the heading level a level-1 heading inside the text becomes. */
export function RichTekst({ root, entityId, veld, kopNiveau, leeg }: { root: RootName; entityId: string; veld: string; kopNiveau: number; leeg?: ReactNode }) {
  const nodes = useRead((doc) => readRichText(doc, root, entityId, veld), [root, entityId, veld]);
  if (nodes.length === 0 || nodes.every((n) => n.kind === 'element' && n.children.length === 0)) return <>{leeg ?? null}</>;
  return <div className="rich-tekst">{renderNodes(nodes, kopNiveau)}</div>;
}
