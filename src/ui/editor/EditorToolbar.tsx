// The few formatting buttons meeting notes need, as real toggle buttons (aria-pressed) of 44px.

import { useEditorState, type Editor } from '@tiptap/react';
import { strings } from '../strings';

const S = strings.editor;

export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      kop: e.isActive('heading', { level: 2 }),
      opsomming: e.isActive('bulletList'),
      nummering: e.isActive('orderedList'),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  const knoppen = [
    { label: S.vet, teken: 'B', aan: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { label: S.cursief, teken: 'I', aan: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { label: S.kop, teken: 'H', aan: state.kop, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: S.opsomming, teken: '•', aan: state.opsomming, run: () => editor.chain().focus().toggleBulletList().run() },
    { label: S.nummering, teken: '1.', aan: state.nummering, run: () => editor.chain().focus().toggleOrderedList().run() },
  ];
  return (
    <div className="shared-text__toolbar" role="toolbar" aria-label={S.opmaak(label)}>
      {knoppen.map((k) => (
        <button key={k.label} type="button" className="btn btn-quiet shared-text__tool" aria-pressed={k.aan} title={k.label} onClick={k.run}>
          <span aria-hidden="true">{k.teken}</span>
          <span className="visually-hidden">{k.label}</span>
        </button>
      ))}
      <button type="button" className="btn btn-quiet shared-text__tool" title={S.ongedaan} disabled={!state.undo} onClick={() => editor.chain().focus().undo().run()}>
        <span aria-hidden="true">↶</span>
        <span className="visually-hidden">{S.ongedaan}</span>
      </button>
      <button type="button" className="btn btn-quiet shared-text__tool" title={S.opnieuw} disabled={!state.redo} onClick={() => editor.chain().focus().redo().run()}>
        <span aria-hidden="true">↷</span>
        <span className="visually-hidden">{S.opnieuw}</span>
      </button>
    </div>
  );
}
