// Ways to reach the demo tafel's screens the way a user does: through links and accessible names.

import type { Locator, Page } from 'playwright-core';
import { strings } from '../../../src/ui/strings';

export const DEMO = {
  gemeente: 'Gemeente Voorbeeldstad',
  markt: 'Bouwbedrijf Horizon',
  corporatie: 'Woonstichting Thuis',
  /** Public part by the gemeente, private part by Bouwbedrijf Horizon. */
  project: 'De Kade',
  /** Raised by Bouwbedrijf Horizon (Dirk). */
  knelpunt: 'Geen netaansluiting voor De Kade voor 2029',
  vergadering: 'Versnellingstafel Q-overleg',
} as const;

/** The sync status in the header, which says whether the relay connection is up. */
export const syncStatus = (page: Page): Locator =>
  page.getByRole('banner').getByRole('status', { name: strings.sync.regioLabel });

/** Waits until the tafel is loaded and the relay connection is up. */
export async function waitOnline(page: Page): Promise<void> {
  await syncStatus(page).getByText(strings.sync.online, { exact: true }).waitFor({ timeout: 20_000 });
}

/**
 * Follows a link of the main navigation and waits for the screen's heading. The link is found by
 * its label alone: the inbox link also names how many conflicts wait, when there are any.
 */
export async function openNav(page: Page, label: string, heading: string = label): Promise<void> {
  await page
    .getByRole('navigation', { name: strings.nav.label })
    .getByRole('link')
    .filter({ has: page.getByText(label, { exact: true }) })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function openFromNav(page: Page, nav: string, link: string, heading: string, exact = true): Promise<void> {
  await openNav(page, nav);
  await page.getByRole('main').getByRole('link', { name: link, exact }).first().click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

export const openProject = (page: Page, naam: string = DEMO.project) =>
  openFromNav(page, strings.nav.planmonitor, naam, naam);

export const openKnelpunt = (page: Page, titel: string = DEMO.knelpunt) =>
  openFromNav(page, strings.nav.knelpunten, titel, titel);

// A meeting's link also carries its date.
export const openVergadering = (page: Page, titel: string = DEMO.vergadering) =>
  openFromNav(page, strings.nav.vergaderingen, titel, titel, false);

/** Types into an editable field and leaves it, which stores the value; returns the field. */
export async function typeField(page: Page, label: string, text: string): Promise<Locator> {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
  await field.press('Tab');
  return field;
}
