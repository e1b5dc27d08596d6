// The gemeente keeps its planning grid on the project page, in real Chromium at tablet size: a
// year added and filled in by keyboard, a wrong cell refused in Dutch before anything is saved,
// the difference with the developer's opleveringen flagged, Ctrl+Z undoing the save, 44px
// targets in both orientations; the developer sees the grid and whose it is, with nothing to edit.

import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strings } from '../../src/ui/strings';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, screenshot } from './helpers/artifacts';
import { setupLeden } from './helpers/leden-at-tafel';
import { DEMO, openProject } from './helpers/screens';

const FLOW = 'planning-grid';
const t = strings.monitor;
const pb = t.planningBewerken;
const JAAR = 2040;
const tafel = setupLeden('Gert Gemeente', 'Dirk Ontwikkelaar');
const [gert, dirk] = tafel.leden;

const sectie = (page: Page) => page.locator('section.planning-vergelijking');
const cel = (page: Page, categorie: string, woningtype: string) => sectie(page).getByRole('textbox', { name: pb.cel(categorie, woningtype), exact: true });
const rijVan = (page: Page, jaar: number) => sectie(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(jaar), exact: true }) }).first();

/** The planning section alone, beside the full page: the page is long, the section is what changed. */
async function sectionShot(page: Page, step: string): Promise<void> {
  mkdirSync(join(ARTIFACTS_DIR, FLOW), { recursive: true });
  // Sticky bars and notices stay out of the picture (a tall element is shot in scrolled parts).
  const style = '.app-header, .app-nav { position: static !important } .toasts, .pwa-notices { display: none !important }';
  await sectie(page).screenshot({ path: join(ARTIFACTS_DIR, FLOW, `${step}-sectie.png`), style });
}

async function smallerThanTouch(page: Page): Promise<string[]> {
  return sectie(page)
    .locator('input:visible, button:visible')
    .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.getAttribute('aria-label') ?? e.textContent ?? e.tagName));
}

async function saveYear(page: Page, huur1: string): Promise<void> {
  const jaar = sectie(page).getByRole('textbox', { name: pb.nieuwJaar, exact: true });
  await jaar.fill(String(JAAR));
  await jaar.press('Enter');
  // The editor opens with the focus in its first cell.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(pb.cel(t.prijscategorieen.huur1!, pb.woningtypen.eengezins!));
  await page.keyboard.type(huur1);
  await page.keyboard.press('Enter');
}

describe('the gemeente keeps its planning grid on the project page', () => {
  it('adds a year by keyboard; a wrong cell is refused in Dutch; the difference is flagged; Ctrl+Z undoes it', async () => {
    const page = gert.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await openProject(page, DEMO.project);
    await sectie(page).getByRole('heading', { name: t.planning }).waitFor();

    // Not a count: nothing is saved, the cell says why, in Dutch, and keeps what was typed.
    await saveYear(page, 'ca. 30');
    const fout = sectie(page).getByRole('alert').filter({ hasText: pb.celFout(pb.cel(t.prijscategorieen.huur1!, pb.woningtypen.eengezins!), strings.errors.waarde.geenGetal) });
    await fout.waitFor();
    expect(await cel(page, t.prijscategorieen.huur1!, pb.woningtypen.eengezins!).getAttribute('aria-invalid')).toBe('true');
    expect(await rijVan(page, JAAR).count()).toBe(0);
    // While typing, the year's total is set against the developer's (none for this year).
    await cel(page, t.prijscategorieen.huur1!, pb.woningtypen.eengezins!).fill('30');
    await cel(page, t.prijscategorieen.koop2!, pb.woningtypen.meergezins!).fill('12');
    await sectie(page).getByText(pb.totaal(42)).waitFor();
    expect(await smallerThanTouch(page)).toEqual([]);
    await screenshot(page, FLOW, '01-gemeente-bewerkt-1024x768');
    await sectionShot(page, '01-gemeente-bewerkt-1024x768');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await smallerThanTouch(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, FLOW, '02-gemeente-bewerkt-768x1024');
    await sectionShot(page, '02-gemeente-bewerkt-768x1024');
    await page.keyboard.press('Enter');

    // Saved: the year is in the comparison, flagged against the developer, and the focus is back on its button.
    const rij = rijVan(page, JAAR);
    await rij.getByText(t.wijktAf(-42)).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(pb.bewerken(JAAR));
    await page.getByRole('status').filter({ hasText: strings.ongedaan.opgeslagen(pb.undoLabel(JAAR)) }).waitFor();

    // Ctrl+Z (the focus is on a button, not in a text box) takes the whole year back out.
    await page.keyboard.press('Control+z');
    await page.getByRole('status').filter({ hasText: strings.ongedaan.gedaan(pb.undoLabel(JAAR)) }).waitFor();
    await expect.poll(() => rijVan(page, JAAR).count()).toBe(0);

    // Filled in again for the developer's tablet; Escape leaves an editor without saving.
    await saveYear(page, '30');
    await rijVan(page, JAAR).getByText(t.wijktAf(-30)).waitFor();
    await rijVan(page, JAAR).getByRole('button', { name: pb.bewerken(JAAR) }).click();
    await cel(page, t.prijscategorieen.huur1!, pb.woningtypen.eengezins!).fill('99');
    await page.keyboard.press('Escape');
    await rijVan(page, JAAR).getByText(t.wijktAf(-30)).waitFor();
    expect(await cel(page, t.prijscategorieen.huur1!, pb.woningtypen.eengezins!).count()).toBe(0);
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it("the developer sees the gemeente's grid against its opleveringen, and whose it is", async () => {
    const page = dirk.page;
    await page.setViewportSize({ width: 768, height: 1024 });
    await openProject(page, DEMO.project);
    await rijVan(page, JAAR).getByText(t.wijktAf(-30)).waitFor({ timeout: 20_000 });
    await sectie(page).getByText(strings.owner.slotVan(DEMO.gemeente)).waitFor();
    expect(await sectie(page).getByRole('button', { name: pb.bewerken(JAAR) }).count()).toBe(0);
    expect(await sectie(page).getByRole('textbox').count()).toBe(0);
    await screenshot(page, FLOW, '03-ontwikkelaar-ziet-planning-768x1024');
    await sectionShot(page, '03-ontwikkelaar-ziet-planning-768x1024');
  });

  it('the gemeente removes a year after confirming it, and the focus goes back to the heading', async () => {
    const page = gert.page;
    await openProject(page, DEMO.project);
    await rijVan(page, JAAR).getByRole('button', { name: pb.bewerken(JAAR) }).click();
    await sectie(page).getByRole('button', { name: pb.verwijderen(JAAR) }).click();
    const vraag = page.getByRole('dialog', { name: pb.verwijderen(JAAR) });
    await vraag.getByText(pb.verwijderenVraag(JAAR)).waitFor();
    // Escape closes the question, not the editor.
    await page.keyboard.press('Escape');
    await vraag.waitFor({ state: 'hidden' });
    await sectie(page).getByRole('button', { name: pb.verwijderen(JAAR) }).click();
    await vraag.getByRole('button', { name: pb.jaVerwijderen }).click();
    await expect.poll(() => rijVan(page, JAAR).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(t.planning);
    // The developer's tablet no longer shows it either.
    await expect.poll(() => rijVan(dirk.page, JAAR).count(), { timeout: 20_000 }).toBe(0);
  });
});
