import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { actorForLid } from '../../../src/model';
import type { ValidationResult } from '../../../src/ownership/validator';
import { describeUpdate } from '../../../src/ownership/validator';
import { device, env, makeTafel, pendingUpdate, rawSet, submit, validate, type Tafel } from './fixture';

function codes(r: ValidationResult): string[] {
  return r.violations.map((v) => v.code);
}

function expectRejected(r: ValidationResult, code: string, pathEnd?: string): void {
  expect(r.ok).toBe(false);
  expect(codes(r)).toContain(code);
  if (pathEnd) expect(r.violations.some((v) => v.path[v.path.length - 1] === pathEnd)).toBe(true);
}

/** Makes a change on a fresh device of `actor` and returns the update it would send. */
function change(t: Tafel, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = device(t);
  edit(doc);
  return pendingUpdate(t, doc);
}

describe('validator: project fields', () => {
  it('rejects a lid of partij B overwriting a public field of A and accepts A doing it', () => {
    const t = makeTafel();
    const forged = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'naam', env(t.actor.b, 'Van B')));
    expectRejected(validate(t, forged, t.actor.b), 'not-owner', 'naam');

    const legit = change(t, (d) => O.setProjectField(d, t.actor.a2, t.projectA, 'naam', 'Stationskwartier-Noord'));
    expect(submit(t, legit, t.actor.a2)).toMatchObject({ ok: true });
    expect(M.readProject(t.relay, t.projectA)?.naam).toBe('Stationskwartier-Noord');
  });

  it('lets the private owner write private fields and opleveringen, nobody else', () => {
    const t = makeTafel();
    expect(submit(t, change(t, (d) => O.setOplevering(d, t.actor.b, t.projectA, 2028, 60)), t.actor.b).ok).toBe(true);
    const byA = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'oplevering.2029', env(t.actor.a, 10)));
    expectRejected(validate(t, byA, t.actor.a), 'not-owner', 'oplevering.2029');
    const byC = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'startBouw', env(t.actor.c, '2028-Q1')));
    expectRejected(validate(t, byC, t.actor.c), 'not-owner', 'startBouw');
  });

  it('rejects B deleting A’s project or removing one of its fields; accepts the public owner deleting it', () => {
    const t = makeTafel();
    const del = change(t, (d) => d.getMap('projecten').delete(t.projectA));
    expectRejected(validate(t, del, t.actor.b), 'not-owner', t.projectA);
    const delField = change(t, (d) => (d.getMap('projecten').get(t.projectA) as Y.Map<unknown>).delete('planstatus'));
    expectRejected(validate(t, delField, t.actor.b), 'not-owner', 'planstatus');
    expect(submit(t, del, t.actor.a).ok).toBe(true);
    expect(M.readProject(t.relay, t.projectA)).toBeUndefined();
  });

  it('rejects a field that is not in the schema, even from the owner', () => {
    const t = makeTafel();
    const extra = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'geheim', env(t.actor.a, 'x')));
    expectRejected(validate(t, extra, t.actor.a), 'unknown-path', 'geheim');
    const nested = change(t, (d) => (d.getMap('projecten').get(t.projectA) as Y.Map<unknown>).set('bijlage', new Y.Map()));
    expect(validate(t, nested, t.actor.a).ok).toBe(false);
  });

  it('guards the owners: only the chair moves the public owner; the public owner assigns the private owner', () => {
    const t = makeTafel();
    const bTakes = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'privaatEigenaar', env(t.actor.b, t.partij.corporatie)));
    expectRejected(validate(t, bTakes, t.actor.b), 'not-owner', 'privaatEigenaar');
    const aMoves = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'publiekEigenaar', env(t.actor.a, t.partij.gemeenteZ)));
    expectRejected(validate(t, aMoves, t.actor.a), 'not-owner', 'publiekEigenaar');
    expect(submit(t, change(t, (d) => O.setPrivaatEigenaar(d, t.actor.a, t.projectA, t.partij.corporatie)), t.actor.a).ok).toBe(true);
    expect(submit(t, change(t, (d) => O.setPubliekEigenaar(d, t.actor.chair, t.projectA, t.partij.gemeenteZ)), t.actor.chair).ok).toBe(true);
    // Now B's private fields are C's, and A's public fields are Z's.
    const bAfter = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'startBouw', env(t.actor.b, '2029-Q1')));
    expectRejected(validate(t, bAfter, t.actor.b), 'not-owner', 'startBouw');
    expect(submit(t, change(t, (d) => O.setProjectField(d, t.actor.z, t.projectA, 'planstatus', 'onherroepelijk')), t.actor.z).ok).toBe(true);
  });

  it('refuses a private owner that is not a corporatie or marktpartij', () => {
    const t = makeTafel();
    const bad = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'privaatEigenaar', env(t.actor.a, t.partij.gemeenteZ)));
    expectRejected(validate(t, bad, t.actor.a), 'bad-reference', 'privaatEigenaar');
  });

  it('creates projects: an overheid lid for its own partij, the chair for any; never a marktpartij', () => {
    const t = makeTafel();
    const own = change(t, (d) => O.createProject(d, t.actor.a, { naam: 'Havenfront', publiekEigenaar: t.partij.gemeenteA }));
    expect(submit(t, own, t.actor.a).ok).toBe(true);
    const forOther = change(t, (d) => {
      const p = new Y.Map<unknown>();
      d.getMap('projecten').set('projectVanZ000001', p);
      p.set('naam', env(t.actor.a, 'Niet van mij'));
      p.set('publiekEigenaar', env(t.actor.a, t.partij.gemeenteZ));
    });
    expectRejected(validate(t, forOther, t.actor.a), 'not-owner', 'publiekEigenaar');
    const byChair = change(t, (d) => O.createProject(d, t.actor.chair, { naam: 'Regioproject', publiekEigenaar: t.partij.gemeenteZ }));
    expect(submit(t, byChair, t.actor.chair).ok).toBe(true);
    const byMarkt = change(t, (d) => {
      const p = new Y.Map<unknown>();
      d.getMap('projecten').set('projectVanB000001', p);
      p.set('naam', env(t.actor.b, 'Eigen plan'));
      p.set('publiekEigenaar', env(t.actor.b, t.partij.gemeenteA));
    });
    expectRejected(validate(t, byMarkt, t.actor.b), 'not-owner');
  });

  it('requires the required fields in the update that creates an entity', () => {
    const t = makeTafel();
    const noName = change(t, (d) => {
      const p = new Y.Map<unknown>();
      d.getMap('projecten').set('projectZonderNaam', p);
      p.set('publiekEigenaar', env(t.actor.a, t.partij.gemeenteA));
    });
    expectRejected(validate(t, noName, t.actor.a), 'missing-required', 'naam');
  });
});

describe('validator: values', () => {
  it('rejects a string where a count belongs, an unknown status and a megabyte name, even in own fields', () => {
    const t = makeTafel();
    const str = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'woningenMiddenhuur', env(t.actor.a, '40')));
    expectRejected(validate(t, str, t.actor.a), 'invalid-value', 'woningenMiddenhuur');
    const neg = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'woningenMiddenhuur', env(t.actor.a, -3)));
    expectRejected(validate(t, neg, t.actor.a), 'invalid-value');
    const status = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'planstatus', env(t.actor.a, 'bijna klaar')));
    expectRejected(validate(t, status, t.actor.a), 'invalid-value', 'planstatus');
    const huge = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'naam', env(t.actor.a, 'x'.repeat(1_000_000))));
    expectRejected(validate(t, huge, t.actor.a), 'invalid-value', 'naam');
    const year = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'oplevering.20027', env(t.actor.b, 5)));
    expectRejected(validate(t, year, t.actor.b), 'unknown-path');
  });

  it('rejects values not wrapped in provenance, and provenance naming someone else', () => {
    const t = makeTafel();
    const bare = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'naam', 'kaal'));
    expectRejected(validate(t, bare, t.actor.a), 'invalid-value', 'naam');
    const asA2 = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'naam', env(t.actor.a2, 'door Arie?')));
    expectRejected(validate(t, asA2, t.actor.a), 'forged-provenance', 'naam');
  });
});

describe('validator: knelpunten, comments, meetings, peildata', () => {
  it('lets only the raiser edit a knelpunt; status also the chair; escalation only the chair', () => {
    const t = makeTafel();
    const byA = change(t, (d) => rawSet(d, 'knelpunten', t.knelpuntB, 'titel', env(t.actor.a, 'Anders')));
    expectRejected(validate(t, byA, t.actor.a), 'not-owner', 'titel');
    expect(submit(t, change(t, (d) => O.editKnelpunt(d, t.actor.b, t.knelpuntB, { beschrijving: 'Wachtrij 3 jaar' })), t.actor.b).ok).toBe(true);
    expect(submit(t, change(t, (d) => O.setKnelpuntStatus(d, t.actor.chair, t.knelpuntB, 'in behandeling')), t.actor.chair).ok).toBe(true);
    const chairTitle = change(t, (d) => rawSet(d, 'knelpunten', t.knelpuntB, 'titel', env(t.actor.chair, 'Voorzitterstitel')));
    expectRejected(validate(t, chairTitle, t.actor.chair), 'not-owner');
    const bEscalates = change(t, (d) => rawSet(d, 'knelpunten', t.knelpuntB, 'escalatie', env(t.actor.b, 'landelijke versnellingstafel')));
    expectRejected(validate(t, bEscalates, t.actor.b), 'not-owner', 'escalatie');
    expect(submit(t, change(t, (d) => O.escalateKnelpunt(d, t.actor.chair, t.knelpuntB, 'landelijke versnellingstafel')), t.actor.chair).ok).toBe(true);
  });

  it('rejects raising a knelpunt in another partij’s name', () => {
    const t = makeTafel();
    const forged = change(t, (d) => {
      const k = new Y.Map<unknown>();
      d.getMap('knelpunten').set('knelpuntNaamVanB', k);
      k.set('ingediendDoor', env(t.actor.a, t.partij.markt));
      k.set('titel', env(t.actor.a, 'Namens B'));
      k.set('thema', env(t.actor.a, 'stikstof'));
      k.set('status', env(t.actor.a, 'gesignaleerd'));
    });
    expectRejected(validate(t, forged, t.actor.a), 'forged-provenance', 'ingediendDoor');
  });

  it('keeps a comment its author’s: no writing in someone else’s name, no editing another’s comment', () => {
    const t = makeTafel();
    let reactie = '';
    expect(submit(t, change(t, (d) => (reactie = O.addReactie(d, t.actor.c, t.knelpuntB, 'Wij herkennen dit'))), t.actor.c).ok).toBe(true);
    const inNameOfC = change(t, (d) => rawSet(d, 'knelpunten', t.knelpuntB, 'reactie.nieuweReactie1', { ...env(t.actor.a, { tekst: 'x' }), by: t.actor.c.lidId }));
    expectRejected(validate(t, inNameOfC, t.actor.a), 'forged-provenance');
    const overwrite = change(t, (d) => rawSet(d, 'knelpunten', t.knelpuntB, `reactie.${reactie}`, env(t.actor.a, { tekst: 'overschreven' })));
    expectRejected(validate(t, overwrite, t.actor.a), 'not-owner');
    const removeOther = change(t, (d) => (d.getMap('knelpunten').get(t.knelpuntB) as Y.Map<unknown>).delete(`reactie.${reactie}`));
    expectRejected(validate(t, removeOther, t.actor.a), 'not-owner');
    expect(submit(t, change(t, (d) => O.editReactie(d, t.actor.c, t.knelpuntB, reactie, 'Aangevuld')), t.actor.c).ok).toBe(true);
    expect(submit(t, change(t, (d) => O.removeReactie(d, t.actor.c, t.knelpuntB, reactie)), t.actor.c).ok).toBe(true);
  });

  it('lets every writing lid type in the notulen and nobody insert foreign elements', () => {
    const t = makeTafel();
    const typed = change(t, (d) => {
      const notes = O.richText(d, 'vergaderingen', t.vergadering, 'notulen')!;
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Afgesproken: ')]);
      notes.insert(0, [p]);
      (p.get(0) as Y.XmlText).format(0, 5, { bold: true });
    });
    expect(submit(t, typed, t.actor.b).ok).toBe(true);
    const more = change(t, (d) => {
      const p = O.richText(d, 'vergaderingen', t.vergadering, 'notulen')!.get(0) as Y.XmlElement;
      (p.get(0) as Y.XmlText).insert(13, 'netcongestie agenderen');
    });
    expect(submit(t, more, t.actor.c).ok).toBe(true);
    const script = change(t, (d) => O.richText(d, 'vergaderingen', t.vergadering, 'notulen')!.insert(0, [new Y.XmlElement('script')]));
    expectRejected(validate(t, script, t.actor.a), 'unsupported-content');
    const byGuest = change(t, (d) => O.richText(d, 'vergaderingen', t.vergadering, 'notulen')!.insert(0, [new Y.XmlText('gast')]));
    expectRejected(validate(t, byGuest, t.actor.gast), 'read-only');
  });

  it('only the chair fixes the agenda; any partij proposes; the proposer edits the toelichting', () => {
    const t = makeTafel();
    let item = '';
    expect(submit(t, change(t, (d) => (item = O.proposeAgendapunt(d, t.actor.b, { vergaderingId: t.vergadering, titel: 'Netcongestie' }))), t.actor.b).ok).toBe(true);
    const order = change(t, (d) => rawSet(d, 'vergaderingen', t.vergadering, 'agendaVolgorde', env(t.actor.b, [item])));
    expectRejected(validate(t, order, t.actor.b), 'not-owner', 'agendaVolgorde');
    expect(submit(t, change(t, (d) => O.ordenAgenda(d, t.actor.chair, t.vergadering, [item], true)), t.actor.chair).ok).toBe(true);
    const toelichtingByA = change(t, (d) => O.richText(d, 'agendapunten', item, 'toelichting')!.insert(0, [new Y.XmlText('A schrijft')]));
    expectRejected(validate(t, toelichtingByA, t.actor.a), 'not-owner', 'toelichting');
    const toelichtingByB = change(t, (d) => O.richText(d, 'agendapunten', item, 'toelichting')!.insert(0, [new Y.XmlText('B licht toe')]));
    expect(submit(t, toelichtingByB, t.actor.b).ok).toBe(true);
  });

  it('never lets anyone change or delete a frozen peildatum', () => {
    const t = makeTafel();
    let peil = '';
    expect(submit(t, change(t, (d) => (peil = O.freezePeildatum(d, t.actor.chair, '2027-01-01'))), t.actor.chair).ok).toBe(true);
    const overwrite = change(t, (d) => rawSet(d, 'peildata', null, peil, env(t.actor.chair, { datum: '2027-01-01', projecten: {} })));
    expectRejected(validate(t, overwrite, t.actor.chair), 'frozen');
    const del = change(t, (d) => d.getMap('peildata').delete(peil));
    expectRejected(validate(t, del, t.actor.chair), 'frozen');
    const byA = change(t, (d) => O.freezePeildatum(d, t.actor.chair, '2027-04-01'));
    expectRejected(validate(t, byA, t.actor.a), 'not-owner');
  });

  it('lets only the chair manage leden and partijen', () => {
    const t = makeTafel();
    const promote = change(t, (d) => rawSet(d, 'leden', t.actor.b.lidId, 'rol', env(t.actor.b, 'voorzitter')));
    expectRejected(validate(t, promote, t.actor.b), 'not-owner', 'rol');
    expect(submit(t, change(t, (d) => O.editLid(d, t.actor.chair, t.actor.b.lidId, { rol: 'gast' })), t.actor.chair).ok).toBe(true);
    // B is a gast now: B's own private fields are read-only for B.
    const bNow = actorForLid(t.relay, t.actor.b.lidId)!;
    const write = change(t, (d) => rawSet(d, 'projecten', t.projectA, 'startBouw', env(bNow, '2030-Q1')));
    expectRejected(validate(t, write, bNow), 'read-only');
  });
});

describe('validator: readers, identity and malformed input', () => {
  it('lets gasten and adviseurs write nothing, and unknown leden nothing at all', () => {
    const t = makeTafel();
    const k = change(t, (d) => O.raiseKnelpunt(d, t.actor.b, { titel: 'x', thema: 'capaciteit' }));
    expectRejected(validate(t, k, t.actor.gast), 'read-only');
    expectRejected(validate(t, k, t.actor.adviseur), 'read-only');
    expectRejected(validate(t, k, undefined), 'not-a-member');
  });

  it('accepts empty updates (a reader syncing)', () => {
    const t = makeTafel();
    const doc = device(t);
    expect(validate(t, pendingUpdate(t, doc), t.actor.gast).ok).toBe(true);
    expect(validate(t, Y.encodeStateAsUpdate(new Y.Doc()), t.actor.gast).ok).toBe(true);
  });

  it('binds a clientID to the first lid that uses it: B cannot reuse A’s clientID', () => {
    const t = makeTafel();
    const docA = device(t);
    O.setProjectField(docA, t.actor.a, t.projectA, 'locatie', 'Spoorzone');
    expect(submit(t, pendingUpdate(t, docA), t.actor.a).ok).toBe(true);
    // B forges an item at A's next clock, hoping to swallow A's next edit.
    const forged = device(t);
    forged.clientID = docA.clientID;
    rawSet(forged, 'knelpunten', t.knelpuntB, 'beschrijving', env(t.actor.b, 'gesmokkeld'));
    expectRejected(validate(t, pendingUpdate(t, forged), t.actor.b), 'client-id-taken');
    // A's own next edit still goes through.
    O.setProjectField(docA, t.actor.a, t.projectA, 'locatie', 'Spoorzone-West');
    expect(submit(t, pendingUpdate(t, docA), t.actor.a).ok).toBe(true);
  });

  it('rejects an update with missing dependencies', () => {
    const t = makeTafel();
    const docB = device(t);
    O.setProjectField(docB, t.actor.b, t.projectA, 'startBouw', '2028-Q1');
    const sv = Y.encodeStateVector(docB);
    O.setProjectField(docB, t.actor.b, t.projectA, 'startVerkoop', '2028-Q3');
    const second = Y.encodeStateAsUpdate(docB, sv);
    expectRejected(validate(t, second, t.actor.b), 'missing-dependency');
  });

  it('rejects random and truncated bytes without throwing', () => {
    const t = makeTafel();
    const good = change(t, (d) => O.setOplevering(d, t.actor.b, t.projectA, 2027, 30));
    for (let cut = 1; cut < good.length; cut += Math.max(1, Math.floor(good.length / 25))) {
      expect(validate(t, good.slice(0, cut), t.actor.b).ok).toBe(false);
    }
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256));
      const r = validate(t, bytes, t.actor.b);
      if (r.ok) expect(Y.decodeUpdate(bytes).structs.length).toBe(0);
    }
  });

  it('rejects roots outside the schema and edits inside removed entities', () => {
    const t = makeTafel();
    const other = change(t, (d) => d.getMap('geheim').set('x', 1));
    expectRejected(validate(t, other, t.actor.a), 'unknown-path');
    const stale = device(t);
    expect(submit(t, change(t, (d) => O.removeProject(d, t.actor.a, t.projectA)), t.actor.a).ok).toBe(true);
    rawSet(stale, 'projecten', t.projectA, 'startBouw', env(t.actor.b, '2031-Q1'));
    expect(validate(t, pendingUpdate(t, stale), t.actor.b).ok).toBe(false);
  });
});

describe('describeUpdate', () => {
  it('lists the writes of an update with their paths, for the client’s recovery', () => {
    const t = makeTafel();
    const u = change(t, (d) => {
      O.setProjectFields(d, t.actor.b, t.projectA, { startBouw: '2028-Q4', financieleHaalbaarheid: 'onzeker' });
      O.setOplevering(d, t.actor.b, t.projectA, 2029, 12);
    });
    const { writes } = describeUpdate(t.relay, u);
    expect(writes.map((w) => ('key' in w ? w.key : w.op)).sort()).toEqual(['financieleHaalbaarheid', 'oplevering.2029', 'startBouw']);
    expect(writes.every((w) => w.op === 'setField' && w.entityId === t.projectA)).toBe(true);
  });
});
