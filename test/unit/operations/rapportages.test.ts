// The rapportage's lifecycle against a tafel with a known history: concept, co-edited by the chair
// and the kernteam, commented by every lid, vastgesteld, then immutable, also at the gate.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { deleteEntity, setFields } from '../../../src/operations/core';
import { markeerBezorging } from '../../../src/operations/doorgifte';
import { device, pendingUpdate, submit, validate } from '../ownership/fixture';
import { historie } from '../model/rapportageHistorie';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('rapportage: lifecycle', () => {
  it('concept, co-edited by chair and kernteam, commented by every lid, vastgesteld, then immutable', () => {
    const h = historie();
    const { t } = h;
    expect(() => O.startRapportage(t.relay, t.actor.a, { periode: '2026-H1', peildatumId: h.p1 })).toThrow(O.OwnershipError);
    const id = O.startRapportage(t.relay, t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    expect(M.readRapportage(t.relay, id)).toMatchObject({ status: 'concept', koersoordeel: null, kernteam: [] });
    expect(M.readRapportage(t.relay, id)!.cijfers!.plancapaciteit.capaciteit).toBe(220);
    // The figures are frozen with the report, even for the chair.
    expect(() => setFields(t.relay, t.actor.chair, 'rapportages', id, { cijfers: {} })).toThrow(O.OwnershipError);
    expect(() => O.setKoersoordeel(t.relay, t.actor.a, id, 'op koers')).toThrow(O.OwnershipError);
    O.setKernteam(t.relay, t.actor.chair, id, [t.actor.a.lidId]);
    O.setKoersoordeel(t.relay, t.actor.a, id, 'op koers met zorgen');
    O.richText(t.relay, 'rapportages', id, 'samenvatting')!.insert(0, [new Y.XmlText('Productie loopt achter')]);
    O.reageerOpRapportage(t.relay, t.actor.z, id, 'Graag netcongestie benoemen');
    expect(M.readRapportage(t.relay, id)!.reacties.map((r) => r.tekst)).toEqual(['Graag netcongestie benoemen']);
    expect(() => O.stelRapportageVast(t.relay, t.actor.a, id)).toThrow(O.OwnershipError);
    O.stelRapportageVast(t.relay, t.actor.chair, id);
    expect(M.readRapportage(t.relay, id)).toMatchObject({ status: 'vastgesteld', vastgesteldOp: '2026-09-02', koersoordeel: 'op koers met zorgen' });
    expect(() => O.setKoersoordeel(t.relay, t.actor.chair, id, 'op koers')).toThrow(O.OwnershipError);
    expect(() => O.reageerOpRapportage(t.relay, t.actor.z, id, 'Te laat')).toThrow(O.OwnershipError);
    expect(() => setFields(t.relay, t.actor.chair, 'rapportages', id, { status: 'concept' })).toThrow(O.OwnershipError);
    expect(() => deleteEntity(t.relay, t.actor.chair, 'rapportages', id)).toThrow(O.OwnershipError);
    expect(M.readRichText(t.relay, 'rapportages', id, 'samenvatting').length).toBe(1);
  });

  it('is immutable at the gate once vastgesteld: text edits, fields, comments, removal', () => {
    const h = historie();
    const { t } = h;
    const id = O.startRapportage(t.relay, t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    O.setKernteam(t.relay, t.actor.chair, id, [t.actor.a.lidId]);
    t.bindings.set(t.relay.clientID, 'systeem');
    // Before: the kernteam lid edits the text through the gate; a lid outside the kernteam cannot.
    const edit = (actor: M.Actor, tekst: string) => {
      const d = device(t);
      O.richText(d, 'rapportages', id, 'vragen')!.insert(0, [new Y.XmlText(tekst)]);
      return pendingUpdate(t, d);
    };
    expect(submit(t, edit(t.actor.a, 'Vraag aan BZK'), t.actor.a).ok).toBe(true);
    expect(validate(t, edit(t.actor.z, 'Niet van mij'), t.actor.z).ok).toBe(false);
    O.stelRapportageVast(t.relay, t.actor.chair, id);
    const na = validate(t, edit(t.actor.a, 'Na vaststellen'), t.actor.a);
    expect(na.ok).toBe(false);
    expect(na.violations.map((v) => v.code)).toContain('frozen');
    const remove = (() => {
      const d = device(t);
      d.getMap('rapportages').delete(id);
      return pendingUpdate(t, d);
    })();
    expect(validate(t, remove, t.actor.chair).ok).toBe(false);
    const oordeel = (() => {
      const d = device(t);
      (d.getMap('rapportages').get(id) as Y.Map<unknown>).set('koersoordeel', { v: 'op koers', by: t.actor.chair.lidId, p: t.actor.chair.partijId, at: Date.now() });
      return pendingUpdate(t, d);
    })();
    expect(validate(t, oordeel, t.actor.chair).violations.map((v) => v.code)).toContain('frozen');
  });
});

describe('rapportage: the relay’s note that it reached the landelijke tafel', () => {
  it('is written by the relay only, also on a vastgestelde rapportage, and refused to every lid at the gate', () => {
    const h = historie();
    const { t } = h;
    const id = O.startRapportage(t.relay, t.actor.chair, { periode: '2026-H1', peildatumId: h.p1 });
    t.bindings.set(t.relay.clientID, 'systeem');
    const note = { status: 'bezorgd', tafelId: 'landelijk', tafel: 'Landelijke versnellingstafel', op: 5 };
    // Not even the chair, and not while it is a concept either: the rule is relay-only, not the lock.
    expect(() => setFields(t.relay, t.actor.chair, 'rapportages', id, { bezorging: note })).toThrow(O.OwnershipError);
    // Written around the operations, straight into the document: the gate refuses it.
    const schrijf = () => {
      const d = device(t);
      (d.getMap('rapportages').get(id) as Y.Map<unknown>).set('bezorging', { v: note, by: t.actor.chair.lidId, p: t.actor.chair.partijId, at: Date.now() });
      return pendingUpdate(t, d);
    };
    expect(validate(t, schrijf(), t.actor.chair).violations.map((v) => v.code)).toContain('relay-only');
    O.stelRapportageVast(t.relay, t.actor.chair, id);
    expect(validate(t, schrijf(), t.actor.chair).ok).toBe(false);
    expect(M.readRapportage(t.relay, id)!.bezorging).toBeNull();
    expect(markeerBezorging(t.relay, 'rapportages', id, 'geen koppeling', { id: '', naam: '' }, 4)).toBe(true);
    expect(M.readRapportage(t.relay, id)!.bezorging).toEqual({ status: 'geen koppeling', tafelId: '', tafel: '', op: 4 });
    expect(markeerBezorging(t.relay, 'rapportages', id, 'bezorgd', { id: 'landelijk', naam: 'Landelijke versnellingstafel' }, 5)).toBe(true);
    const r = M.readRapportage(t.relay, id)!;
    expect(r.bezorging).toEqual(note);
    expect(r.provenance.bezorging).toEqual(expect.objectContaining({ by: M.RELAY_AUTHOR, at: 5 }));
    expect(markeerBezorging(t.relay, 'rapportages', 'Onbekend00000000', 'bezorgd', { id: 'landelijk', naam: 'L' }, 6)).toBe(false);
  });
});
