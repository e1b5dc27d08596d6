// The planmonitor from the monitor the tafel already has, in real Chromium at tablet size: the
// gemeente imports a GeoJSON (RD New) of its plannen (one new, one changed after confirming the
// match on naam + gemeente; the same file again finds its saved mapping and changes nothing), the
// developer sees the projects and fills in its private part, and the map shows the outlines.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { ARTIFACTS_DIR, screenshot } from './helpers/artifacts';
import { describeViolations, seriousViolations } from './helpers/axe';
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

async function noSeriousViolations(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The view as the tablet shows it, without the app's passing notices (for docs/screenshots/). */
async function tabletShot(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS_DIR, FLOW, `${step}.png`), style: '.pwa-notices { display: none !important }' });
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
    // One choice by hand: the plantype column is not imported. It is saved for the next import.
    expect(await page.getByText(t.import.koppelingOvergenomen).count()).toBe(0);
    const plantype = page.getByRole('combobox', { name: `${t.import.doel}: plantype` });
    expect(await plantype.inputValue()).toBe('veld:plantype');
    await plantype.selectOption('negeren');
    await page.getByRole('button', { name: t.import.voorbeeldBekijken }).click();
    await page.getByText(t.import.telling(1, 1, 0, 0)).waitFor({ timeout: 20_000 });
    // The existing project was found on naam + gemeente only: the gemeente confirms it is the same one.
    await page.getByText(t.import.bevestigUitleg(1)).waitFor();
    await page.getByText(t.import.bevestigdTelling(0, 1)).waitFor();
    await page.getByRole('button', { name: t.import.alleBevestigen }).click();
    await page.getByText(t.import.bevestigdTelling(1, 1)).waitFor();
    expect(await page.getByRole('checkbox', { name: t.import.bevestigRijLabel(2, DEMO.project) }).isChecked()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, FLOW, 'voorbeeld');
    await tabletShot(page, 'voorbeeld-1024x768');
    await noSeriousViolations(page);
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, FLOW, 'voorbeeld-768x1024');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: t.import.toepassen }).click();
    await page.getByText(t.import.klaar(1, 1)).waitFor({ timeout: 20_000 });
    await screenshot(page, FLOW, 'klaar');

    // The same file again: the mapping chosen last time comes back, and nothing changes.
    await page.getByRole('button', { name: t.import.nogEen }).click();
    await page.getByLabel(t.import.kiesBestand).setInputFiles({ name: 'plannen-zh.geojson', mimeType: 'application/geo+json', buffer: geojson() });
    await page.getByRole('heading', { name: t.import.stap(2, 3, t.import.stapKolommen) }).waitFor({ timeout: 20_000 });
    await page.getByText(t.import.koppelingOvergenomen).waitFor();
    await screenshot(page, FLOW, 'kolommen-opgeslagen');
    expect(await page.getByRole('combobox', { name: `${t.import.doel}: plantype` }).inputValue()).toBe('negeren');
    await page.getByRole('button', { name: t.import.voorbeeldBekijken }).click();
    await page.getByText(t.import.telling(0, 0, 2, 0)).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: t.import.toepassen }).isDisabled()).toBe(true);
  });

  it('a long preview is shown a page at a time, in portrait too, and cancelling changes nothing', async () => {
    const page = gert.page;
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${tafel.app.tafelUrl}/planmonitor/import`);
    await page.getByRole('heading', { level: 1, name: t.import.titel }).waitFor();
    // Files that cannot be imported say why, in Dutch, and leave the choice open.
    const html = Buffer.from('<!DOCTYPE html><html><body><table><tr><td>Projectnaam</td></tr></table></body></html>');
    await page.getByLabel(t.import.kiesBestand).setInputFiles({ name: 'monitor.xlsx', mimeType: 'application/octet-stream', buffer: html });
    await page.getByText(t.import.bestand['type-klopt-niet']!({ naam: 'xlsx', inhoud: 'html' })).waitFor({ timeout: 20_000 });
    const teVeel = ['Projectnaam;Gemeente', ...Array.from({ length: 10_001 }, (_, i) => `Plan ${i};Voorbeeldstad`)].join('\n');
    await page.getByLabel(t.import.kiesBestand).setInputFiles({ name: 'alles.csv', mimeType: 'text/csv', buffer: Buffer.from(teVeel) });
    await page.getByText(t.import.bestand['te-veel-rijen']!({ rijen: 10_001, max: 10_000 })).waitFor({ timeout: 20_000 });
    await screenshot(page, FLOW, 'te-veel-rijen-768x1024');
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
    // The README's picture: the comparison itself, not the 6,000 px project page around it (the
    // sticky header and the save message hidden for it, so they do not cover its top).
    const verberg = await page.addStyleTag({ content: '.app-header, .app-nav, .toasts { visibility: hidden !important; }' });
    await page.locator('.planning-vergelijking').screenshot({ path: join(ARTIFACTS_DIR, FLOW, 'planning-vergelijking.png') });
    await verberg.evaluate((el) => (el as Element).remove());
  });

  it('the gemeente exports: everything inside the tafel, and for the provincie only what may leave it', async () => {
    const page = gert.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${tafel.app.tafelUrl}/planmonitor`);
    const exporteer = async (buiten: 'binnen' | 'provincie'): Promise<{ aantal: number; rijen: Record<string, string>[]; kolommen: string[] }> => {
      await page.getByRole('button', { name: t.exporteren }).click();
      const dialog = page.getByRole('dialog', { name: t.export.titel });
      await dialog.getByLabel(t.export.formaten.csv!).check();
      await dialog.getByLabel(buiten === 'binnen' ? t.export.binnen : t.export.buiten.provincie!).check();
      if (buiten === 'binnen') await dialog.getByLabel(t.export.herkomst).check();
      const status = await dialog.getByRole('status').textContent();
      if (buiten === 'provincie') {
        await tabletShot(page, 'export-1024x768');
        await noSeriousViolations(page);
        await page.setViewportSize({ width: 768, height: 1024 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
        await screenshot(page, FLOW, 'export-768x1024');
        await page.setViewportSize({ width: 1024, height: 768 });
      }
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: t.export.downloaden }).click()]);
      const tekst = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const csv = Papa.parse<Record<string, string>>(tekst, { header: true, delimiter: ';', skipEmptyLines: true });
      return { aantal: Number(status?.split(' ')[0]), rijen: csv.data, kolommen: csv.meta.fields ?? [] };
    };
    const binnen = await exporteer('binnen');
    expect(binnen.rijen).toHaveLength(binnen.aantal);
    expect(binnen.rijen.map((r) => r.Projectnaam)).toContain('Nieuwe Haven');
    expect(binnen.rijen.find((r) => r.Projectnaam === DEMO.project)!['Opmerkingen ontwikkelaar']).toBe('Netaansluiting aangevraagd bij de netbeheerder');
    expect(binnen.kolommen).toContain('Planstatus (ingevuld door)');

    const provincie = await exporteer('provincie');
    expect(provincie.rijen).toHaveLength(provincie.aantal);
    // Unclassified projects (Nieuwe Haven) stay inside; the private part and the names never leave.
    expect(provincie.aantal).toBeLessThan(binnen.aantal);
    expect(provincie.rijen.map((r) => r.Projectnaam)).not.toContain('Nieuwe Haven');
    expect(provincie.kolommen.filter((k) => /ontwikkelaar|Start bouw|Oplevering|ingevuld door/.test(k))).toEqual([]);
    expect(provincie.rijen.every((r) => ['provincie', 'openbaar'].includes(r.Vertrouwelijkheid!))).toBe(true);
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

    // The grid's filters, on the map too (they travel in the URL), in portrait: one outline is left;
    // the map fits it, so a tap in the middle of the map lands on it and opens the project.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${tafel.app.tafelUrl}/planmonitor/kaart?zoek=${encodeURIComponent('Nieuwe Haven')}&kleur=knelpunt`);
    await page.locator('.kaart-vlak[data-status="klaar"][data-getekend="1"] canvas').waitFor({ timeout: 30_000 });
    await page.getByText(t.kaart.opKaart(1)).waitFor();
    expect(await page.getByLabel(t.kaart.kleurOp).inputValue()).toBe('knelpunt');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, FLOW, 'kaart-gefilterd-768x1024');
    await noSeriousViolations(page);
    await page.locator('.kaart-vlak canvas').click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe Haven' }).waitFor();
    await page.setViewportSize({ width: 1024, height: 768 });
    // The developer's private remark reached the gemeente's tablet.
    await page.goto(`${tafel.app.tafelUrl}/planmonitor`);
    await page.getByRole('main').getByRole('link', { name: DEMO.project }).click();
    await page.getByText('Netaansluiting aangevraagd bij de netbeheerder').waitFor({ timeout: 20_000 });
  });
});
