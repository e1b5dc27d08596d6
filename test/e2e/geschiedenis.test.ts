// Issue 16, field history beyond projects: a lid of the gemeente edits its knelpunt and the
// progress of its afspraak, then reads in each one's history who changed what from what to what,
// and the item as of today; search finds a besluit of the last meeting. The dialogs and the search
// are judged at 1024x768 and 768x1024 (axe, width).

import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { strings } from '../../src/ui/strings';
import { fieldLabel } from '../../src/ui/fieldLabels';
import { joinAs, RunningApp } from './helpers/app';
import { launchChromium, type LaunchedBrowser } from './helpers/browser';
import { openKnelpunt, openNav, waitOnline } from './helpers/screens';
import { setupFile } from './helpers/setup';
import { tabletProblems } from './helpers/tablets';

const KNELPUNT = 'Stikstofdepositie Weidevogelhof';
const AFSPRAAK = 'Bijdrage onrendabele top doorrekenen';
const G = strings.geschiedenis;
let app: RunningApp;
let browser: LaunchedBrowser;
let gert: Page;

setupFile(
  async () => {
    app = await RunningApp.start();
    browser = await launchChromium();
    gert = (await joinAs(browser, app, 'Gert Gemeente')).page;
    await waitOnline(gert);
  },
  async () => {
    await browser?.close();
    await app?.stop();
  },
);

/**
 * Opens the history dialog until it lists `text`: the relay records an edit when it accepts it, a
 * moment after the tablet made it, and the dialog reads the history as it opens.
 */
async function historyShowing(page: Page, scope: Locator, naam: string, text: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: G.titel(naam) });
  const deadline = Date.now() + 30_000;
  for (;;) {
    await scope.getByRole('button', { name: G.knop }).click();
    await dialog.waitFor();
    try {
      await dialog.getByText(text).first().waitFor({ timeout: 3_000 });
      return dialog;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
  }
}

const dialogScreens = (dialog: Locator, name: string) => [{ name, open: () => dialog.waitFor(), measureWidth: false }];

it('shows a knelpunt’s changes and the knelpunt as of a date', async () => {
  await openKnelpunt(gert, KNELPUNT);
  const main = gert.getByRole('main');
  const beschrijving = main.getByRole('textbox', { name: fieldLabel('knelpunten', 'beschrijving'), exact: true });
  const voor = await beschrijving.inputValue();
  await beschrijving.fill('Stikstofruimte ontbreekt; de provincie beslist in maart over de vergunning.');
  await beschrijving.press('Tab');
  const dialog = await historyShowing(gert, main, KNELPUNT, 'de provincie beslist in maart');
  const regel = (await dialog.getByRole('listitem').first().textContent()) ?? '';
  expect(regel).toContain(`${fieldLabel('knelpunten', 'beschrijving')}: ${voor} → Stikstofruimte ontbreekt`);
  expect(regel).toContain('Gert Gemeente');
  await dialog.getByLabel(G.standOp).fill(new Date().toISOString().slice(0, 10));
  await dialog.getByRole('heading', { level: 3 }).waitFor();
  expect(await tabletProblems(gert, 'geschiedenis', dialogScreens(dialog, 'knelpunt'))).toEqual([]);
  await gert.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
});

it('shows an afspraak’s changes by the partij that keeps its progress', async () => {
  await gert.setViewportSize({ width: 1024, height: 768 });
  await openNav(gert, strings.nav.afspraken, strings.afspraken.titel);
  const kaart = gert.getByRole('article').filter({ has: gert.getByRole('heading', { name: AFSPRAAK }) });
  const voortgang = kaart.getByRole('textbox', { name: fieldLabel('afspraken', 'voortgang'), exact: true });
  await voortgang.fill('Doorrekening staat klaar voor de volgende vergadering.');
  await voortgang.press('Tab');
  const dialog = await historyShowing(gert, kaart, AFSPRAAK, 'Doorrekening staat klaar');
  expect(await dialog.getByRole('listitem').first().textContent()).toContain(`${fieldLabel('afspraken', 'voortgang')}: `);
  expect(await tabletProblems(gert, 'geschiedenis', dialogScreens(dialog, 'afspraak'))).toEqual([]);
  await gert.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
});

it('finds a besluit of the last meeting and opens its meeting', async () => {
  await gert.setViewportSize({ width: 1024, height: 768 });
  await openNav(gert, strings.nav.zoeken, strings.zoeken.titel);
  await gert.getByRole('searchbox', { name: strings.zoeken.label }).fill('Schoolstraat rekent onrendabele');
  const hit = gert.getByRole('main').getByRole('listitem').filter({ hasText: 'De gemeente rekent een bijdrage aan de onrendabele top van Schoolstraat door.' });
  await hit.waitFor();
  expect(await hit.locator('.zoek-soort').textContent()).toBe(strings.zoeken.soorten.besluit);
  expect(await tabletProblems(gert, 'geschiedenis', [{ name: 'zoeken besluit', open: () => hit.waitFor() }])).toEqual([]);
  await hit.getByRole('link').click();
  await gert.waitForURL(/\/vergaderingen\//);
  await gert.getByRole('heading', { level: 1 }).waitFor();
});
