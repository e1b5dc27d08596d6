// Offline on a building site: a lid edits with the network gone, reloads without network (the app
// starts from the service worker, the edits from IndexedDB), and once back online the other lid
// sees the edits.

import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { waitForServiceWorker } from './helpers/app';
import { screenshot } from './helpers/artifacts';
import { DEMO, openKnelpunt, openProject, syncStatus, typeField, waitOnline } from './helpers/screens';
import { setupLeden } from './helpers/leden-at-tafel';

const FLOW = 'offline';

const tafel = setupLeden('Gert Gemeente', 'Dirk Ontwikkelaar');
const [gert, dirk] = tafel.leden;

describe('offline', () => {
  it('keeps edits made offline through a reload without network and shares them once online', async () => {
    // The developer's tablet can start without network only once its service worker is active.
    await waitForServiceWorker(dirk.page);
    await Promise.all([openProject(dirk.page), openProject(gert.page)]);
    const opmerking = `Fundering aangepast na grondonderzoek (${Date.now()})`;
    const beschrijving = `Netbeheerder biedt een tijdelijke bouwaansluiting aan (${Date.now()})`;

    await dirk.context.setOffline(true);
    const privaat = await typeField(dirk.page, 'Opmerkingen (privaat)', opmerking);
    await openKnelpunt(dirk.page);
    const knelpuntUrl = dirk.page.url();
    const veld = await typeField(dirk.page, FIELD_LABELS.knelpunten.beschrijving, beschrijving);
    await screenshot(dirk.page, FLOW, '01-offline-bewerkt');

    // Reload with the network still gone: the service worker starts the app, IndexedDB has the edits.
    await dirk.page.reload();
    await dirk.page.getByRole('heading', { level: 1, name: DEMO.knelpunt }).waitFor();
    expect(await dirk.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => veld.inputValue()).toBe(beschrijving);
    await expect.poll(() => syncStatus(dirk.page).textContent()).toContain(strings.sync.offline);
    await screenshot(dirk.page, FLOW, '02-na-herladen-offline');
    await openProject(dirk.page);
    await expect.poll(() => privaat.inputValue()).toBe(opmerking);

    // Nothing reached the other lid while offline.
    const bijGert = gert.page.getByRole('group', { name: 'Opmerkingen (privaat)', exact: true });
    expect(await bijGert.textContent()).not.toContain(opmerking);

    await dirk.context.setOffline(false);
    await bijGert.getByText(opmerking).waitFor({ timeout: 20_000 });
    await screenshot(gert.page, FLOW, '03-gemeente-ziet-offline-wijziging');
    await gert.page.goto(knelpuntUrl);
    await gert.page.getByRole('heading', { level: 1, name: DEMO.knelpunt }).waitFor();
    await expect
      .poll(() => gert.page.getByRole('group', { name: FIELD_LABELS.knelpunten.beschrijving, exact: true }).textContent(), {
        timeout: 20_000,
      })
      .toContain(beschrijving);
    await waitOnline(dirk.page);
    await screenshot(gert.page, FLOW, '04-gemeente-ziet-knelpunt');
  });
});
