// The ownership race in the browser: the developer edits a private field offline while the chair
// hands the project to another partij. On reconnect the relay rejects the edit; the developer's
// app rebuilds from the relay's state, keeps the still-permitted offline edits and shows the
// rejected value in the conflict inbox.

import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { screenshot } from './helpers/artifacts';
import { DEMO, openKnelpunt, openNav, openProject, typeField, waitOnline } from './helpers/screens';
import { setupLeden } from './helpers/leden-at-tafel';

const FLOW = 'eigenaarschap-race';

const tafel = setupLeden('Vera Voorzitter', 'Dirk Ontwikkelaar');
const [vera, dirk] = tafel.leden;

describe('ownership race', () => {
  it('puts the rejected offline value in the conflict inbox and keeps the permitted offline edits', async () => {
    await openKnelpunt(dirk.page);
    const knelpuntUrl = dirk.page.url();
    await Promise.all([openProject(dirk.page), openProject(vera.page)]);

    const opmerking = `Start bouw schuift een kwartaal op (${Date.now()})`;
    const beschrijving = `Netbeheerder belooft aansluiting in 2028 (${Date.now()})`;
    await dirk.context.setOffline(true);
    await typeField(dirk.page, 'Opmerkingen (privaat)', opmerking);
    await openKnelpunt(dirk.page);
    await typeField(dirk.page, FIELD_LABELS.knelpunten.beschrijving, beschrijving);

    // Meanwhile the chair gives the project to the corporatie.
    await vera.page
      .getByRole('combobox', { name: FIELD_LABELS.projecten.privaatEigenaar, exact: true })
      .selectOption({ label: DEMO.corporatie });
    // Handing a project over is confirmed first (issue 16).
    await vera.page
      .getByRole('dialog', { name: strings.eigenaarWissel.vraagTitel })
      .getByRole('button', { name: strings.eigenaarWissel.bevestig })
      .click();
    await expect
      .poll(() => vera.page.getByRole('group', { name: 'Opmerkingen (privaat)', exact: true }).textContent())
      .toContain(strings.owner.slotVan(DEMO.corporatie));
    await screenshot(vera.page, FLOW, '01-voorzitter-wijst-corporatie-toe');

    await dirk.context.setOffline(false);
    await waitOnline(dirk.page);
    await openNav(dirk.page, strings.nav.inbox);
    const conflict = dirk.page.getByRole('main').getByRole('listitem').filter({ hasText: opmerking });
    await conflict.waitFor({ timeout: 20_000 });
    expect(await conflict.textContent()).toContain(strings.inbox.uwInvoer);
    await screenshot(dirk.page, FLOW, '02-conflict-in-inbox');

    // The developer's copy now equals the relay's: the field is the corporatie's and empty.
    await openProject(dirk.page);
    const bijDirk = dirk.page.getByRole('group', { name: 'Opmerkingen (privaat)', exact: true });
    await expect.poll(() => bijDirk.textContent()).toContain(strings.owner.slotVan(DEMO.corporatie));
    expect(await bijDirk.textContent()).not.toContain(opmerking);
    await screenshot(dirk.page, FLOW, '03-project-nu-van-corporatie');

    // The still-permitted offline edit of the developer's own knelpunt reached the chair.
    await vera.page.goto(knelpuntUrl);
    await expect
      .poll(() => vera.page.getByRole('main').textContent(), { timeout: 20_000 })
      .toContain(beschrijving);
    await screenshot(vera.page, FLOW, '04-voorzitter-ziet-toegestane-wijziging');
  });
});
