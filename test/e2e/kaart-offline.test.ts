// The map offline in real Chromium (issue 13): tiles of the PDOK BRT achtergrondkaart seen while
// online come from the service worker's cache once the network is gone, and a tablet that never
// saw any still draws the outlines on a plain background. The tests have no internet: while
// "online" the browser context answers the PDOK tile requests (the service worker's own fetches
// included) with a one-colour PNG, so the colour on screen tells where the map's tiles came from.

import { crc32, deflateSync } from 'node:zlib';
import type { BrowserContext, Locator, Page, Request, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { waitForServiceWorker } from './helpers/app';
import { screenshot } from './helpers/artifacts';
import { setupLeden } from './helpers/leden-at-tafel';

const FLOW = 'kaart-offline';
const t = strings.monitor.kaart;
const PDOK_TEGELS = /^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\//;
/** The service worker's runtime cache of the tiles (src/pwa/pwaOptions.ts). */
const TEGEL_CACHE = 'pdok-brt-tegels';
/** Magenta: no colour of the map itself (plain background, outlines, controls) comes close. */
const TEGEL_KLEUR = [255, 0, 255] as const;

const tafel = setupLeden('Gert Gemeente', 'Dirk Ontwikkelaar');
const [gert, dirk] = tafel.leden;

/** A 256x256 PNG of one colour (RGB, no filter), the size of a PDOK tile. */
function eenKleurPng([r, g, b]: readonly [number, number, number]): Buffer {
  const size = 256;
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** PDOK answered by the test, as the internet would. Returns the requests the service worker made. */
async function pdokOnline(context: BrowserContext): Promise<Request[]> {
  const png = eenKleurPng(TEGEL_KLEUR);
  const doorServiceWorker: Request[] = [];
  await context.route(PDOK_TEGELS, async (route) => {
    if (route.request().serviceWorker()) doorServiceWorker.push(route.request());
    await route.fulfill({
      status: 200,
      contentType: 'image/png',
      // No HTTP cache: offline, a tile can only come from the service worker's cache.
      headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
      body: png,
    });
  });
  return doorServiceWorker;
}

/** No network at all, for the page and its service worker. Returns the PDOK requests that tried. */
async function geenNetwerk(context: BrowserContext): Promise<Request[]> {
  await context.unrouteAll({ behavior: 'wait' });
  await context.setOffline(true);
  const geprobeerd: Request[] = [];
  await context.route(PDOK_TEGELS, async (route) => {
    geprobeerd.push(route.request());
    await route.abort('internetdisconnected');
  });
  return geprobeerd;
}

/** Opens the map and waits until the outlines are drawn on it. */
async function openKaart(page: Page): Promise<Locator> {
  await page.goto(`${tafel.app.tafelUrl}/planmonitor/kaart`);
  await page.getByRole('heading', { level: 1, name: t.titel }).waitFor();
  const vlak = page.locator('.kaart-vlak[data-status="klaar"][data-getekend]');
  await vlak.locator('canvas').waitFor({ timeout: 30_000 });
  return vlak;
}

/** The share of the map's pixels in the tile colour: 0 on a plain background. */
async function tegelAandeel(vlak: Locator): Promise<number> {
  const png = (await vlak.screenshot()).toString('base64');
  return vlak.page().evaluate(
    async ({ png, kleur }) => {
      // From bytes, not a data: URL, which the app's content security policy does not let fetch.
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let raak = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - kleur[0]) + Math.abs(data[i + 1]! - kleur[1]) + Math.abs(data[i + 2]! - kleur[2]) < 30) raak++;
      }
      return raak / (data.length / 4);
    },
    { png, kleur: TEGEL_KLEUR },
  );
}

/** The page's PDOK tile responses from now on. */
function tegelAntwoorden(page: Page): Response[] {
  const antwoorden: Response[] = [];
  page.on('response', (response) => {
    if (PDOK_TEGELS.test(response.url())) antwoorden.push(response);
  });
  return antwoorden;
}

const tegelsInCache = (page: Page) => page.evaluate(async (naam) => (await (await caches.open(naam)).keys()).length, TEGEL_CACHE);

describe('the map offline', () => {
  it('shows the tiles it saw online from the service worker\'s cache once the network is gone', async () => {
    const page = gert.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await waitForServiceWorker(page);
    const doorServiceWorker = await pdokOnline(gert.context);

    // Online: the tiles come through the service worker, which keeps them.
    const vlak = await openKaart(page);
    await expect.poll(() => tegelAandeel(vlak), { timeout: 30_000 }).toBeGreaterThan(0.5);
    expect(doorServiceWorker.length).toBeGreaterThan(0);
    await expect.poll(() => tegelsInCache(page)).toBeGreaterThan(0);
    await screenshot(page, FLOW, '01-online-tegels');

    // Offline, after a reload: the same tiles, all answered by the service worker from its cache.
    const geprobeerd = await geenNetwerk(gert.context);
    const antwoorden = tegelAntwoorden(page);
    const offline = await openKaart(page);
    await page.getByText(t.offline).waitFor();
    await expect.poll(() => tegelAandeel(offline), { timeout: 30_000 }).toBeGreaterThan(0.5);
    expect(antwoorden.length).toBeGreaterThan(0);
    expect(antwoorden.filter((r) => !r.fromServiceWorker() || r.status() !== 200).map((r) => `${r.status()} ${r.url()}`)).toEqual([]);
    // Nothing came from the network: the tiles on screen were all in the cache.
    expect(geprobeerd.map((r) => r.url())).toEqual([]);
    expect(await page.getByText(t.geenKaart).count()).toBe(0);
    await screenshot(page, FLOW, '02-offline-tegels-uit-cache');

    // Portrait too: the map fits the window; a strip it never showed before stays plain.
    await page.setViewportSize({ width: 768, height: 1024 });
    await expect.poll(() => tegelAandeel(offline), { timeout: 30_000 }).toBeGreaterThan(0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot(page, FLOW, '03-offline-tegels-768x1024');
  });

  it('draws the outlines on a plain background on a tablet that never saw a tile', async () => {
    const page = dirk.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await waitForServiceWorker(page);
    const geprobeerd = await geenNetwerk(dirk.context);
    expect(await tegelsInCache(page)).toBe(0);

    const vlak = await openKaart(page);
    expect(Number(await vlak.getAttribute('data-getekend'))).toBeGreaterThan(0);
    await page.getByText(t.offline).waitFor();
    // The map asked for tiles and got none: a plain background, and no error in sight.
    await expect.poll(() => geprobeerd.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await tegelAandeel(vlak)).toBe(0);
    expect(await page.getByText(t.geenKaart).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, FLOW, '04-offline-zonder-tegels');
  });
});
