// What may appear inside the shared rich texts (meeting notulen, agenda toelichting): the nodes,
// marks and attributes of the editor's schema (TipTap StarterKit as bound by y-prosemirror). The
// relay refuses anything else, so no client ever has to render content its editor cannot show.

export const RICHTEXT_NODES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
]);

export const RICHTEXT_MARKS: ReadonlySet<string> = new Set(['bold', 'italic', 'strike', 'code', 'link', 'underline']);

export const RICHTEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['level', 'start', 'type', 'language', 'textAlign']);

/** Largest single text insertion accepted in one item (a pasted document fits; a flood does not). */
export const RICHTEXT_MAX_INSERT = 200_000;

/** Largest JSON size of one attribute or mark value (e.g. a link's href and target). */
export const RICHTEXT_MAX_ATTRIBUTE_BYTES = 4_000;
