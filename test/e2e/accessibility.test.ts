// axe-core on the main screens of the demo tafel, as a gemeente lid sees them on a tablet in both
// orientations (the tablet sizes of issue 16, 1024x768 and 768x1024, and a larger 1180x820 pair):
// no serious or critical violations.

import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { screenshot } from './helpers/artifacts';
import { describeViolations, seriousViolations } from './helpers/axe';
import { setupLeden } from './helpers/leden-at-tafel';
import { DEMO, openKnelpunt, openNav, openProject, openVergadering } from './helpers/screens';

const FLOW = 'toegankelijkheid';

const [gert] = setupLeden('Gert Gemeente').leden;

const nav = (naam: string) => () => openNav(gert.page, naam);

const SCREENS: readonly (readonly [string, () => Promise<void>])[] = [
  ['home', nav(strings.nav.home)],
  ['planmonitor', nav(strings.nav.planmonitor)],
  ['project', () => openProject(gert.page)],
  ['knelpunten', nav(strings.nav.knelpunten)],
  ['knelpunt', () => openKnelpunt(gert.page, DEMO.knelpunt)],
  ['vergadering', () => openVergadering(gert.page)],
  ['afspraken', nav(strings.nav.afspraken)],
  ['dashboard', nav(strings.nav.dashboard)],
  ['conflicten', nav(strings.nav.inbox)],
  [
    'zoeken',
    async () => {
      await openNav(gert.page, strings.nav.zoeken);
      await gert.page.getByRole('searchbox', { name: strings.zoeken.label }).fill('kade');
      await gert.page.getByRole('main').getByRole('link', { name: DEMO.project, exact: true }).waitFor();
    },
  ],
  [
    'planmonitor op datum',
    async () => {
      await openNav(gert.page, strings.nav.planmonitor);
      await gert.page.getByRole('link', { name: strings.planmonitorStand.knop }).click();
      await gert.page.getByLabel(strings.planmonitorStand.datum, { exact: true }).fill(new Date().toISOString().slice(0, 10));
      await gert.page.getByRole('main').getByRole('rowheader').first().waitFor();
    },
  ],
];

const ORIENTATIONS = [
  ['liggend', { width: 1024, height: 768 }],
  ['staand', { width: 768, height: 1024 }],
  ['liggend groot', { width: 1180, height: 820 }],
  ['staand groot', { width: 820, height: 1180 }],
] as const;

describe('accessibility of the main screens', () => {
  for (const [orientation, viewport] of ORIENTATIONS) {
    for (const [screen, open] of SCREENS) {
      it(`${screen} (${orientation}) has no serious or critical axe violations`, async () => {
        await gert.page.setViewportSize(viewport);
        await open();
        // Let lazy parts (charts, editor, presence) settle before judging.
        await gert.page.waitForLoadState('networkidle');
        await screenshot(gert.page, FLOW, `${screen}-${orientation}`);
        const violations = await seriousViolations(gert.page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  }
});
