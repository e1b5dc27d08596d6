// Issue 16, tafels across devices (docs/relay-api.md "Personen"): the chair of the demo tafel joins
// the Oostvoorbeeld tafel on the same tablet, says "this is also me", and switches between both in
// the header's switcher (current one marked, 44px, keyboard); on a new tablet one invite from the
// operator opens both, and the switcher lists them offline too. Both screens are judged at
// 1024x768 and 768x1024 (axe, page width, screenshots).

import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strings } from '../../src/ui/strings';
import { joinAs, RunningApp } from './helpers/app';
import { launchChromium, type LaunchedBrowser } from './helpers/browser';
import { setupFile } from './helpers/setup';
import { tabletProblems } from './helpers/tablets';
import { netwerkLink } from '../integration/netwerk/helpers';
import { demoLink, runAdmin } from '../integration/helpers/relay';

const OOST = 'Versnellingstafel Regio Oostvoorbeeld';
let app: RunningApp;
let browser: LaunchedBrowser;
let vera: Page;
let demoNaam: string;

setupFile(
  async () => {
    app = await RunningApp.start();
    browser = await launchChromium();
    vera = (await joinAs(browser, app, 'Vera Voorzitter')).page;
    demoNaam = (await vera.locator('.app-title small').textContent({ timeout: 20_000 })) ?? '';
  },
  async () => {
    await browser?.close();
    await app?.stop();
  },
);

const switcher = (page: Page) => page.getByRole('banner').getByRole('navigation', { name: strings.tafelWissel.lijst });
const openSwitcher = async (page: Page) => {
  await page.getByRole('banner').getByText(strings.nav.wisselTafel, { exact: true }).click();
  await switcher(page).waitFor();
};
const acknowledgeNotice = async (page: Page) => {
  const begrepen = page.getByRole('button', { name: strings.pwa.begrepen });
  if (await begrepen.isVisible()) await begrepen.click();
};

it('links a second tafel as the same person and switches between them with the current one marked', async () => {
  expect(demoNaam).not.toBe('');
  await vera.goto(`${app.baseUrl}/join/${netwerkLink({ dataDir: app.dataDir }, 'Olga Oostvoorzitter').code}`);
  const vraag = vera.getByRole('heading', { name: strings.ookIk.titel });
  await vraag.waitFor({ timeout: 30_000 });
  const keuze = vera.getByRole('checkbox', { name: demoNaam });
  expect(await keuze.isChecked()).toBe(true);
  expect(await tabletProblems(vera, 'tafels-wisselen', [{ name: 'ook ik', open: () => vraag.waitFor() }])).toEqual([]);
  await vera.getByRole('button', { name: strings.ookIk.ja }).click();
  await vera.waitForURL(`${app.baseUrl}/tafel/demo-oost**`, { timeout: 30_000 });
  await acknowledgeNotice(vera);

  await openSwitcher(vera);
  const current = switcher(vera).getByRole('link', { name: new RegExp(OOST) });
  expect(await current.getAttribute('aria-current')).toBe('page');
  expect(await current.textContent()).toContain(strings.tafelWissel.huidige);
  const other = switcher(vera).getByRole('link', { name: new RegExp(demoNaam) });
  expect(await other.getAttribute('aria-current')).toBeNull();
  for (const link of await switcher(vera).getByRole('link').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect(
    await tabletProblems(vera, 'tafels-wisselen', [
      {
        name: 'wisselaar',
        open: async () => {
          if (!(await switcher(vera).isVisible())) await openSwitcher(vera);
        },
      },
    ]),
  ).toEqual([]);

  // Keyboard: Escape closes the list and gives focus back to its button; Enter opens it again.
  await other.focus();
  await vera.keyboard.press('Escape');
  await switcher(vera).waitFor({ state: 'hidden' });
  expect(await vera.evaluate(() => document.activeElement?.textContent)).toBe(strings.nav.wisselTafel);
  await vera.keyboard.press('Enter');
  await switcher(vera).waitFor();
  await other.click();
  await vera.waitForURL(`${app.baseUrl}/tafel/demo`, { timeout: 20_000 });
  await switcher(vera).waitFor({ state: 'hidden' });
  await openSwitcher(vera);
  expect(await switcher(vera).getByRole('link', { name: new RegExp(demoNaam) }).getAttribute('aria-current')).toBe('page');
});

it('opens every tafel of the person on a new tablet with one invite, and lists them offline', async () => {
  const { code } = (await runAdmin({ dataDir: app.dataDir, url: app.baseUrl }, ['invite', '--tafel', 'demo', '--lid', demoLink({ dataDir: app.dataDir }, 'Vera Voorzitter').lidId])) as { code: string };
  const context = await browser.newContext();
  const tablet = await context.newPage();
  await tablet.goto(`${app.baseUrl}/join/${code}`);
  await tablet.waitForURL(`${app.tafelUrl}**`, { timeout: 30_000 });
  await acknowledgeNotice(tablet);
  await context.setOffline(true);
  await openSwitcher(tablet);
  const links = switcher(tablet).getByRole('link');
  await expect.poll(async () => (await links.allTextContents()).join(' | '), { timeout: 10_000 }).toContain(OOST);
  expect((await links.allTextContents()).join(' | ')).toContain(demoNaam);
  await switcher(tablet).getByRole('link', { name: new RegExp(OOST) }).click();
  await tablet.waitForURL(`${app.baseUrl}/tafel/demo-oost**`);
  await context.close();
});
