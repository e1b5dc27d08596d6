// The planmonitor from the monitor the tafel already has, in real Chromium at tablet size: the
// gemeente imports a GeoJSON (RD New) of its plannen (one new, one changed), the developer sees
// the projects and fills in its private part, and the map shows the outlines.

import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { screenshot } from './helpers/artifacts';
import { setupLeden } from './helpers/leden-at-tafel';
import { DEMO, openNav, openProject, typeField } from './helpers/screens';

const FLOW = 'monitor-import';
const t = strings.monitor;
const tafel = setupLeden('Gert Gemeente', 'Dirk Ontwikkelaar');
const [gert, dirk] = tafel.leden;

function geojson(): Buffer {
  const ring = (x: number, y: number) => [[x, y], [x + 250, y], [x + 250, y + 120], [x, y + 120], [x, y]];
  const feature = (naam: string, status: string, x: number, y: number) => ({
    type: 'Feature',
    properties: { plan_naam: naam, gemeente: 'Voorbeeldstad', status_planologisch: status, plantype: 'Verdichting' },
    geometry: { type: 'Polygon', coordinates: [ring(x, y)] },
  });
  return Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [feature('Nieuwe Haven', '3. In voorbereiding', 203_000, 502_000), feature(DEMO.project, '1A. Onherroepelijk', 203_600, 502_300)],
    }),
  );
}

describe('a tafel starts from its own monitor', () => {
  it('the gemeente imports its monitor: preview first, then import with progress', async () => {
    const page = gert.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await openNav(page, strings.nav.planmonitor);
    await page.getByRole('link', { name: t.importeren }).click();
    await page.getByRole('heading', { level: 1, name: t.import.titel }).waitFor();
    await page.getByLabel(t.import.kiesBestand).setInputFiles({ name: 'plannen-zh.geojson', mimeType: 'application/geo+json', buffer: geojson() });
    await page.getByRole('heading', { name: t.import.stap(2, 3, t.import.stapKolommen) }).waitFor({ timeout: 20_000 });
    await screenshot(page, FLOW, 'kolommen');
    await page.getByRole('button', { name: t.import.voorbeeldBekijken }).click();
    await page.getByText(t.import.telling(1, 1, 0, 0)).waitFor({ timeout: 20_000 });
    await screenshot(page, FLOW, 'voorbeeld');
    await page.getByRole('button', { name: t.import.toepassen }).click();
    await page.getByText(t.import.klaar(1, 1)).waitFor({ timeout: 20_000 });
    await screenshot(page, FLOW, 'klaar');
  });

  it('a long preview is shown a page at a time, in portrait too, and cancelling changes nothing', async () => {
    const page = gert.page;
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${tafel.app.tafelUrl}/planmonitor/import`);
    await page.getByRole('heading', { level: 1, name: t.import.titel }).waitFor();
    const csv = ['Projectnaam;Gemeente;Planstatus', ...Array.from({ length: 60 }, (_, i) => `Proefplan ${i + 1};Voorbeeldstad;3 in voorbereiding`)].join('\r\n');
    await page.getByLabel(t.import.kiesBestand).setInputFiles({ name: 'proef.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: t.import.voorbeeldBekijken }).click();
    await page.getByText(t.import.telling(60, 0, 0, 0)).waitFor({ timeout: 20_000 });
    await page.getByText(t.import.paginaTelling(1, 50, 60)).waitFor();
    expect(await page.locator('.import-voorbeeld tbody tr').count()).toBe(50);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await page.getByRole('button', { name: t.import.volgendePagina }).click();
    await page.getByText(t.import.paginaTelling(51, 60, 60)).waitFor();
    expect(await page.getByRole('button', { name: t.import.volgendePagina }).isDisabled()).toBe(true);
    await screenshot(page, FLOW, 'voorbeeld-pagina-2-768x1024');
    await page.getByRole('button', { name: strings.common.annuleren }).click();
    await page.goto(`${tafel.app.tafelUrl}/planmonitor`);
    await page.getByRole('main').getByRole('link', { name: 'Nieuwe Haven' }).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Proefplan 1', exact: true }).count()).toBe(0);
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('the developer sees the projects and fills in its private part', async () => {
    const page = dirk.page;
    await page.setViewportSize({ width: 768, height: 1024 });
    await openNav(page, strings.nav.planmonitor);
    await page.getByRole('link', { name: 'Nieuwe Haven' }).waitFor({ timeout: 20_000 });
    await openProject(page, DEMO.project);
    await expect.poll(() => page.getByText('1A onherroepelijk').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await typeField(page, FIELD_LABELS.projecten.privateOpmerkingen, 'Netaansluiting aangevraagd bij de netbeheerder');
    await page.getByRole('heading', { name: t.planning }).waitFor();
    await screenshot(page, FLOW, 'project-planning-naast-opleveringen');
  });

  it('the map shows the imported outlines', async () => {
    const page = gert.page;
    await page.goto(`${tafel.app.tafelUrl}/planmonitor/kaart`);
    await page.getByRole('heading', { level: 1, name: t.kaart.titel }).waitFor();
    // data-getekend: the outlines are on the map (background tiles may never come: no network in tests).
    await page.locator('.kaart-vlak[data-status="klaar"][data-getekend] canvas').waitFor({ timeout: 30_000 });
    await page.getByRole('main').getByRole('link', { name: 'Nieuwe Haven' }).waitFor();
    const status = await page.getByText(/op de kaart$/).textContent();
    expect(Number(status?.split(' ')[0])).toBeGreaterThanOrEqual(2);
    await screenshot(page, FLOW, 'kaart');
    await page.getByRole('main').getByRole('link', { name: 'Nieuwe Haven' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe Haven' }).waitFor();
    // The developer's private remark reached the gemeente's tablet.
    await page.goto(`${tafel.app.tafelUrl}/planmonitor`);
    await page.getByRole('main').getByRole('link', { name: DEMO.project }).click();
    await page.getByText('Netaansluiting aangevraagd bij de netbeheerder').waitFor({ timeout: 20_000 });
  });
});
