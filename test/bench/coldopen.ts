// Cold open: a large tafel (2,000 projects, 300 knelpunten, 40 meetings with notulen) opened
// offline in headless Chromium, the browser started afresh on its profile each time: until the
// planmonitor shows its rows (from the read model when it matches the local copy), until it shows
// the live document's rows (the document is in memory and editable), and the longest main-thread
// task meanwhile; as ratios to the floor: a bare Y.applyUpdate of the same state in the same page.

import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { launchProfile } from '../e2e/helpers/browser';
import { waitForServiceWorker } from '../e2e/helpers/app';
import { waitForReadModel } from '../e2e/helpers/read-model';
import { inviteWhenKnown, startRelay } from '../integration/helpers/relay';
import type { TafelOmvang } from './fixtures/tafel';
import { buildTafelOnRelay, OUR_RELAY_ENV } from './fanout/our-relay';
import { startProfile } from './lib/cpuProfile';
import { median } from './lib/stats';

const COLD_TAFEL: TafelOmvang = { projecten: 2000, knelpunten: 300, vergaderingen: 40, notulenAlineas: 30 };

export interface ColdOpenSettings {
  readonly repeats: number;
}

export interface ColdOpenResult {
  readonly stateKb: number;
  /** Navigation start until the planmonitor shows the live document's rows (as liveMs; kept for older results). */
  readonly openMs: number;
  /** Y.applyUpdate of the whole state into a fresh Y.Doc, in the same page. */
  readonly floorMs: number;
  /** live / floor. */
  readonly ratioToFloor: number;
  /** firstRows / floor. */
  readonly firstRowsRatio?: number;
  readonly samples: readonly ColdOpenSample[];
  /** Navigation start until the planmonitor shows rows (from the read model when there is one). */
  readonly firstRowsMs?: number;
  /** Navigation start until the document is loaded and the page edits live data. */
  readonly liveMs?: number;
  /** The longest main-thread task during the open (PerformanceObserver 'longtask'). */
  readonly longestTaskMs?: number;
  /** Medians of the app's own performance marks, ms since navigation start. */
  readonly phases?: Readonly<Record<string, number>>;
}

export interface ColdOpenSample {
  readonly openMs: number;
  readonly floorMs: number;
  readonly firstRowsMs?: number;
  readonly liveMs?: number;
  readonly longestTaskMs?: number;
}

declare global {
  interface Window {
    __benchRenderedAt?: number;
    __benchLiveAt?: number;
    __benchLongestTask?: number;
    __benchSources?: string[];
    BenchY?: typeof Y;
  }
}

/** Yjs as a classic script for the floor: the page's own copy is bundled away inside the app. */
async function yjsForPage(): Promise<string> {
  const require = createRequire(import.meta.url);
  const out = await build({ entryPoints: [require.resolve('yjs')], bundle: true, format: 'iife', globalName: 'BenchY', write: false, minify: true, platform: 'browser' });
  return out.outputFiles[0]!.text;
}

/**
 * Runs in the page before the app: notes when the planmonitor's grid first holds rows for every
 * project (from wherever: the read model or the document), when it holds the live document's rows
 * (data-bron="document"), which sources it showed, and the longest main-thread task until live.
 * A string, not a function: tsx would decorate a function with helpers the page does not have.
 */
function watchForPlanmonitor(total: number): string {
  return `(() => {
    const rows = '.planmonitor .grid-body[data-total="${total}"] .grid-body-row';
    const liveRows = '.planmonitor .grid-body[data-total="${total}"][data-bron="document"] .grid-body-row';
    window.__benchSources = [];
    window.__benchLongestTask = 0;
    new PerformanceObserver((list) => {
      if (window.__benchLiveAt !== undefined) return;
      for (const e of list.getEntries()) window.__benchLongestTask = Math.max(window.__benchLongestTask, e.duration);
    }).observe({ type: 'longtask', buffered: true });
    const observer = new MutationObserver(() => {
      const body = document.querySelector('.planmonitor .grid-body[data-total="${total}"]');
      const source = body && body.getAttribute('data-bron');
      if (source && !window.__benchSources.includes(source)) window.__benchSources.push(source);
      if (window.__benchRenderedAt === undefined && document.querySelector(rows) !== null) window.__benchRenderedAt = performance.now();
      if (window.__benchLiveAt === undefined && document.querySelector(liveRows) !== null) {
        window.__benchLiveAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

async function floorInPage(page: Page, yjs: string, stateBase64: string): Promise<number> {
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not block.
  await page.evaluate(`(() => { ${yjs}; window.BenchY = BenchY; return true; })()`);
  return page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const BY = window.BenchY!;
    const doc = new BY.Doc();
    const t = performance.now();
    BY.applyUpdate(doc, bytes);
    return performance.now() - t;
  }, stateBase64);
}

// BENCH_COLDOPEN_PROFILE=<dir>: also write a .cpuprofile of every open there (opens in Chromium's DevTools).
const profileDir = process.env.BENCH_COLDOPEN_PROFILE;

export async function runColdOpen(distDir: string, s: ColdOpenSettings, log: (line: string) => void): Promise<ColdOpenResult> {
  const relay = await startRelay({ env: { ...OUR_RELAY_ENV, AAN_TAFEL_DIST: distDir } });
  const profile = await launchProfile();
  try {
    log('cold open: building a tafel of 2,000 projects through the relay');
    const built = await buildTafelOnRelay(relay, COLD_TAFEL, 1, 0);
    const code = await inviteWhenKnown(relay, built.tafelId, built.chairToken, built.taken[0]!.actor.lidId, 60_000);
    // localhost, unlike 127.0.0.1, is a secure context: service worker and persistent storage work.
    const base = `http://localhost:${relay.port}`;
    const planmonitorUrl = `${base}/tafel/${built.tafelId}/planmonitor`;
    const total = COLD_TAFEL.projecten;

    // First visit online: join, let the whole tafel land in IndexedDB and the app in the service worker.
    const first = await profile.context.newPage();
    await first.goto(`${base}/join/${code}`);
    await first.waitForURL(`${base}/tafel/**`, { timeout: 60_000 });
    await waitForServiceWorker(first);
    await first.goto(planmonitorUrl);
    await first.locator(`.planmonitor .grid-body[data-total="${total}"] .grid-body-row`).first().waitFor({ timeout: 120_000 });
    // y-indexeddb writes in the background, then the read model is written (and the copy compacted into slices).
    await waitForReadModel(first, built.tafelId);
    await first.waitForTimeout(1000);

    const yjs = await yjsForPage();
    const stateBase64 = Buffer.from(built.seed).toString('base64');
    const samples: ColdOpenSample[] = [];
    const marks: Record<string, number>[] = [];
    // Round 0 lets Chromium settle its caches after the first visit; it is not counted.
    for (let round = 0; round <= s.repeats; round++) {
      const context = await profile.restart({ offline: true });
      await context.addInitScript({ content: watchForPlanmonitor(total) });
      const page = context.pages()[0] ?? (await context.newPage());
      const profiler = profileDir ? await startProfile(page) : undefined;
      await page.goto(planmonitorUrl);
      await page.waitForFunction(() => window.__benchLiveAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
      if (profiler && profileDir) await profiler.stopInto(path.join(profileDir, `coldopen-${round}.cpuprofile`));
      const seen = await page.evaluate(() => ({
        firstRowsMs: window.__benchRenderedAt!,
        liveMs: window.__benchLiveAt!,
        longestTaskMs: window.__benchLongestTask ?? 0,
        sources: window.__benchSources ?? [],
        marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('open:')).map((m) => [m.name, m.startTime])),
      }));
      const floorMs = await floorInPage(page, yjs, stateBase64);
      if (round > 0) {
        samples.push({ openMs: seen.liveMs, floorMs, firstRowsMs: seen.firstRowsMs, liveMs: seen.liveMs, longestTaskMs: seen.longestTaskMs });
        marks.push(seen.marks);
      }
      log(
        `cold open${round === 0 ? ' (warm-up)' : ''}: rows after ${seen.firstRowsMs.toFixed(0)} ms (${seen.sources.join(' then ')}), live after ${seen.liveMs.toFixed(0)} ms, ` +
          `longest task ${seen.longestTaskMs.toFixed(0)} ms, bare apply ${floorMs.toFixed(0)} ms`,
      );
    }
    const floorMs = median(samples.map((x) => x.floorMs));
    const firstRowsMs = median(samples.map((x) => x.firstRowsMs!));
    const liveMs = median(samples.map((x) => x.liveMs!));
    const phaseNames = [...new Set(marks.flatMap((m) => Object.keys(m)))];
    const phases = Object.fromEntries(phaseNames.map((n) => [n, median(marks.filter((m) => n in m).map((m) => m[n]!))]));
    return {
      stateKb: built.seed.length / 1024,
      openMs: liveMs,
      floorMs,
      ratioToFloor: liveMs / floorMs,
      firstRowsMs,
      liveMs,
      firstRowsRatio: firstRowsMs / floorMs,
      // The longest of all samples: one long task in one open is one a user feels.
      longestTaskMs: Math.max(...samples.map((x) => x.longestTaskMs ?? 0)),
      phases,
      samples,
    };
  } finally {
    await profile.close();
    await relay.stop();
  }
}
