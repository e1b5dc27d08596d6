import { describe, expect, it } from 'vitest';
import * as O from '../../../../src/operations';
import * as RuleState from '../../../../src/ownership/ruleState';
import { ownerText } from '../../../../src/ui/components/ownerText';
import { fieldOwner } from '../../../../src/ownership/rulebook';
import { readNamen } from '../../../../src/ui/tafel/useNamen';
import { makeUiTafel } from '../tafelFixture';

describe('who owns a field', () => {
  it('names the public owner for public fields and the private owner for private fields and opleveringen', () => {
    const { doc, project, partij } = makeUiTafel();
    const s = RuleState.docRuleState(doc);
    expect(fieldOwner(s, 'projecten', project, 'naam')).toEqual({ kind: 'partij', partijId: partij.gemeente, orChair: false });
    expect(fieldOwner(s, 'projecten', project, 'startBouw')).toEqual({ kind: 'partij', partijId: partij.markt, orChair: false });
    expect(fieldOwner(s, 'projecten', project, 'oplevering.2031')).toEqual({ kind: 'partij', partijId: partij.markt, orChair: false });
    expect(fieldOwner(s, 'projecten', project, 'privaatEigenaar')).toEqual({ kind: 'partij', partijId: partij.gemeente, orChair: true });
    expect(fieldOwner(s, 'projecten', project, 'publiekEigenaar')).toEqual({ kind: 'chair' });
    expect(ownerText(fieldOwner(s, 'projecten', project, 'startBouw'), readNamen(doc))).toBe('Bouwbedrijf Horizon');
    expect(ownerText(fieldOwner(s, 'projecten', project, 'privaatEigenaar'), readNamen(doc))).toBe('Gemeente Zwolle of de voorzitter of secretaris');
  });

  it('says a private field has no owner yet when no developer is assigned, and follows a new assignment', () => {
    const { doc, project, actor, partij } = makeUiTafel();
    O.setPrivaatEigenaar(doc, actor.gemeente, project, null);
    const owner = fieldOwner(RuleState.docRuleState(doc), 'projecten', project, 'bouwstatus');
    expect(owner).toEqual({ kind: 'partij', partijId: null, orChair: false });
    expect(ownerText(owner, readNamen(doc))).toBe('nog geen eigenaar');
    O.setPrivaatEigenaar(doc, actor.gemeente, project, partij.corporatie);
    expect(ownerText(fieldOwner(RuleState.docRuleState(doc), 'projecten', project, 'bouwstatus'), readNamen(doc))).toBe('Woonstichting Thuis');
  });

  it('covers knelpunten, tafel settings, comments and notes', () => {
    const { doc, actor, partij } = makeUiTafel();
    const k = O.raiseKnelpunt(doc, actor.markt, { titel: 'Netcongestie', thema: 'energietransitie' });
    const s = RuleState.docRuleState(doc);
    expect(fieldOwner(s, 'knelpunten', k, 'titel')).toEqual({ kind: 'partij', partijId: partij.markt, orChair: false });
    expect(fieldOwner(s, 'knelpunten', k, 'status')).toEqual({ kind: 'partij', partijId: partij.markt, orChair: true });
    expect(fieldOwner(s, 'knelpunten', k, 'escalatie')).toEqual({ kind: 'chair' });
    expect(fieldOwner(s, 'knelpunten', k, 'reactie.abcdefgh')).toEqual({ kind: 'auteur' });
    expect(fieldOwner(s, 'tafel', null, 'naam')).toEqual({ kind: 'chair' });
    expect(fieldOwner(s, 'tafel', null, 'schemaVersion')).toEqual({ kind: 'system' });
    const v = O.planVergadering(doc, actor.chair, { titel: 'Q1', datum: '2027-01-10' });
    expect(fieldOwner(RuleState.docRuleState(doc), 'vergaderingen', v, 'notulen')).toEqual({ kind: 'iedereen' });
  });
});
