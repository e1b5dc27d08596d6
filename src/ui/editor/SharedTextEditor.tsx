// A shared rich text (meeting notulen, agendapunt toelichting) edited live by several lids: TipTap
// bound to the entity's Y.XmlFragment, with the remote carets and names from the session's
// awareness. It is read-only for a lid the rulebook does not allow to write the text, so nothing
// is ever offered that the relay would reject.

import { useEffect, useMemo, useRef } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { readLid, readPartijen, type RootName } from '../../model';
import { richText } from '../../operations';
import { strings } from '../strings';
import { useMayEdit, useRead, useTafel, type AwarenessUser } from '../tafel';
import { caretKleur, caretLabel, isAwarenessUser, kleurVoorLid } from './caretUser';
import { EditorToolbar } from './EditorToolbar';
import { SchrijversInTekst } from './SchrijversInTekst';
import { EditorSlot } from './EditorSlot';
import './editor.css';

const S = strings.editor;

export interface SharedTextEditorProps {
  readonly root: Extract<RootName, 'vergaderingen' | 'agendapunten' | 'ontvangenEscalaties' | 'rapportages'>;
  readonly entityId: string;
  readonly veld: string;
  /** Accessible name of the text, e.g. "Notulen". */
  readonly label: string;
}

export function SharedTextEditor({ root, entityId, veld, label }: SharedTextEditorProps) {
  const { session, doc } = useTafel();
  const mag = useMayEdit(root, entityId, veld);
  const fragment = richText(doc, root, entityId, veld);
  if (!fragment) return <p className="shared-text__missing">{S.nietBeschikbaar}</p>;
  return (
    <div className="shared-text">
      <BoundEditor fragment={fragment} awareness={session.awareness} lidId={session.lidId} editable={mag.ok} label={label} />
      {!mag.ok && <EditorSlot root={root} entityId={entityId} veld={veld} decision={mag} />}
    </div>
  );
}

interface BoundEditorProps {
  readonly fragment: Y.XmlFragment;
  readonly awareness: Awareness;
  readonly lidId: string;
  readonly editable: boolean;
  readonly label: string;
}

/** The user this device shows itself as: the sync layer's awareness user, or one made from the leden list. */
function useLocalUser(awareness: Awareness, lidId: string): AwarenessUser {
  const lid = useRead((doc) => readLid(doc, lidId), [lidId]);
  const own = awareness.getLocalState()?.user;
  if (isAwarenessUser(own)) return own;
  return { lidId, partijId: lid?.partijId ?? '', naam: lid?.naam ?? S.onbekend, kleur: kleurVoorLid(lidId) };
}

function BoundEditor({ fragment, awareness, lidId, editable, label }: BoundEditorProps) {
  const partijen = useRead(readPartijen);
  // The caret renderer is built once per editor; it reads the latest partij names through a ref.
  const partijNamen = useRef(new Map<string, string>());
  partijNamen.current = useMemo(() => new Map(partijen.map((p) => [p.id, p.naam])), [partijen]);
  const user = useLocalUser(awareness, lidId);

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          // Collaboration brings its own undo that only undoes this lid's edits.
          undoRedo: false,
          // It would append a paragraph to texts ending in a list even for readers: a write they may not make.
          trailingNode: false,
          heading: { levels: [2, 3] },
          link: { openOnClick: false, autolink: true },
        }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: { awareness },
          user,
          render: (u) => renderCaret(u, (id) => partijNamen.current.get(id)),
          selectionRender: (u) => ({ nodeName: 'span', class: 'shared-text__selection', style: `background-color: ${caretKleur(u)}33` }),
        }),
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'shared-text__content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [fragment, awareness],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (!editor) return;
    let next = 0;
    const check = () => {
      cancelAnimationFrame(next);
      next = requestAnimationFrame(() => {
        if (!editor.isDestroyed) placeLabels(editor.view.dom);
      });
    };
    awareness.on('change', check);
    editor.on('transaction', check);
    return () => {
      cancelAnimationFrame(next);
      awareness.off('change', check);
      editor.off('transaction', check);
    };
  }, [editor, awareness]);

  return (
    <>
      {editable && editor && <EditorToolbar editor={editor as Editor} label={label} />}
      <EditorContent editor={editor} className="shared-text__frame" />
      <SchrijversInTekst awareness={awareness} fragment={fragment} />
    </>
  );
}

function renderCaret(user: Record<string, unknown>, partijNaam: (id: string) => string | undefined): HTMLElement {
  const kleur = caretKleur(user);
  const caret = document.createElement('span');
  caret.className = 'shared-text__caret';
  caret.style.borderColor = kleur;
  caret.setAttribute('aria-hidden', 'true');
  const name = document.createElement('span');
  name.className = 'shared-text__caret-label';
  name.style.backgroundColor = kleur;
  name.textContent = caretLabel(user, partijNaam, S.onbekend);
  caret.append(name);
  return caret;
}

/**
 * After every move, the remote carets' name labels (issue 16). ProseMirror keeps a caret's element
 * and moves it, so this is where a label is updated: one that moved shows again (its fade starts
 * over: it covers the line above only while its writer moves), and one that would run past the
 * text's right edge (a caret at the end of a full line) opens to the left of its caret instead of
 * being cut off.
 */
function placeLabels(content: HTMLElement): void {
  const right = (content.closest('.shared-text__frame') ?? content).getBoundingClientRect().right;
  for (const label of content.querySelectorAll<HTMLElement>('.shared-text__caret-label')) {
    const caret = label.parentElement!.getBoundingClientRect();
    const at = `${Math.round(caret.left)},${Math.round(caret.top)}`;
    if (labelAt.get(label) !== at) {
      if (labelAt.has(label)) {
        label.style.animation = 'none';
        void label.offsetWidth;
        label.style.animation = '';
      }
      labelAt.set(label, at);
    }
    label.classList.remove(LINKS);
    if (label.getBoundingClientRect().right > right) label.classList.add(LINKS);
  }
}
const LINKS = 'shared-text__caret-label--links';
/** Where each label's caret was when last placed. */
const labelAt = new WeakMap<HTMLElement, string>();
