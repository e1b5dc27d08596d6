// What each lid is offered in the meeting room, rendered inside a real TafelProvider: the
// escalation ladder, the board's status menu and an afspraak, for the chair, the raising or
// assigned partij, another partij and a gast.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { EscalatieLadder } from '../../../../src/ui/screens/knelpunten/EscalatieLadder';
import { KnelpuntKaart } from '../../../../src/ui/screens/knelpunten/KnelpuntKaart';
import { AfspraakItem } from '../../../../src/ui/screens/vergaderingen/AfspraakItem';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel, renderAs, text } from '../tafelFixture';

const count = (html: string, what: RegExp) => (html.match(what) ?? []).length;

function metKnelpunt() {
  const t = makeUiTafel();
  const id = O.raiseKnelpunt(t.doc, t.actor.gemeente, { titel: 'Parkeernorm te hoog', thema: 'mobiliteit', projecten: [t.project] });
  return { t, knelpunt: () => M.readKnelpunt(t.doc, id)! };
}

describe('escalation ladder', () => {
  it('gives the chair a button for every other rung', () => {
    const { t, knelpunt } = metKnelpunt();
    const html = renderAs(t.doc, t.actor.chair.lidId, <EscalatieLadder knelpunt={knelpunt()} />);
    expect(count(html, /<button/g)).toBe(3);
    expect(html).toContain(`aria-label="${strings.knelpunt.escaleerNaar('Expertteam Woningbouw')}"`);
    expect(html).toContain('aria-current="step"');
    expect(text(html)).not.toContain(strings.knelpunt.alleenVoorzitterEscaleert);
  });

  it('shows the ladder, but no buttons, to the raising partij and says who decides', () => {
    const { t, knelpunt } = metKnelpunt();
    for (const lid of [t.actor.gemeente, t.actor.markt, t.actor.gast]) {
      const html = renderAs(t.doc, lid.lidId, <EscalatieLadder knelpunt={knelpunt()} />);
      expect(count(html, /<button/g)).toBe(0);
      expect(count(html, /<li /g)).toBe(4);
      expect(text(html)).toContain(strings.knelpunt.alleenVoorzitterEscaleert);
    }
  });
});

describe('knelpunt card on the board', () => {
  it('has a status menu for the raising partij and the chair only', () => {
    const { t, knelpunt } = metKnelpunt();
    const menu = (lidId: string) => count(renderAs(t.doc, lidId, <KnelpuntKaart knelpunt={knelpunt()} metStatusKeuze />), /<select/g);
    expect(menu(t.actor.gemeente.lidId)).toBe(1);
    expect(menu(t.actor.chair.lidId)).toBe(1);
    expect(menu(t.actor.markt.lidId)).toBe(0);
    expect(menu(t.actor.gast.lidId)).toBe(0);
  });
});

describe('afspraak', () => {
  function metAfspraak() {
    const t = makeUiTafel();
    const id = O.recordAfspraak(t.doc, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.corporatie, deadline: '2027-01-15' });
    return { t, afspraak: () => M.readAfspraak(t.doc, id)! };
  }

  it('lets the assigned partij update status and voortgang, not what was agreed', () => {
    const { t, afspraak } = metAfspraak();
    const html = renderAs(t.doc, t.actor.corporatie.lidId, <AfspraakItem afspraak={afspraak()} />);
    expect(count(html, /<select/g)).toBe(1);
    expect(count(html, /<textarea/g)).toBe(1);
    expect(text(html)).not.toContain(strings.afspraken.wijzigen);
  });

  it('locks it for another partij, naming the assigned partij', () => {
    const { t, afspraak } = metAfspraak();
    const html = renderAs(t.doc, t.actor.gemeente.lidId, <AfspraakItem afspraak={afspraak()} />);
    expect(count(html, /<select|<textarea|<input/g)).toBe(0);
    expect(text(html)).toContain('Alleen Woonstichting Thuis of de voorzitter of secretaris kan dit wijzigen');
  });

  it('gives the chair the fields of the afspraak itself as well', () => {
    const { t, afspraak } = metAfspraak();
    const html = renderAs(t.doc, t.actor.chair.lidId, <AfspraakItem afspraak={afspraak()} />);
    expect(text(html)).toContain(strings.afspraken.wijzigen);
    expect(html).toContain('value="2027-01-15"');
    expect(text(html)).toContain(strings.afspraken.verwijderen);
  });
});
