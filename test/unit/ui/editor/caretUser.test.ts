import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { caretKleur, caretLabel, isAwarenessUser, kleurVoorLid, schrijversInTekst } from '../../../../src/ui/editor/caretUser';

const anna = { lidId: 'lid-anna-1', partijId: 'partij-gem', naam: 'Anna de Vries', kleur: '#b91c1c' };
const piet = { lidId: 'lid-piet-1', partijId: 'partij-corp', naam: 'Piet Jansen', kleur: '#047857' };

/** Two rich texts in one doc, with a cursor (as y-prosemirror stores it) of a peer in one of them. */
function opstelling() {
  const doc = new Y.Doc();
  const notulen = doc.getMap('m').set('notulen', new Y.XmlFragment());
  const toelichting = doc.getMap('m').set('toelichting', new Y.XmlFragment());
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText('Besluit: de parkeernorm gaat omlaag')]);
  notulen.insert(0, [p]);
  const cursorIn = (fragment: Y.XmlFragment, index: number) => {
    const text = (fragment.get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText | undefined;
    const rel = text ? Y.createRelativePositionFromTypeIndex(text, index) : Y.createRelativePositionFromTypeIndex(fragment, 0);
    const json = Y.relativePositionToJSON(rel);
    return { anchor: json, head: json };
  };
  return { doc, notulen, toelichting, cursorIn };
}

describe('caret identity', () => {
  it('accepts only complete awareness users', () => {
    expect(isAwarenessUser(anna)).toBe(true);
    expect(isAwarenessUser({ ...anna, naam: 3 })).toBe(false);
    expect(isAwarenessUser(null)).toBe(false);
  });

  it('uses a plain hex colour as given and a stable dark fallback otherwise', () => {
    expect(caretKleur(anna)).toBe('#b91c1c');
    const fallback = caretKleur({ ...anna, kleur: 'red; background: url(x)' });
    expect(fallback).toMatch(/^#[0-9a-f]{6}$/);
    expect(fallback).toBe(kleurVoorLid(anna.lidId));
    expect(kleurVoorLid('x')).toBe(kleurVoorLid('x'));
  });

  it('labels a caret with name and partij', () => {
    const partij = (id: string) => (id === 'partij-gem' ? 'Gemeente Zwolle' : undefined);
    expect(caretLabel(anna, partij, 'Iemand')).toBe('Anna de Vries (Gemeente Zwolle)');
    expect(caretLabel(piet, partij, 'Iemand')).toBe('Piet Jansen');
    expect(caretLabel({ naam: '  ' }, partij, 'Iemand')).toBe('Iemand');
  });
});

describe('schrijversInTekst', () => {
  it('lists the other lids whose cursor is inside this text, not those in another text, nor oneself', () => {
    const o = opstelling();
    const eigen = new Awareness(o.doc);
    const states = new Map<number, Record<string, unknown>>([
      [eigen.clientID, { user: { ...anna, lidId: 'ik' }, cursor: o.cursorIn(o.notulen, 3) }],
      [101, { user: anna, cursor: o.cursorIn(o.notulen, 5) }],
      [102, { user: piet, cursor: o.cursorIn(o.toelichting, 0) }],
      [103, { user: { ...anna }, cursor: o.cursorIn(o.notulen, 1) }],
      [104, { user: piet, cursor: null }],
      [105, { user: { naam: 'kapot' }, cursor: o.cursorIn(o.notulen, 2) }],
      [106, { user: piet, cursor: { anchor: 'onzin' } }],
    ]);
    expect(schrijversInTekst(states, eigen.clientID, o.notulen).map((u) => u.naam)).toEqual(['Anna de Vries']);
    expect(schrijversInTekst(states, eigen.clientID, o.toelichting).map((u) => u.naam)).toEqual(['Piet Jansen']);
    eigen.destroy();
  });
});
