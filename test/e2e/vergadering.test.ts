// The meeting room in real Chromium, two tablets at one tafel: the gemeente and the chair co-edit
// the notulen live (with each other's caret and name), the chair records an afspraak that the
// gemeente then updates, and a knelpunt raised by the gemeente is escalated by the chair; the
// meeting's forms name each empty required field at the field and refuse a too long title. Every
// screen of the meeting room is checked with axe and photographed at tablet size.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { screenshot } from './helpers/artifacts';
import { DEMO, openVergadering } from './helpers/screens';
import { tabletProblems } from './helpers/tablets';
import { setupLeden } from './helpers/leden-at-tafel';

const FLOW = 'vergadering';

const tafel = setupLeden('Vera Voorzitter', 'Gert Gemeente');
const [vera, gert] = tafel.leden;

/** Goes straight to a screen of the demo tafel by its address. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${tafel.app.tafelUrl}${path}`);
  await page.getByRole('main').waitFor();
}

const notulen = (page: Page) => page.getByRole('textbox', { name: strings.vergadering.notulen, exact: true });

describe('the meeting room on two tablets', () => {
  it('co-edits the notulen live, showing the other lid’s caret and name', async () => {
    await openVergadering(vera.page);
    await openVergadering(gert.page);

    await notulen(gert.page).click();
    await gert.page.keyboard.type('Besluit: parkeernorm naar 1,2 per woning.');
    await expect.poll(() => notulen(vera.page).textContent(), { timeout: 10_000 }).toContain('Besluit: parkeernorm naar 1,2 per woning.');
    await expect
      .poll(() => vera.page.locator('.shared-text__caret-label').allTextContents(), { timeout: 10_000 })
      .toContain(`Gert Gemeente (${DEMO.gemeente})`);
    await expect.poll(() => vera.page.getByText(strings.editor.ookBezig([`Gert Gemeente (${DEMO.gemeente})`])).count()).toBe(1);
    await expect.poll(() => vera.page.locator('.aanwezig__naam').allTextContents()).toContain('Gert Gemeente');
    await screenshot(vera.page, FLOW, 'notulen-bij-voorzitter');
    // The label does not keep the line above hidden: it fades once the writer stops.
    await expect
      .poll(() => vera.page.locator('.shared-text__caret-label').first().evaluate((el) => getComputedStyle(el).visibility), { timeout: 10_000 })
      .toBe('hidden');

    // Writing on to the end of a full line: the label stays inside the notulen, not cut at the right edge.
    const label = vera.page.locator('.shared-text__caret-label');
    const randen = () =>
      label.first().evaluate((el) => {
        const f = el.closest('.shared-text__frame')!.getBoundingClientRect();
        return { caret: el.parentElement!.getBoundingClientRect().left, right: el.getBoundingClientRect().right, frameRight: f.right };
      });
    await notulen(gert.page).press('Enter');
    for (let i = 0; i < 80; i++) {
      await gert.page.keyboard.type('woord ');
      await expect.poll(() => notulen(vera.page).textContent()).toContain('woord '.repeat(i + 1).trim());
      const r = await randen();
      if (r.caret > r.frameRight - 120) break;
    }
    const r = await randen();
    expect(r.caret).toBeGreaterThan(r.frameRight - 120);
    expect(r.right).toBeLessThanOrEqual(r.frameRight);
    // While the writer goes on, the label shows again.
    expect(await label.first().evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await screenshot(vera.page, FLOW, 'notulen-label-aan-de-rand');

    await notulen(vera.page).click();
    await vera.page.keyboard.press('Control+End');
    await vera.page.keyboard.press('Enter');
    await vera.page.keyboard.type('Actie: gemeente stelt nieuwe norm op.');
    await expect.poll(() => notulen(gert.page).textContent(), { timeout: 10_000 }).toContain('Actie: gemeente stelt nieuwe norm op.');
    expect(await notulen(gert.page).textContent()).toContain('Besluit: parkeernorm naar 1,2 per woning.');
  });

  it('shows an agendapunt’s toelichting live but read-only to partijen other than the proposer', async () => {
    const punt = 'Netcongestie en onrendabele top';
    const toelichting = (page: Page) => page.getByRole('textbox', { name: new RegExp(`^${strings.vergadering.toelichting(punt)}`) });
    for (const page of [vera.page, gert.page]) {
      await page.locator('li.agendapunt', { hasText: punt }).getByText(strings.vergadering.details).click();
    }
    await toelichting(vera.page).click();
    await vera.page.keyboard.type('Corporatie en netbeheerder lichten de wachtrij toe.');
    await expect.poll(() => toelichting(gert.page).textContent(), { timeout: 10_000 }).toContain('lichten de wachtrij toe');
    expect(await toelichting(gert.page).getAttribute('contenteditable')).toBe('false');
    expect(await gert.page.locator('li.agendapunt', { hasText: punt }).locator('.shared-text__lock').textContent()).toContain(
      strings.owner.slotVan('Woonstichting Thuis of de voorzitter of secretaris'),
    );
    // Reading a text one may not edit writes nothing: no conflicts for the gemeente.
    await gert.page.waitForTimeout(1000);
    expect(await gert.page.locator('.nav-count').count()).toBe(0);
  });

  it('lets the chair record an afspraak that the assigned gemeente then updates', async () => {
    const wat = 'Nieuwe parkeernorm uitwerken voor de binnenstad';
    await vera.page.getByLabel(new RegExp(strings.afspraken.watLabel)).fill(wat);
    await vera.page.getByLabel(new RegExp(strings.afspraken.partijLabel)).selectOption({ label: DEMO.gemeente });
    await vera.page.getByLabel(strings.afspraken.deadlineLabel).fill('2027-02-01');
    await vera.page.getByRole('button', { name: strings.afspraken.vastleggen, exact: true }).click();

    const bijGert = gert.page.locator('article.afspraak', { hasText: wat });
    await bijGert.waitFor({ timeout: 10_000 });
    await bijGert.getByLabel(FIELD_LABELS.afspraken.status).selectOption({ label: 'In uitvoering' });
    const bijVera = vera.page.locator('article.afspraak', { hasText: wat });
    await expect.poll(() => bijVera.locator('.status-pill.status-in-uitvoering').count(), { timeout: 10_000 }).toBe(1);
    // What, partij and deadline are the chair's: the gemeente gets no way to change them.
    expect(await bijGert.getByText(strings.afspraken.wijzigen).count()).toBe(0);
    await screenshot(gert.page, FLOW, 'afspraak-bij-gemeente');
  });

  it('lets the gemeente raise a knelpunt and only the chair escalate it', async () => {
    await open(gert.page, '/knelpunten');
    await gert.page.getByRole('button', { name: strings.knelpunten.melden }).first().click();
    const melden = gert.page.getByRole('dialog', { name: strings.knelpunten.nieuw.titel });
    await melden.getByLabel(new RegExp(strings.knelpunten.nieuw.titelLabel)).fill('Parkeernorm blokkeert binnenstedelijk bouwen');
    await melden.getByLabel(new RegExp(FIELD_LABELS.knelpunten.thema)).selectOption({ label: 'Mobiliteit' });
    await melden.getByLabel(FIELD_LABELS.knelpunten.beschrijving).fill('Norm van 1,5 maakt kleine appartementen onhaalbaar.');
    await melden.getByRole('button', { name: strings.knelpunten.nieuw.melden, exact: true }).click();
    await gert.page.getByRole('heading', { level: 1, name: 'Parkeernorm blokkeert binnenstedelijk bouwen' }).waitFor();
    const pad = new URL(gert.page.url()).pathname.replace(/^\/tafel\/[^/]+/, '');

    // The gemeente sees the ladder but may not climb it.
    expect(await gert.page.getByRole('button', { name: /^Naar dit niveau/ }).count()).toBe(0);
    expect(await gert.page.getByText(strings.knelpunt.alleenVoorzitterEscaleert).count()).toBe(1);

    await open(vera.page, pad);
    await vera.page.getByRole('button', { name: strings.knelpunt.escaleerNaar('Landelijke versnellingstafel') }).click();
    await expect
      .poll(() => gert.page.locator('.ladder__trede[aria-current="step"]').textContent(), { timeout: 10_000 })
      .toContain('Landelijke versnellingstafel');
    // Going up the ladder makes the knelpunt geëscaleerd for everyone.
    await expect.poll(() => gert.page.locator('header .status-pill.status-geescaleerd').textContent(), { timeout: 10_000 }).toBe('Geëscaleerd');
    await screenshot(gert.page, FLOW, 'knelpunt-geescaleerd-bij-gemeente');
  });

  it('names each empty required field at the field, and refuses a too long title without cutting it', async () => {
    const p = vera.page;
    await openVergadering(p);
    const afspraak = p.getByRole('form', { name: strings.afspraken.nieuw });
    await afspraak.getByRole('button', { name: strings.afspraken.vastleggen, exact: true }).click();
    const wat = afspraak.getByLabel(new RegExp(strings.afspraken.watLabel));
    const partij = afspraak.getByLabel(new RegExp(strings.afspraken.partijLabel));
    expect(await wat.getAttribute('aria-invalid')).toBe('true');
    expect(await partij.getAttribute('aria-invalid')).toBe('true');
    // Each field's own message, read out with the field.
    expect(await wat.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent)).toBe(
      strings.formulier.verplicht(strings.afspraken.watLabel),
    );
    await afspraak.getByText(strings.formulier.verplicht(strings.afspraken.partijLabel)).waitFor();
    // Nothing was typed, so nothing says it was kept.
    expect(await afspraak.getByText(strings.errors.invoerBewaard).count()).toBe(0);
    await screenshot(p, FLOW, 'afspraak-verplichte-velden');

    const voorstel = p.getByRole('form', { name: strings.vergadering.voorstellen });
    const onderwerp = voorstel.getByLabel(new RegExp(strings.vergadering.voorstelTitel));
    const lang = `Parkeernorm ${'en nog meer '.repeat(20)}`.trim();
    expect(lang.length).toBeGreaterThan(200);
    await onderwerp.fill(lang);
    // The limit shows while typing; the whole text stays in the field.
    await voorstel.getByText(strings.formulier.teller(lang.length, 200)).waitFor();
    await voorstel.getByRole('button', { name: strings.vergadering.voorstelVerzenden, exact: true }).click();
    await voorstel.getByText(strings.formulier.teLang(strings.vergadering.voorstelTitel, lang.length, 200)).waitFor();
    expect(await onderwerp.inputValue()).toBe(lang);
    expect(await onderwerp.getAttribute('aria-invalid')).toBe('true');
    await onderwerp.fill('');
  });

  it('has no serious accessibility problems and fits portrait and landscape tablets', async () => {
    const schermen = ['/knelpunten', '/knelpunten?weergave=bord', '/rode-draden', '/vergaderingen', '/afspraken', '/dashboard'];
    // Nothing may stick out sideways, except the knelpunten board that scrolls on purpose.
    const problemen = await tabletProblems(gert.page, FLOW, [
      ...schermen.map((scherm) => ({
        name: scherm,
        open: async () => {
          await open(gert.page, scherm);
          await gert.page.getByRole('heading', { level: 1 }).waitFor();
        },
      })),
      { name: 'vergadering', open: () => openVergadering(gert.page), measureWidth: false },
    ]);
    expect(problemen).toEqual([]);
  });
});
