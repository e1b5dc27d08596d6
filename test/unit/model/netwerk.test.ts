// The network parts of the model: a regional tafel's landsdeel from its provinces, the rulebook's
// relay-only fields, the plain text of an answer, and what an escalation lets leave the tafel.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actorForLid, ensureRoots, escalatieBericht, landsdeelVan, platteTekst } from '../../../src/model';
import { addLid, addPartij, createProject, escaleer, initTafel, LOCAL_ORIGIN, raiseKnelpunt, setProjectField } from '../../../src/operations';
import { docRuleState } from '../../../src/ownership/ruleState';
import { decide } from '../../../src/ownership/rulebook';

describe('landsdeel of a regional tafel', () => {
  it('follows the provinces, most of them deciding, ties to the first named', () => {
    expect(landsdeelVan(['Gelderland'])).toBe('Oost/Midden');
    expect(landsdeelVan(['Zeeland', 'Noord-Brabant', 'Limburg'])).toBe('Zuid');
    expect(landsdeelVan(['Flevoland', 'Utrecht'])).toBe('Noordwest');
    expect(landsdeelVan([])).toBeNull();
  });
});

describe('relay-only fields', () => {
  const doc = new Y.Doc();
  ensureRoots(doc);
  const chair = actorForLid(doc, initTafel(doc, { naam: 'T', voorzitter: { naam: 'V' } }).lidId)!;
  const k = raiseKnelpunt(doc, chair, { titel: 'K', thema: 'capaciteit' });
  const id = escaleer(doc, chair, { knelpuntId: k, niveau: 'landelijke versnellingstafel', gevraagd: 'x', waarom: 'y' });
  const stored = (v: unknown) => ({ v, by: chair.lidId, p: chair.partijId, at: 1 });

  it('are refused to every lid, the chair too', () => {
    const state = docRuleState(doc);
    for (const key of ['terugmelding', 'bezorging', 'koppelingBeeindigd', 'extern.Abcdefghijklmnop']) {
      expect(decide(state, chair, { op: 'setField', root: 'escalaties', entityId: id, key, stored: stored(1), creating: false })).toEqual(
        expect.objectContaining({ ok: false, code: 'relay-only' }),
      );
    }
    expect(decide(state, chair, { op: 'createEntity', root: 'ontvangenEscalaties', entityId: 'Abcdefghijklmnop' })).toEqual(expect.objectContaining({ code: 'relay-only' }));
    expect(decide(state, chair, { op: 'createEntity', root: 'koppelingen', entityId: 'Abcdefghijklmnop' })).toEqual(expect.objectContaining({ code: 'relay-only' }));
  });

  it('leave the request itself fixed once sent', () => {
    expect(decide(docRuleState(doc), chair, { op: 'setField', root: 'escalaties', entityId: id, key: 'gevraagd', stored: stored('anders'), creating: false })).toEqual(
      expect.objectContaining({ ok: false, code: 'immutable' }),
    );
  });
});

describe('what leaves the tafel with an escalation', () => {
  it('is the knelpunt, the request and only the public part of the chosen projects', () => {
    const doc = new Y.Doc();
    ensureRoots(doc);
    const chair = actorForLid(doc, initTafel(doc, { naam: 'T', voorzitter: { naam: 'V' } }).lidId)!;
    const gemeente = addPartij(doc, chair, { naam: 'Gemeente', bloedgroep: 'overheid' });
    const gert = actorForLid(doc, addLid(doc, chair, { naam: 'G', partijId: gemeente, rol: 'lid' }))!;
    const p = createProject(doc, gert, { naam: 'Kade', publiekEigenaar: gemeente, publiek: { gemeente: 'Stad', planstatus: '2A vastgesteld', woningenSocialeHuur: 12 } });
    setProjectField(doc, gert, p, 'publiekeOpmerkingen', 'openbaar');
    const k = raiseKnelpunt(doc, gert, { titel: 'K', thema: 'rendement', projecten: [p] });
    const id = escaleer(doc, chair, { knelpuntId: k, niveau: 'landelijke versnellingstafel', gevraagd: 'x', waarom: 'y', projecten: [p] });
    const bericht = escalatieBericht(doc, id)!;
    expect(bericht.projecten).toEqual([{ naam: 'Kade', gemeente: 'Stad', planstatus: '2A vastgesteld', woningen: 12 }]);
    expect(Object.keys(bericht).sort()).toEqual(['escalatieId', 'gedeeld', 'gevraagd', 'knelpunt', 'niveau', 'projecten', 'waarom']);
    expect(() => escaleer(doc, chair, { knelpuntId: k, niveau: 'landelijke versnellingstafel', gevraagd: 'x', waarom: 'y', projecten: ['Nietgekoppeld0001'] })).toThrow();
  });
});

describe('the answer as plain text', () => {
  it('keeps one line per block and list items marked', () => {
    const doc = new Y.Doc();
    const f = doc.getXmlFragment('t');
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Eerste alinea')]);
      const list = new Y.XmlElement('bulletList');
      const item = new Y.XmlElement('listItem');
      const ip = new Y.XmlElement('paragraph');
      ip.insert(0, [new Y.XmlText('punt')]);
      item.insert(0, [ip]);
      list.insert(0, [item]);
      f.insert(0, [p, list]);
    }, LOCAL_ORIGIN);
    expect(platteTekst(f)).toBe('Eerste alinea\n- punt');
    expect(platteTekst(undefined)).toBe('');
  });
});
