// "Verwijderen" on the leden screen: offered to the chair for every lid but their own, to nobody
// else; the decision itself and the screen as each lid sees it.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as RuleState from '../../../../src/ownership/ruleState';
import LedenScreen from '../../../../src/ui/screens/leden/LedenScreen';
import { mayOfferRemove } from '../../../../src/ui/screens/leden/ledenView';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel, renderAs } from '../tafelFixture';

const verwijderKnoppen = (html: string) => [...html.matchAll(/aria-label="Verwijderen: ([^"]+)"/g)].map((m) => m[1]).sort();

const render = (t: ReturnType<typeof makeUiTafel>, lidId: string) => renderAs(t.doc, lidId, <LedenScreen />);

describe('removing a lid: who is offered it', () => {
  it('offers it to the chair for other leden, never for the chair’s own lid', () => {
    const t = makeUiTafel();
    const state = RuleState.docRuleState(t.doc);
    expect(mayOfferRemove(state, t.actor.chair, t.actor.gemeente.lidId)).toBe(true);
    expect(mayOfferRemove(state, t.actor.chair, t.actor.gast.lidId)).toBe(true);
    expect(mayOfferRemove(state, t.actor.chair, t.actor.chair.lidId)).toBe(false);
  });

  it('offers it to nobody else, and not without a lid', () => {
    const t = makeUiTafel();
    const state = RuleState.docRuleState(t.doc);
    expect(mayOfferRemove(state, t.actor.gemeente, t.actor.markt.lidId)).toBe(false);
    expect(mayOfferRemove(state, t.actor.markt, t.actor.markt.lidId)).toBe(false);
    expect(mayOfferRemove(state, t.actor.gast, t.actor.gemeente.lidId)).toBe(false);
    expect(mayOfferRemove(state, null, t.actor.gemeente.lidId)).toBe(false);
  });

  it('shows the button on the chair’s screen for every other lid, and on nobody else’s screen', () => {
    const t = makeUiTafel();
    const anderen = M.readLeden(t.doc)
      .filter((l) => l.id !== t.actor.chair.lidId)
      .map((l) => l.naam)
      .sort();
    expect(anderen.length).toBeGreaterThan(0);
    expect(verwijderKnoppen(render(t, t.actor.chair.lidId))).toEqual(anderen);
    expect(verwijderKnoppen(render(t, t.actor.gemeente.lidId))).toEqual([]);
    expect(render(t, t.actor.gemeente.lidId)).not.toContain(`>${strings.leden.verwijderen}<`);
  });
});
