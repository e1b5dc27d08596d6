// Issue 16, field history beyond projects: a lid of the gemeente edits its knelpunt and the
// progress of its afspraak, then reads in each one's history who changed what from what to what,
// and the item as of today; the whole planmonitor reads as it stood yesterday and today; search
// finds a besluit of the last meeting. The dialogs, the monitor on a date and the search are judged
// at 1024x768 and 768x1024 (axe, width).

import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { strings } from '../../src/ui/strings';
import { fieldLabel, FIELD_LABELS } from '../../src/ui/fieldLabels';
import { joinAs, RunningApp } from './helpers/app';
import { launchChromium, type LaunchedBrowser } from './helpers/browser';
import { DEMO, openKnelpunt, openNav, openProject, typeField, waitOnline } from './helpers/screens';
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

it('reads the whole planmonitor as it stood on a date, read-only', async () => {
  const S = strings.planmonitorStand;
  await gert.setViewportSize({ width: 1024, height: 768 });
  await openProject(gert);
  const label = FIELD_LABELS.projecten.locatie;
  const voor = await gert.getByRole('textbox', { name: label, exact: true }).inputValue();
  await typeField(gert, label, 'Kadeplein stand');
  await openNav(gert, strings.nav.planmonitor);
  await gert.getByRole('link', { name: S.knop }).click();
  await gert.getByRole('heading', { level: 1, name: S.titel }).waitFor();
  const datum = gert.getByLabel(S.datum, { exact: true });
  const dag = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const kade = gert.getByRole('main').getByRole('row').filter({ hasText: DEMO.project });

  // Yesterday: before the change (the demo's values were written before the relay kept history).
  await datum.fill(dag(new Date(Date.now() - 86_400_000)));
  await kade.waitFor();
  expect(await kade.textContent()).toContain(voor);
  expect(await kade.textContent()).not.toContain('Kadeplein stand');
  // Rows do not open today's project page.
  expect(await gert.getByRole('main').getByRole('link', { name: DEMO.project }).count()).toBe(0);
  // The totals row of that date.
  await gert.getByRole('main').getByRole('rowheader').filter({ hasText: /^Totaal \(\d+ projecten\)$/ }).waitFor();

  // Today: the change, once the relay has accepted it.
  const deadline = Date.now() + 30_000;
  for (;;) {
    await datum.fill(dag(new Date()));
    try {
      await kade.filter({ hasText: 'Kadeplein stand' }).waitFor({ timeout: 3_000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await datum.fill('');
    }
  }
  expect(await tabletProblems(gert, 'geschiedenis', [{ name: 'planmonitor op datum', open: () => kade.waitFor() }])).toEqual([]);
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
