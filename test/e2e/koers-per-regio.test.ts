// A vastgestelde rapportage up the ladder in real Chromium (docs/rapportage.md, docs/network.md):
// the landsdeel lid (Zuidwest) sees in the overview that the demo region has not reported yet; the
// regional chair sets the demo's rapportage vastgesteld; the overview then shows the region's
// koersoordeel and key figures, and links to the full summary, which nobody can change; the chair
// sees on the rapportage that it arrived. Both screens pass axe and fit portrait and landscape
// tablets.

import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { vandaag } from '../../src/operations/peildata';
import { datumLang } from '../../src/ui/screens/vergaderingen/datum';
import { strings } from '../../src/ui/strings';
import { joinAs, joinLandelijkAs, RunningApp } from './helpers/app';
import { launchChromium, type LaunchedBrowser } from './helpers/browser';
import { openNav, waitOnline } from './helpers/screens';
import { setupFile } from './helpers/setup';
import { tabletProblems } from './helpers/tablets';

const N = strings.netwerk;
const O = strings.ontvangenRapportage;
const R = strings.rapportage;
const REGIO = 'Versnellingstafel Regio Voorbeeld';
const FLOW = 'koers-per-regio';

let app: RunningApp;
let browser: LaunchedBrowser;
let vera: Page;
let zara: Page;

setupFile(
  async () => {
    app = await RunningApp.start();
    browser = await launchChromium();
    vera = (await joinAs(browser, app, 'Vera Voorzitter')).page;
    zara = await joinLandelijkAs(browser, app, 'Zara Zuidwest');
    await Promise.all([waitOnline(vera), waitOnline(zara)]);
  },
  async () => {
    await browser?.close();
    await app?.stop();
  },
);

/** The row of a region in the landsdeel lid's comparison table. */
const regioRij = (page: Page, regio: string) => page.getByRole('table', { name: O.koersPerRegio }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: regio }) });

it('shows each region’s latest koersoordeel and key figures side by side once its rapportage is vastgesteld', async () => {
  await openNav(zara, N.navEscalaties, N.registerTitel);
  const rij = regioRij(zara, REGIO);
  await rij.getByText(O.nogGeen).waitFor();

  // The regional chair sets the demo's concept rapportage vastgesteld.
  await vera.goto(`${app.tafelUrl}/rapportages`);
  await vera.getByRole('main').getByRole('link').filter({ hasText: 'Halfjaarrapportage' }).first().click();
  await vera.getByRole('heading', { level: 1, name: /halfjaarrapportage/ }).waitFor();
  await vera.getByRole('button', { name: R.vaststellen }).click();
  // The chair is told what leaves for the landelijke tafel before confirming.
  await vera.getByRole('dialog', { name: R.vaststellen }).getByText(O.gaatNaar('Landelijke versnellingstafel')).waitFor();
  await vera.getByRole('dialog', { name: R.vaststellen }).getByRole('button', { name: R.vaststellen }).click();
  await vera.getByText(R.isVastgesteld).waitFor();

  // It arrives in the landsdeel lid's overview while it is open: the koersoordeel of the demo (op koers met zorgen).
  await rij.getByText(R.koers['op koers met zorgen']!).waitFor({ timeout: 30_000 });
  expect(await rij.getByText(O.nogGeen).count()).toBe(0);
  const cellen = await rij.getByRole('cell').allTextContents();
  expect(cellen).toHaveLength(5);
  expect(cellen[0]).toContain(R.koers['op koers met zorgen']);
  expect(cellen[1]).toMatch(/^[\d.]+ \/ [\d.]+$/);
  expect(cellen[2]).toMatch(/^\d+%$/);
  // And the regional chair is told it arrived, on the rapportage itself.
  await vera.getByRole('status').filter({ hasText: new RegExp(`^${R.aangekomen('Landelijke versnellingstafel', '.+')}$`) }).waitFor({ timeout: 30_000 });

  // The full summary: where it came from, the figures, the region's asks; nothing to edit.
  await rij.getByRole('link').click();
  await zara.getByRole('heading', { level: 1, name: new RegExp(`^${REGIO} – halfjaarrapportage`) }).waitFor();
  await zara.getByText(O.herkomst('Vera Voorzitter', datumLang(vandaag()))).waitFor();
  await zara.getByText(O.alleenLezen).waitFor();
  await zara.getByText('Wij vragen de woondealpartijen om voorrang voor woningbouwlocaties bij de netbeheerder.').waitFor();
  await zara.getByRole('table', { name: R.projectenKop }).waitFor();
  const main = zara.getByRole('main');
  expect(await main.getByRole('textbox').count()).toBe(0);
  expect(await main.getByRole('combobox').count()).toBe(0);
  expect(await main.getByRole('button').count()).toBe(0);
});

it('has no serious accessibility problems on the overview and the summary and fits portrait and landscape tablets', async () => {
  const samenvattingUrl = await (async () => {
    await openNav(zara, N.navEscalaties, N.registerTitel);
    return regioRij(zara, REGIO).getByRole('link').getAttribute('href');
  })();
  expect(samenvattingUrl).toMatch(/\/tafel\/landelijk\/ontvangen-rapportages\//);
  const problemen = await tabletProblems(zara, FLOW, [
    {
      name: 'register met koers per regio',
      open: async () => {
        await zara.goto(`${app.baseUrl}/tafel/landelijk/escalaties`);
        await zara.getByRole('table', { name: O.koersPerRegio }).waitFor();
      },
    },
    {
      name: 'ontvangen rapportage',
      open: async () => {
        await zara.goto(`${app.baseUrl}${samenvattingUrl}`);
        await zara.getByRole('heading', { level: 1, name: /halfjaarrapportage/ }).waitFor();
      },
    },
  ]);
  expect(problemen).toEqual([]);
});
