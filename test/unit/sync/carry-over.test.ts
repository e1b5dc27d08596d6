// Carrying local changes over to a rebuilt document, without a relay: the relay's state is a
// second Y.Doc that took other changes meanwhile.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readKnelpunten, readProject } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import {
  addLid,
  addPartij,
  createProject,
  initTafel,
  planVergadering,
  proposeAgendapunt,
  raiseKnelpunt,
  richText,
  setPrivaatEigenaar,
  setProjectField,
} from '../../../src/operations';
import { type Actor } from '../../../src/ownership/rulebook';
import { carryOver, plainText } from '../../../src/sync/carry-over';
import { conflictReasonText, conflictSubjectText } from '../../../src/ui/codeText';

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function world() {
  const relay = new Y.Doc();
  const { lidId: chairId } = initTafel(relay, { naam: 'Testtafel', voorzitter: { naam: 'Vera' } });
  const chair = actorForLid(relay, chairId)!;
  const gemeente = addPartij(relay, chair, { naam: 'Gemeente', bloedgroep: 'overheid' });
  const b = addPartij(relay, chair, { naam: 'Bouwbedrijf B', bloedgroep: 'markt' });
  const c = addPartij(relay, chair, { naam: 'Ontwikkelaar C', bloedgroep: 'markt' });
  const bea = addLid(relay, chair, { naam: 'Bea', partijId: b, rol: 'lid' });
  const cees = addLid(relay, chair, { naam: 'Cees', partijId: c, rol: 'lid' });
  const parkzicht = createProject(relay, chair, { naam: 'Parkzicht', publiekEigenaar: gemeente, privaatEigenaar: b });
  const haven = createProject(relay, chair, { naam: 'Havenkwartier', publiekEigenaar: gemeente, privaatEigenaar: b });
  const vergadering = planVergadering(relay, chair, { titel: 'Overleg', datum: '2027-03-01' });
  return { relay, chair, bea, cees, b, c, parkzicht, haven, vergadering };
}

const opts = (lidId: string, strict = false) => ({ tafelId: 't1', lidId, strict, now: 1_800_000_000_000 });

describe('carryOver', () => {
  it('re-applies permitted changes and puts refused ones in the inbox with the value in force', () => {
    const w = world();
    const tablet = copyOf(w.relay);
    const bea: Actor = actorForLid(tablet, w.bea)!;
    setProjectField(tablet, bea, w.parkzicht, 'startBouw', '2027-Q3');
    setProjectField(tablet, bea, w.haven, 'bouwstatus', 'in aanbouw');
    const knelpunt = raiseKnelpunt(tablet, bea, { titel: 'Netcongestie', thema: 'energietransitie' });

    setPrivaatEigenaar(w.relay, w.chair, w.parkzicht, w.c);
    setProjectField(w.relay, actorForLid(w.relay, w.cees)!, w.parkzicht, 'startBouw', '2028-Q1');
    const fresh = copyOf(w.relay);

    const result = carryOver(tablet, fresh, opts(w.bea));
    expect(result.reapplied).toBe(2);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      path: ['projecten', w.parkzicht, 'startBouw'],
      enteredValue: '2027-Q3',
      currentValue: '2028-Q1',
      tafelId: 't1',
    });
    expect(conflictSubjectText(result.conflicts[0]!.subject)).toBe('Project “Parkzicht”: Start bouw');
    expect(readProject(fresh, w.parkzicht)?.startBouw).toBe('2028-Q1');
    expect(readProject(fresh, w.haven)?.bouwstatus).toBe('in aanbouw');
    // The knelpunt keeps its id, so whatever refers to it still fits.
    expect(readKnelpunten(fresh).map((k) => k.id)).toEqual([knelpunt]);
    expect(readProject(fresh, w.haven)?.provenance.bouwstatus?.by).toBe(w.bea);
  });

  for (const clientID of [1, 2 ** 31 - 1]) {
    it(`keeps the entered value when the relay's concurrent write arrived first (clientID ${clientID})`, () => {
      // A session document keeps deleted content (gc off), as src/sync/session.ts makes it.
      const w = world();
      const tablet = new Y.Doc({ gc: false });
      tablet.clientID = clientID;
      Y.applyUpdate(tablet, Y.encodeStateAsUpdate(w.relay));
      setProjectField(tablet, actorForLid(tablet, w.bea)!, w.parkzicht, 'startBouw', '2027-Q3');
      setPrivaatEigenaar(w.relay, w.chair, w.parkzicht, w.c);
      setProjectField(w.relay, actorForLid(w.relay, w.cees)!, w.parkzicht, 'startBouw', '2028-Q1');
      // On reconnecting, the relay's changes reach the tablet before the rejection does.
      Y.applyUpdate(tablet, Y.encodeStateAsUpdate(w.relay));

      const result = carryOver(tablet, copyOf(w.relay), opts(w.bea));
      expect(result.reapplied).toBe(0);
      expect(result.conflicts).toHaveLength(1);
      expect(result.conflicts[0]).toMatchObject({ enteredValue: '2027-Q3', currentValue: '2028-Q1' });
      expect(conflictReasonText(result.conflicts[0]!.cause)).toMatch(/niet van uw partij/);
    });
  }

  it('is idempotent: carrying the same changes over twice adds nothing and gives the same conflict ids', () => {
    const w = world();
    const tablet = copyOf(w.relay);
    const bea = actorForLid(tablet, w.bea)!;
    setProjectField(tablet, bea, w.parkzicht, 'startBouw', '2027-Q3');
    raiseKnelpunt(tablet, bea, { titel: 'Stikstof', thema: 'stikstof' });
    setPrivaatEigenaar(w.relay, w.chair, w.parkzicht, w.c);
    const fresh = copyOf(w.relay);
    const first = carryOver(tablet, fresh, opts(w.bea));
    const second = carryOver(tablet, fresh, opts(w.bea));
    expect(first.reapplied).toBe(1);
    expect(second.reapplied).toBe(0);
    expect(second.conflicts.map((c) => c.id)).toEqual(first.conflicts.map((c) => c.id));
    expect(readKnelpunten(fresh)).toHaveLength(1);
  });

  it('re-applies nothing in strict mode and refuses everything for a removed lid', () => {
    const w = world();
    const tablet = copyOf(w.relay);
    setProjectField(tablet, actorForLid(tablet, w.bea)!, w.haven, 'bouwstatus', 'in aanbouw');
    const strict = carryOver(tablet, copyOf(w.relay), opts(w.bea, true));
    expect(strict.reapplied).toBe(0);
    expect(strict.conflicts.map((c) => c.enteredValue)).toEqual(['in aanbouw']);

    const removed = copyOf(w.relay);
    removed.getMap('leden').delete(w.bea);
    const result = carryOver(tablet, removed, opts(w.bea));
    expect(result.reapplied).toBe(0);
    expect(conflictReasonText(result.conflicts[0]!.cause)).toMatch(/partij/);
  });

  function paragraph(text: string, bold?: string): Y.XmlElement {
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText(text);
    p.insert(0, [t]);
    if (bold) t.insert(text.length, bold, { bold: true });
    return p;
  }

  it('carries rich-text edits over under the fresh clientID when nobody else edited the text', () => {
    const w = world();
    const base = richText(w.relay, 'vergaderingen', w.vergadering, 'notulen')!;
    base.insert(0, [paragraph('Opening door de voorzitter.')]);
    const tablet = new Y.Doc({ gc: false });
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(w.relay));
    const notulen = richText(tablet, 'vergaderingen', w.vergadering, 'notulen')!;
    // Offline: a new paragraph with bold text, a word added to and one removed from the known one.
    notulen.insert(1, [paragraph('Besloten: start bouw in 2027. ', 'Actie: gemeente.')]);
    const known = (notulen.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    known.insert(0, 'Korte ');
    known.delete(known.length - 'voorzitter.'.length, 'voorzitter.'.length);
    known.insert(known.length, 'secretaris.');
    const agendapunt = proposeAgendapunt(tablet, actorForLid(tablet, w.bea)!, { vergaderingId: w.vergadering, titel: 'Netcongestie' });
    richText(tablet, 'agendapunten', agendapunt, 'toelichting')!.insert(0, [paragraph('Wachttijd 18 maanden.')]);

    const fresh = new Y.Doc({ gc: false });
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(w.relay));
    const clientID = fresh.clientID;
    const local: boolean[] = [];
    fresh.on('afterTransaction', (tr: Y.Transaction) => local.push(tr.local));
    const result = carryOver(tablet, fresh, opts(w.bea));
    expect(result.conflicts).toEqual([]);
    // One local transaction, and the document keeps its clientID (Yjs changes it after a remote
    // update that carries its own id, which would break presence and the pending count).
    expect(local).toEqual([true]);
    expect(fresh.clientID).toBe(clientID);
    const carried = richText(fresh, 'vergaderingen', w.vergadering, 'notulen')!;
    expect(carried.toJSON()).toBe(notulen.toJSON());
    expect(plainText(carried)).toBe('Korte Opening door de secretaris.\nBesloten: start bouw in 2027. Actie: gemeente.');
    expect(plainText(richText(fresh, 'agendapunten', agendapunt, 'toelichting')!)).toBe('Wachttijd 18 maanden.');
    // Nothing of the old clientID is in the fresh document: the relay can take all of it.
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh)).has(tablet.clientID)).toBe(false);
    const relayCopy = copyOf(w.relay);
    Y.applyUpdate(relayCopy, Y.encodeStateAsUpdate(fresh, Y.encodeStateVector(relayCopy)));
    expect(relayCopy.store.pendingStructs).toBeNull();
    expect(plainText(richText(relayCopy, 'vergaderingen', w.vergadering, 'notulen')!)).toBe(plainText(carried));
  });

  it('keeps local text in the inbox when someone else edited the same text meanwhile', () => {
    const w = world();
    const tablet = new Y.Doc({ gc: false });
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(w.relay));
    richText(tablet, 'vergaderingen', w.vergadering, 'notulen')!.insert(0, [paragraph('Besloten: start bouw in 2027.')]);
    richText(w.relay, 'vergaderingen', w.vergadering, 'notulen')!.insert(0, [paragraph('Notitie van de secretaris.')]);
    const fresh = copyOf(w.relay);
    const result = carryOver(tablet, fresh, opts(w.bea));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      path: ['vergaderingen', w.vergadering, 'notulen'],
      enteredValue: 'Besloten: start bouw in 2027.',
      currentValue: 'Notitie van de secretaris.',
    });
    expect(plainText(richText(fresh, 'vergaderingen', w.vergadering, 'notulen')!)).toBe('Notitie van de secretaris.');
  });

  it('finds nothing to do when the local copy has nothing the relay lacks', () => {
    const w = world();
    const result = carryOver(copyOf(w.relay), copyOf(w.relay), opts(w.bea));
    expect(result).toEqual({ reapplied: 0, conflicts: [] });
  });
});
