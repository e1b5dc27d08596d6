// The planning grid on the project page: the public owner gets a button per year and a form to
// add one; the developer sees whose part it is and no control to change it.

import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../../src/model';
import { setPlanningJaar } from '../../../../src/operations';
import { PlanningVergelijking } from '../../../../src/ui/screens/planmonitor/PlanningVergelijking';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel, renderAs, text } from '../tafelFixture';

const pb = strings.monitor.planningBewerken;

function render(t: ReturnType<typeof makeUiTafel>, lidId: string): string {
  const project = readProject(t.doc, t.project)!;
  return text(renderAs(t.doc, lidId, createElement(PlanningVergelijking, { project, publiekNaam: 'Gemeente Zwolle' })));
}

describe('the planning grid on the project page', () => {
  it('offers the gemeente a button per year (fill in or edit) and a form to add a year', () => {
    const t = makeUiTafel();
    setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'meergezins.huur1': 50 });
    const html = render(t, t.actor.gemeente.lidId);
    expect(html).toContain(pb.bewerken(2027));
    // 2028 has only the developer's oplevering: the gemeente fills it in.
    expect(html).toContain(pb.invullen(2028));
    expect(html).toContain(pb.jaarToevoegen);
    // The difference is flagged in words: the developer delivers 60, the gemeente plans 50.
    expect(html).toContain(strings.monitor.wijktAf(10));
    expect(html).not.toContain(strings.owner.slotVan('Gemeente Zwolle'));
  });

  it('shows the developer whose part the grid is, and nothing to change it with', () => {
    const t = makeUiTafel();
    setPlanningJaar(t.doc, t.actor.gemeente, t.project, 2027, { 'meergezins.huur1': 50 });
    const html = render(t, t.actor.markt.lidId);
    expect(html).toContain(strings.owner.slotVan('Gemeente Zwolle'));
    expect(html).not.toContain(pb.bewerken(2027));
    expect(html).not.toContain(pb.jaarToevoegen);
    expect(html).toContain(strings.monitor.wijktAf(10));
  });
});
