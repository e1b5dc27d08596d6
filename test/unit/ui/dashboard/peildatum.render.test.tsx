// The peildatum form as each lid sees it: the chair gets it with today as the default and no
// later date allowed; a freshly frozen snapshot offers withdrawal to the chair only, an older one
// to nobody.

import { describe, expect, it } from 'vitest';
import * as O from '../../../../src/operations';
import { PeildatumVastleggen } from '../../../../src/ui/screens/dashboard/PeildatumVastleggen';
import { datumLang } from '../../../../src/ui/screens/vergaderingen/datum';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel, renderAs, text } from '../tafelFixture';

const S = strings.peildata;

describe('peildatum form', () => {
  it('defaults to today and allows no later date, for the chair only', () => {
    const t = makeUiTafel();
    const html = renderAs(t.doc, t.actor.chair.lidId, <PeildatumVastleggen />);
    const vandaag = O.vandaag();
    expect(html).toContain(`value="${vandaag}"`);
    expect(html).toContain(`max="${vandaag}"`);
    expect(text(html)).toContain(S.vastleggen);
    expect(renderAs(t.doc, t.actor.gemeente.lidId, <PeildatumVastleggen />)).toBe('');
  });

  it('offers withdrawal of a fresh snapshot to the chair, and of an old one to nobody', () => {
    const t = makeUiTafel();
    O.freezePeildatum(t.doc, t.actor.chair, '2026-10-01');
    O.freezePeildatum(t.doc, t.actor.chair, '2026-07-01', new Date(Date.now() - 25 * 60 * 60 * 1000));
    const html = text(renderAs(t.doc, t.actor.chair.lidId, <PeildatumVastleggen />));
    expect(html).toContain(S.intrekken(datumLang('2026-10-01')));
    expect(html).not.toContain(S.intrekken(datumLang('2026-07-01')));
    expect(html).toContain(S.vast);
  });
});
