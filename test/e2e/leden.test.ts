// The chair removes a lid on a real tablet: the dialog says what happens, nothing changes without
// a connection, and once online the lid's access is revoked and the lid leaves the tafel. The
// removed developer's tablet loses access; what he wrote keeps his name, as oud-lid.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { screenshot } from './helpers/artifacts';
import { describeViolations, seriousViolations } from './helpers/axe';
import { DEMO, openNav, openProject, typeField, waitOnline } from './helpers/screens';
import { setupLeden } from './helpers/leden-at-tafel';

const FLOW = 'lid-verwijderen';
const DIRK = 'Dirk Ontwikkelaar';

const tafel = setupLeden('Vera Voorzitter', DIRK);
const [vera, dirk] = tafel.leden;

const t = strings.leden;
const privaatDeel = (page: Page) => page.getByRole('region', { name: strings.project.privaat });

describe('removing a lid', () => {
  it('revokes the lid’s access, removes the lid and keeps the lid’s name with what they wrote', async () => {
    // Dirk writes something first.
    const opmerking = `Bouwteam gestart (${Date.now()})`;
    await openProject(dirk.page);
    await typeField(dirk.page, 'Opmerkingen (privaat)', opmerking);
    await openProject(vera.page);
    await privaatDeel(vera.page).getByText(opmerking).waitFor({ timeout: 10_000 });
    await expect.poll(() => privaatDeel(vera.page).textContent()).toContain(`gewijzigd door ${DIRK} (${DEMO.markt})`);

    await openNav(vera.page, strings.nav.leden, t.titel);
    // Never offered for the chair's own lid.
    expect(await vera.page.getByRole('button', { name: `${t.verwijderen}: Vera Voorzitter` }).count()).toBe(0);
    await vera.page.getByRole('button', { name: `${t.verwijderen}: ${DIRK}` }).click();
    const dialog = vera.page.getByRole('dialog', { name: t.verwijderenTitel(DIRK) });
    await dialog.waitFor();
    for (const gevolg of t.verwijderenGevolgen(DIRK)) await dialog.getByText(gevolg).waitFor();
    const violations = await seriousViolations(vera.page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(vera.page, FLOW, '01-vraag');

    // Without a connection nothing changes, and the chair is told why.
    await vera.context.setOffline(true);
    await dialog.getByRole('button', { name: t.verwijderen, exact: true }).click();
    await dialog.getByRole('alert').getByText(t.verwijderenOffline(DIRK)).waitFor();
    await screenshot(vera.page, FLOW, '02-offline');
    await vera.context.setOffline(false);
    await waitOnline(vera.page);
    await waitOnline(dirk.page);
    expect(await vera.page.getByRole('main').getByRole('rowheader', { name: DIRK }).count()).toBe(1);

    // Online, by keyboard.
    await dialog.getByRole('button', { name: t.verwijderen, exact: true }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await vera.page.getByText(t.verwijderd(DIRK)).waitFor();
    await expect.poll(() => vera.page.getByRole('main').getByRole('rowheader', { name: DIRK }).count()).toBe(0);
    await screenshot(vera.page, FLOW, '03-verwijderd');

    // Dirk's tablet loses access and offers no edits any more.
    await dirk.page.getByText(strings.herstel.toegangIngetrokken).waitFor({ timeout: 20_000 });
    await expect.poll(() => dirk.page.getByRole('textbox', { name: 'Opmerkingen (privaat)', exact: true }).count()).toBe(0);
    await screenshot(dirk.page, FLOW, '04-toegang-kwijt');

    // What Dirk wrote stays, with his name.
    await openProject(vera.page);
    expect(await privaatDeel(vera.page).textContent()).toContain(opmerking);
    await expect.poll(() => privaatDeel(vera.page).textContent()).toContain(`gewijzigd door ${strings.provenance.oudLid(DIRK)} (${DEMO.markt})`);
    await screenshot(vera.page, FLOW, '05-naam-blijft');
  });
});
