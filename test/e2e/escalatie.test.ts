// The ladder in real Chromium (docs/network.md): the chair of the demo regional tafel escalates a
// knelpunt to the landelijke versnellingstafel with a request; the landsdeel lid (Zuidwest) finds
// it in the register, writes the answer and sends it; the chair sees the answer read-only with its
// provenance and closes the loop, which the landsdeel lid then sees.

import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { joinAs, joinLandelijkAs, RunningApp } from './helpers/app';
import { screenshot } from './helpers/artifacts';
import { describeViolations, seriousViolations } from './helpers/axe';
import { launchChromium, type LaunchedBrowser } from './helpers/browser';
import { DEMO, openKnelpunt, openNav, waitOnline } from './helpers/screens';
import { setupFile } from './helpers/setup';

const S = strings.netwerk;
let app: RunningApp;
let browser: LaunchedBrowser;
let vera: Page;
let zara: Page;
/** Raised the knelpunt (Bouwbedrijf Horizon): the answer is addressed to his partij (issue 16). */
let dirk: Page;

setupFile(
  async () => {
    app = await RunningApp.start();
    browser = await launchChromium();
    vera = (await joinAs(browser, app, 'Vera Voorzitter')).page;
    dirk = (await joinAs(browser, app, 'Dirk Ontwikkelaar')).page;
    zara = await joinLandelijkAs(browser, app, 'Zara Zuidwest');
    await Promise.all([waitOnline(vera), waitOnline(zara)]);
  },
  async () => {
    await browser?.close();
    await app?.stop();
  },
);

it('regional chair escalates, the landsdeel lid answers, the chair sees the answer and closes the loop', async () => {
  // The regional chair escalates with a request.
  await openKnelpunt(vera, DEMO.knelpunt);
  await vera.getByRole('button', { name: S.escaleren }).click();
  const form = vera.getByRole('form', { name: S.escaleren });
  await form.getByLabel(S.naar).selectOption('landelijke versnellingstafel');
  await form.getByLabel(S.gevraagd).fill('Bemiddeling bij de netbeheerder over voorrang voor woningbouw.');
  await form.getByLabel(S.waarom).fill('De netbeheerder werkt voor de hele provincie; de regio heeft geen invloed op de wachtlijst.');
  await screenshot(vera, 'escalatie', '1-verzoek');
  await form.getByRole('button', { name: S.versturen }).click();
  await vera.getByText(/^Bezorgd bij Landelijke versnellingstafel/).waitFor({ timeout: 20_000 });

  // The landsdeel lid finds it in the register (their landsdeel) and answers.
  await openNav(zara, S.navEscalaties, S.registerTitel);
  await zara.getByRole('link', { name: new RegExp(DEMO.knelpunt) }).first().click();
  await zara.getByRole('heading', { level: 1, name: DEMO.knelpunt }).waitFor();
  await zara.getByText(S.toegewezenAan('Zara Zuidwest')).first().waitFor();
  const editor = zara.getByRole('textbox', { name: FIELD_LABELS.ontvangenEscalaties.antwoord });
  await editor.click();
  await editor.pressSequentially('De landelijke tafel spreekt de netbeheerder aan; gesprek op 12 maart.');
  await zara.getByLabel(FIELD_LABELS.ontvangenEscalaties.status).selectOption('beantwoord');
  await screenshot(zara, 'escalatie', '2-antwoord');
  await zara.getByRole('button', { name: S.antwoordVersturen }).click();
  await zara.getByText(S.antwoordVerstuurd).waitFor();

  // Dirk's partij raised the knelpunt: on his next visit the tafel's home says the answer is for it.
  await vera.getByText('De landelijke tafel spreekt de netbeheerder aan; gesprek op 12 maart.').waitFor({ timeout: 20_000 });
  await dirk.reload();
  const nieuw = dirk.getByRole('region', { name: strings.nieuwSinds.titel });
  await nieuw.getByRole('link', { name: strings.nieuwSinds.escalatie.antwoord('Landelijke versnellingstafel', DEMO.knelpunt) }).waitFor({ timeout: 20_000 });
  expect(await nieuw.getByText(strings.nieuwSinds.voorUw).count()).toBeGreaterThan(0);
  await screenshot(dirk, 'escalatie', '2b-nieuw-voor-partij');

  // The chair sees status, answer and provenance, read-only, and closes the loop.
  await vera.getByText('De landelijke tafel spreekt de netbeheerder aan; gesprek op 12 maart.').waitFor({ timeout: 20_000 });
  await vera.getByText(/^landelijke versnellingstafel, Zara Zuidwest, /).waitFor();
  const lus = vera.getByRole('form', { name: S.lusSluiten });
  await lus.getByLabel(S.opgelost, { exact: true }).check();
  await lus.getByLabel(S.toelichting).fill('Netbeheerder geeft voorrang; aansluiting in 2027.');
  await lus.getByRole('button', { name: S.sluiten }).click();
  await vera.getByText(S.afgesloten(true, 'Netbeheerder geeft voorrang; aansluiting in 2027.')).waitFor();
  await screenshot(vera, 'escalatie', '3-lus-gesloten');

  // And the landelijke tafel learns how it ended.
  await zara.getByText(/^De regio sloot de lus: Opgelost/).waitFor({ timeout: 20_000 });
  expect(await zara.getByText(/^De regio sloot de lus: Opgelost/).textContent()).toContain('Vera Voorzitter');

  // Both tablet orientations, for the eye and the README tour.
  await zara.setViewportSize({ width: 1024, height: 768 });
  await zara.getByRole('heading', { name: FIELD_LABELS.ontvangenEscalaties.antwoord }).scrollIntoViewIfNeeded();
  await zara.screenshot({ path: await screenshot(zara, 'escalatie', '4-detail-1024x768').then((p) => p.replace('.png', '-viewport.png')) });
  await vera.setViewportSize({ width: 768, height: 1024 });
  await vera.getByRole('heading', { name: FIELD_LABELS.escalaties.terugmelding }).scrollIntoViewIfNeeded();
  await vera.screenshot({ path: await screenshot(vera, 'escalatie', '5-knelpunt-768x1024').then((p) => p.replace('.png', '-viewport.png')) });
  expect(describeViolations(await seriousViolations(zara))).toBe('');
  expect(describeViolations(await seriousViolations(vera))).toBe('');
  await openNav(zara, S.navEscalaties, S.registerTitel);
  await zara.setViewportSize({ width: 768, height: 1024 });
  await screenshot(zara, 'escalatie', '6-register-768x1024');
  expect(describeViolations(await seriousViolations(zara))).toBe('');
  await openNav(vera, S.navNetwerk, S.netwerkTitel);
  await vera.setViewportSize({ width: 1024, height: 768 });
  await vera.getByText(S.koppelingStatus.actief!).first().waitFor();
  await screenshot(vera, 'escalatie', '7-netwerk-1024x768');
  expect(describeViolations(await seriousViolations(vera))).toBe('');
});
