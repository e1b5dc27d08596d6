// Issue 11, cases 1 and 2: what a rightful owner does in one offline period reaches the relay as
// one update, and the gate judges what that update does to the document as a whole. Each case
// runs with a device that collects garbage (the fixture's, like a stock Yjs client: overwritten
// values arrive as deleted items without content) and one that keeps it (the app's session
// documents: overwritten values arrive with their content, and Yjs merges runs of them).

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { device, env, makeTafel, pendingUpdate, rawSet, submit, validate, type Tafel } from './fixture';

/** A device's copy of the relay's document; `gc: false` as the app's sessions keep it. */
function deviceWith(t: Tafel, gc: boolean): Y.Doc {
  if (gc) return device(t);
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.relay));
  return doc;
}

describe.each([
  ['a device that collects garbage (fixture)', true],
  ['a device that keeps deleted content (app session)', false],
])('one offline period, %s', (_name, gc) => {
  it('case 1: a required field set twice (and three times) offline by its owner is accepted', () => {
    const t = makeTafel();
    const doc = deviceWith(t, gc);
    O.setProjectField(doc, t.actor.a, t.projectA, 'naam', 'Stationskwartier Oost');
    O.setProjectField(doc, t.actor.a, t.projectA, 'naam', 'Stationskwartier-Oost');
    expect(validate(t, pendingUpdate(t, doc), t.actor.a).violations).toEqual([]);
    O.setProjectField(doc, t.actor.a, t.projectA, 'naam', 'Stationskwartier Oost (fase 1)');
    O.setProjectField(doc, t.actor.a, t.projectA, 'planstatus', '3 in voorbereiding');
    O.setProjectField(doc, t.actor.a, t.projectA, 'planstatus', '2A vastgesteld');
    expect(submit(t, pendingUpdate(t, doc), t.actor.a).violations).toEqual([]);
    expect(M.readProject(t.relay, t.projectA)?.naam).toBe('Stationskwartier Oost (fase 1)');
  });

  it('case 1: a knelpunt’s titel and an afspraak’s status edited twice offline are accepted', () => {
    const t = makeTafel();
    const afspraak = O.recordAfspraak(t.relay, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.markt });
    const doc = deviceWith(t, gc);
    O.editKnelpunt(doc, t.actor.b, t.knelpuntB, { titel: 'Netcongestie station' });
    O.editKnelpunt(doc, t.actor.b, t.knelpuntB, { titel: 'Netcongestie stationsgebied' });
    O.updateAfspraak(doc, t.actor.b, afspraak, { status: 'in uitvoering' });
    O.updateAfspraak(doc, t.actor.b, afspraak, { status: 'afgerond' });
    expect(submit(t, pendingUpdate(t, doc), t.actor.b).violations).toEqual([]);
    expect(M.readKnelpunt(t.relay, t.knelpuntB)?.titel).toBe('Netcongestie stationsgebied');
  });

  it('case 1: a field of an entity created offline, edited again before reconnecting, is accepted', () => {
    const t = makeTafel();
    const doc = deviceWith(t, gc);
    const p = O.createProject(doc, t.actor.a, { naam: 'Eerst', publiekEigenaar: t.partij.gemeenteA });
    O.setProjectField(doc, t.actor.a, p, 'naam', 'Daarna');
    O.setProjectField(doc, t.actor.a, p, 'naam', 'Uiteindelijk');
    expect(submit(t, pendingUpdate(t, doc), t.actor.a).violations).toEqual([]);
    expect(M.readProject(t.relay, p)?.naam).toBe('Uiteindelijk');
  });

  it('case 2: a project created and removed offline by the gemeente is accepted', () => {
    const t = makeTafel();
    const doc = deviceWith(t, gc);
    const p = O.createProject(doc, t.actor.a, { naam: 'Toch niet', publiekEigenaar: t.partij.gemeenteA });
    O.setProjectField(doc, t.actor.a, p, 'locatie', 'Achter het station');
    O.removeProject(doc, t.actor.a, p);
    expect(submit(t, pendingUpdate(t, doc), t.actor.a).violations).toEqual([]);
    expect(M.readProject(t.relay, p)).toBeUndefined();
  });

  it('case 2: an agendapunt proposed and withdrawn offline by its proposer is accepted', () => {
    const t = makeTafel();
    const doc = deviceWith(t, gc);
    const a = O.proposeAgendapunt(doc, t.actor.b, { vergaderingId: t.vergadering, titel: 'Netcongestie bespreken' });
    O.removeAgendapunt(doc, t.actor.b, a);
    expect(submit(t, pendingUpdate(t, doc), t.actor.b).violations).toEqual([]);
    expect(t.relay.getMap('agendapunten').has(a)).toBe(false);
  });

  it('accepts two leden of one partij who both edited the same required field offline, and converges', () => {
    const t = makeTafel();
    const anna = deviceWith(t, gc);
    const arie = deviceWith(t, gc);
    O.setProjectField(anna, t.actor.a, t.projectA, 'naam', 'Anna 1');
    O.setProjectField(anna, t.actor.a, t.projectA, 'naam', 'Anna 2');
    O.setProjectField(arie, t.actor.a2, t.projectA, 'naam', 'Arie 1');
    O.setProjectField(arie, t.actor.a2, t.projectA, 'naam', 'Arie 2');
    O.setProjectField(arie, t.actor.a2, t.projectA, 'naam', 'Arie 3');
    expect(submit(t, pendingUpdate(t, anna), t.actor.a).violations).toEqual([]);
    expect(submit(t, pendingUpdate(t, arie), t.actor.a2).violations).toEqual([]);
    for (const doc of [anna, arie]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.relay, Y.encodeStateVector(doc)));
    const naam = M.readProject(t.relay, t.projectA)?.naam;
    expect(['Anna 2', 'Arie 3']).toContain(naam);
    expect(M.readProject(anna, t.projectA)?.naam).toBe(naam);
    expect(M.readProject(arie, t.projectA)?.naam).toBe(naam);
  });

  it('still refuses the net effects nobody may cause', () => {
    const t = makeTafel();
    // Setting a required field and then removing it leaves it removed.
    let doc = deviceWith(t, gc);
    O.setProjectField(doc, t.actor.a, t.projectA, 'naam', 'Nieuw');
    (doc.getMap('projecten').get(t.projectA) as Y.Map<unknown>).delete('naam');
    expect(validate(t, pendingUpdate(t, doc), t.actor.a).violations.map((v) => v.code)).toContain('missing-required');
    // A project created without its name, or with its name removed before sending.
    doc = deviceWith(t, gc);
    const p = O.createProject(doc, t.actor.a, { naam: 'Even', publiekEigenaar: t.partij.gemeenteA });
    (doc.getMap('projecten').get(p) as Y.Map<unknown>).delete('naam');
    expect(validate(t, pendingUpdate(t, doc), t.actor.a).violations.map((v) => v.code)).toContain('missing-required');
    // Another partij's field written twice is still not theirs.
    doc = deviceWith(t, gc);
    rawSet(doc, 'projecten', t.projectA, 'naam', env(t.actor.b, 'Van B'));
    rawSet(doc, 'projecten', t.projectA, 'naam', env(t.actor.b, 'Van B, echt'));
    expect(validate(t, pendingUpdate(t, doc), t.actor.b).violations.map((v) => v.code)).toContain('not-owner');
    // A project created by the gemeente cannot be removed by a marktpartij in the same update as
    // it removes A's project.
    doc = deviceWith(t, gc);
    doc.getMap('projecten').delete(t.projectA);
    expect(validate(t, pendingUpdate(t, doc), t.actor.b).violations.map((v) => v.code)).toContain('not-owner');
  });
});
