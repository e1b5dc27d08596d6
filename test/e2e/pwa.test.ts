// The installable offline app in real Chromium: manifest and icons, storage notices, a cold start
// without network, and the update flow that never reloads while someone types.

import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { THEME_COLOR } from '../../src/pwa/theme';
import { DIST_DIR, RunningApp, assertBuilt, waitForServiceWorker } from './helpers/app';
import { screenshot } from './helpers/artifacts';
import { setupFile } from './helpers/setup';
import { launchProfile, type Profile } from './helpers/browser';

const FLOW = 'pwa';

let app: RunningApp;
let profile: Profile;
// The relay serves a copy of dist/, so the update test can deploy a "new version" into it.
let distCopy: string;

setupFile(
  async () => {
    assertBuilt();
    distCopy = mkdtempSync(join(tmpdir(), 'aan-tafel-dist-'));
    cpSync(DIST_DIR, distCopy, { recursive: true });
    app = await RunningApp.start({ distDir: distCopy });
    profile = await launchProfile();
  },
  async () => {
    await profile?.close();
    await app?.stop();
    if (distCopy) rmSync(distCopy, { recursive: true, force: true });
  },
);

async function openHome(): Promise<Page> {
  const page = await profile.context.newPage();
  await page.goto(app.baseUrl);
  await page.getByRole('heading', { name: strings.welcome.titel }).waitFor();
  return page;
}

/**
 * A deploy: a changed service worker script is a new version to the browser; the relay restarts
 * on it like after a real deploy (it reads the file list of dist/ at start). `page` then checks
 * for updates, as the app does at start, every hour and when the device comes back online.
 */
async function deployNewVersion(page: Page): Promise<void> {
  appendFileSync(join(distCopy, 'sw.js'), `\n// nieuwe versie ${Date.now()}\n`);
  await app.restart();
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
}

/** The ids of the page's service worker versions that are waiting, and the one that is active. */
async function serviceWorkerVersions(page: Page): Promise<{ waiting: string[]; active: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const versions = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const version of updated) versions.set(version.versionId, version.status);
  });
  await cdp.send('ServiceWorker.enable');
  // The domain reports the known versions right after enable; wait until it did.
  await expect.poll(() => versions.size).toBeGreaterThan(0);
  await cdp.detach();
  const withStatus = (status: string) => [...versions].filter(([, s]) => s === status).map(([id]) => id);
  return { waiting: withStatus('installed'), active: withStatus('activated') };
}

/** The pixel size of an image the page can load, or an error text. */
async function imageSize(page: Page, href: string): Promise<string> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) return `HTTP ${response.status}`;
    const bitmap = await createImageBitmap(await response.blob());
    return `${bitmap.width}x${bitmap.height}`;
  }, href);
}

describe('installable offline app', () => {
  it('meets Chromium\'s installability criteria, with a Dutch manifest and icons for every platform', async () => {
    const page = await openHome();
    await waitForServiceWorker(page);
    const cdp = await profile.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);

    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    expect(url).toBe(`${app.baseUrl}/manifest.webmanifest`);
    const manifest = JSON.parse(data ?? '{}') as {
      name: string;
      lang: string;
      description: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Aan Tafel', lang: 'nl-NL', display: 'standalone', theme_color: THEME_COLOR });
    expect(manifest.description).toMatch(/versnellingstafel woningbouw/);
    const pngIcons = manifest.icons.filter((icon) => icon.sizes !== 'any');
    expect(pngIcons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of pngIcons) expect(await imageSize(page, `/${icon.src}`)).toBe(icon.sizes);

    // iPadOS takes its home-screen icon and standalone mode from the head, not the manifest.
    const appleIcons = await page
      .locator('link[rel="apple-touch-icon"][sizes]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('sizes'), l.getAttribute('href')] as const));
    expect(appleIcons.map(([sizes]) => sizes).sort()).toEqual(['152x152', '167x167', '180x180']);
    for (const [sizes, href] of appleIcons) expect(await imageSize(page, href ?? '')).toBe(sizes);
    await expect
      .poll(() => page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute('content'))
      .toBe('yes');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(THEME_COLOR);
    await screenshot(page, FLOW, '01-home-installable');
    await page.close();
  });

  it('says once that storage is not persistent when the browser refuses it', async () => {
    // A fresh profile without engagement: Chromium refuses persistent storage.
    const page = await openHome();
    const notice = page.getByText(strings.pwa.opslagNietBlijvend);
    await notice.waitFor();
    await screenshot(page, FLOW, '02-opslag-niet-blijvend');
    await page.getByRole('button', { name: strings.pwa.begrepen }).click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    // Persistence is asked again at every start; give the answer time to arrive.
    await page.waitForTimeout(500);
    expect(await notice.count()).toBe(0);
    await page.close();
  });

  it('warns when the browser reports that storage runs low', async () => {
    const page = await profile.context.newPage();
    // Simulates a nearly full device: 50 MB left of the quota.
    await page.addInitScript(() => {
      const mb = 1024 * 1024;
      navigator.storage.estimate = async () => ({ usage: 1950 * mb, quota: 2000 * mb });
    });
    await page.goto(app.baseUrl);
    await page.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    await page.getByText(strings.pwa.opslagBijnaVol('50 MB')).waitFor();
    await screenshot(page, FLOW, '03-opslag-bijna-vol');
    await page.close();
  });

  it('starts cold without any network from the service worker, deep links included', async () => {
    const warm = await openHome();
    await waitForServiceWorker(warm);
    const context = await profile.restart({ offline: true });
    const page = await context.newPage();
    await page.goto(app.baseUrl);
    await page.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => fetch('/health').then(() => 'online', () => 'offline'))).toBe('offline');
    await screenshot(page, FLOW, '04-koude-start-offline');
    // An app route that was never visited starts from the cached shell too.
    await page.goto(`${app.baseUrl}/tafel/onbekend`);
    await page.getByText(strings.welcome.tafelOnbekend).waitFor();
    await profile.restart({ offline: false });
  });

  it('offers a new version and reloads a tab only once nobody types in it', async () => {
    const accepting = await openHome();
    const typing = await openHome();
    for (const page of [accepting, typing]) {
      await waitForServiceWorker(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await page.evaluate(() => Object.assign(window, { oudeVersie: true }));
    }
    const codeField = typing.getByLabel(strings.welcome.codeLabel);
    await codeField.click();
    await codeField.pressSequentially('ABC', { delay: 20 });

    await deployNewVersion(accepting);

    for (const page of [accepting, typing]) await page.getByText('Nieuwe versie beschikbaar').waitFor();
    expect(await typing.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.tagName)).toBe(
      await codeField.evaluate((el) => el.getAttribute('id') ?? el.tagName),
    );
    await screenshot(accepting, FLOW, '05-nieuwe-versie');

    await accepting.getByRole('button', { name: 'Vernieuwen' }).click();
    await accepting.waitForFunction(() => !('oudeVersie' in window));
    await accepting.getByRole('heading', { name: strings.welcome.titel }).waitFor();

    // The typing tab got the new service worker too, but keeps the page and the typed text.
    await typing.getByText(strings.pwa.vernieuwenNaTypen).waitFor();
    await typing.waitForTimeout(1500);
    expect(await typing.evaluate(() => 'oudeVersie' in window)).toBe(true);
    expect(await codeField.inputValue()).toBe('ABC');
    await screenshot(typing, FLOW, '06-wacht-op-typen');

    // Done typing: focus leaves the field, and the tab reloads into the new version.
    await typing.getByRole('heading', { name: strings.welcome.titel }).click();
    await typing.waitForFunction(() => !('oudeVersie' in window));
    await typing.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    expect(await typing.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();
    await screenshot(typing, FLOW, '07-nieuwe-versie-geladen');
  });

  it('hides the offer on "Later", keeps the page and the typed text, and takes the new version at a later start', async () => {
    // Tabs of earlier tests would take part in the update: one tab of the app from here on.
    for (const open of profile.context.pages()) await open.close();
    const page = await openHome();
    await waitForServiceWorker(page);
    await page.evaluate(() => Object.assign(window, { oudeVersie: true }));
    const codeField = page.getByLabel(strings.welcome.codeLabel);
    await codeField.click();
    await codeField.pressSequentially('XYZ', { delay: 20 });

    await deployNewVersion(page);
    const offer = page.getByText(strings.pwa.nieuweVersie);
    await offer.waitFor();
    await page.getByRole('button', { name: strings.pwa.later }).click();
    await offer.waitFor({ state: 'detached' });
    // Nothing reloads: the running version stays, with what was typed.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => 'oudeVersie' in window)).toBe(true);
    expect(await codeField.inputValue()).toBe('XYZ');
    await screenshot(page, FLOW, '08-later');
    // The new version is kept, waiting.
    const { waiting: [newVersion], active: [oldVersion] } = await serviceWorkerVersions(page);
    expect(newVersion).toBeDefined();
    expect(oldVersion).toBeDefined();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting !== null)).toBe(true);

    // Started again while the old version still runs (a reload): the offer is back.
    await page.reload();
    await offer.waitFor();
    expect(await page.evaluate(() => 'oudeVersie' in window)).toBe(false);
    await page.getByRole('button', { name: strings.pwa.later }).click();
    await offer.waitFor({ state: 'detached' });

    // Started again after the app was closed: the browser starts the new version by itself.
    const context = await profile.restart();
    const started = await context.newPage();
    await started.goto(app.baseUrl);
    await started.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    await waitForServiceWorker(started);
    const after = await serviceWorkerVersions(started);
    expect(after.active).toEqual([newVersion]);
    expect(after.active).not.toContain(oldVersion);
    expect(after.waiting).toEqual([]);
    expect(await started.getByText(strings.pwa.nieuweVersie).count()).toBe(0);
  });
});
