// Import: 2,000 projects from an xlsx made by the project's own export, imported into a fresh
// tafel (two projects, both also in the file) through the real import screen in headless Chromium
// by a lid of a gemeente (file chosen, mapping step, preview, apply). Measured in the page: the time to the preview and the time to
// apply, each as a ratio to parsing the file alone (the import's own reading step, leesBestand,
// timed in the same page before the import), and the longest main-thread task from choosing the file until the
// import is done (PerformanceObserver 'longtask', which reports tasks of 50 ms and more).

import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { exportXlsx } from '../../src/exchange';
import { strings } from '../../src/ui/strings';
import { launchChromium } from '../e2e/helpers/browser';
import { inviteWhenKnown, startRelay } from '../integration/helpers/relay';
import { buildTafelOnRelay, OUR_RELAY_ENV } from './fanout/our-relay';
import { localTafel } from './fixtures/tafel';
import { startProfile } from './lib/cpuProfile';
import { median } from './lib/stats';

export const IMPORT_PROJECTEN = 2000;

export interface ImportSettings {
  readonly repeats: number;
}

export interface ImportSample {
  /** Choosing the file until the mapping step shows, plus "Voorbeeld bekijken" until the preview shows. */
  readonly previewMs: number;
  /** "Importeren" until the import reports it is done. */
  readonly applyMs: number;
  /** leesBestand of the same bytes on the page's main thread. */
  readonly parseMs: number;
  /** Longest task (>= 50 ms, as the browser reports them) from choosing the file until done; 0 when none. */
  readonly longestTaskMs: number;
  /** Long tasks (>= 50 ms) in that window. */
  readonly longTasks: number;
  /** The longest task overlapping each step (0 when none): reading the file, making the preview, applying. */
  readonly longestByStep: { readonly lezen: number; readonly voorbeeld: number; readonly toepassen: number };
  /** The preview's count line, as the screen showed it. */
  readonly telling: string;
  /** The same file imported again into the tafel now holding its projects, up to the preview: the longest task from choosing it until the preview shows (the page may still be sending the first import to the relay meanwhile), and the count line. */
  readonly herimport?: { readonly longestTaskMs: number; readonly telling: string };
}

export interface ImportResult {
  readonly projecten: number;
  readonly fileKb: number;
  readonly previewMs: number;
  readonly applyMs: number;
  readonly parseMs: number;
  readonly previewRatio: number;
  readonly applyRatio: number;
  /** The longest over all samples: one frozen moment is what the user feels. */
  readonly longestTaskMs: number;
  readonly samples: readonly ImportSample[];
}

interface PageMarks {
  gekozen?: number;
  kolommen?: number;
  klikVoorbeeld?: number;
  voorbeeld?: number;
  klikToepassen?: number;
  klaar?: number;
  longtasks: [number, number][];
}

declare global {
  interface Window {
    __benchImport?: PageMarks;
    BenchLees?: { leesBestand(naam: string, bytes: Uint8Array): { rijen: unknown[] } };
  }
}

const t = strings.monitor.import;

/**
 * Runs in the page before the app: long tasks, when the file is chosen, the buttons pressed and
 * each step shown. A string, not a function: tsx would decorate a function with helpers the page lacks.
 */
function watchImport(): string {
  const labels = JSON.stringify({ voorbeeld: t.voorbeeldBekijken, toepassen: t.toepassen });
  return `(() => {
    const m = { longtasks: [] };
    window.__benchImport = m;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) m.longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
    const labels = ${labels};
    document.addEventListener('change', (e) => { if (e.target && e.target.type === 'file' && m.gekozen === undefined) m.gekozen = performance.now(); }, true);
    document.addEventListener('click', (e) => {
      const b = e.target && e.target.closest ? e.target.closest('button') : null;
      if (!b) return;
      const text = b.textContent.trim();
      if (text === labels.voorbeeld && m.klikVoorbeeld === undefined) m.klikVoorbeeld = performance.now();
      if (text === labels.toepassen && m.klikToepassen === undefined) m.klikToepassen = performance.now();
    }, true);
    const steps = [['kolommen', '#imp-kol'], ['voorbeeld', '#imp-vb'], ['klaar', '#imp-klaar']];
    new MutationObserver(() => {
      for (const [k, sel] of steps) if (m[k] === undefined && document.querySelector(sel) !== null) m[k] = performance.now();
    }).observe(document, { childList: true, subtree: true });
  })();`;
}

/** The import's reading step (src/exchange/readFile.ts) as a classic script, to time it on the page's main thread. */
async function readerForPage(): Promise<string> {
  const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/exchange/readFile.ts');
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'BenchLees', write: false, minify: true, platform: 'browser' });
  return out.outputFiles[0]!.text;
}

async function parseInPage(page: Page, reader: string, name: string, base64: string): Promise<number> {
  // Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not block.
  await page.evaluate(`(() => { ${reader}; window.BenchLees = BenchLees; return true; })()`);
  return page.evaluate(
    ([naam, b64]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const start = performance.now();
      const tabel = window.BenchLees!.leesBestand(naam, bytes);
      const ms = performance.now() - start;
      if (tabel.rijen.length === 0) throw new Error('the bench file read as empty');
      return ms;
    },
    [name, base64] as const,
  );
}

// BENCH_IMPORT_PROFILE=<dir>: also write a .cpuprofile of the page's main thread from choosing the
// file until the import is done, per round (opens in Chromium's DevTools).
const profileDir = process.env.BENCH_IMPORT_PROFILE;

export async function runImport(distDir: string, s: ImportSettings, log: (line: string) => void): Promise<ImportResult> {
  // The file a tafel would mail around: 2,000 projects, exported with the project's own code.
  const bron = localTafel('Bron', { projecten: IMPORT_PROJECTEN, knelpunten: 0, vergaderingen: 0, notulenAlineas: 0 });
  const xlsx = Buffer.from(exportXlsx(bron.doc, { buiten: null }));
  const fileName = 'planmonitor-2000.xlsx';
  // Chosen from disk, as a person does: Chromium then makes the File itself. (Handed over as bytes,
  // Playwright would build the File in the page with its own script, a task of ~100 ms on the main
  // thread the app has no part in, counted as the longest task of the import.)
  const fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-bench-import-'));
  const filePath = path.join(fileDir, fileName);
  fs.writeFileSync(filePath, xlsx);
  const reader = await readerForPage();
  log(`import: ${IMPORT_PROJECTEN} projects exported to ${(xlsx.length / 1024).toFixed(0)} KB of xlsx`);

  const relay = await startRelay({ env: { ...OUR_RELAY_ENV, AAN_TAFEL_DIST: distDir } });
  const browser = await launchChromium();
  try {
    const samples: ImportSample[] = [];
    // Round 0 warms up Chromium and the relay; it is not counted.
    for (let round = 0; round <= s.repeats; round++) {
      // A fresh tafel every round, so every round creates all 2,000 projects. Two projects and one
      // lid of a gemeente (taken[0] writes public fields), who imports.
      const built = await buildTafelOnRelay(relay, { projecten: 2, knelpunten: 0, vergaderingen: 0, notulenAlineas: 0 }, 1, 0);
      const lid = built.taken[0]!;
      if (lid.soort !== 'publiek') throw new Error('the importing lid must be a lid of a gemeente');
      const code = await inviteWhenKnown(relay, built.tafelId, built.chairToken, lid.actor.lidId, 60_000);
      const base = `http://localhost:${relay.port}`;
      const context = await browser.newContext();
      try {
        await context.addInitScript({ content: watchImport() });
        const page = await context.newPage();
        await page.goto(`${base}/join/${code}`);
        await page.waitForURL(`${base}/tafel/**`, { timeout: 60_000 });
        // The bench context is incognito, where Chromium never grants persistent storage: the lid
        // acknowledges that notice once, as the e2e tests do, so it does not cover the buttons.
        await page.getByRole('button', { name: strings.pwa.begrepen }).click();
        await page.goto(`${base}/tafel/${built.tafelId}/planmonitor/import`);
        await page.getByRole('heading', { level: 1, name: t.titel }).waitFor({ timeout: 60_000 });
        // Parsing alone first, while the page is idle (after the import it would still be sending
        // the import to the relay); its long task ends before the file is chosen, outside the window.
        const parseMs = await parseInPage(page, reader, fileName, xlsx.toString('base64'));
        const profiler = profileDir ? await startProfile(page) : undefined;
        await page.getByLabel(t.kiesBestand).setInputFiles(filePath);
        await page.getByRole('heading', { name: t.stap(2, 3, t.stapKolommen) }).waitFor({ timeout: 300_000 });
        // The owner of new projects (the lid's own gemeente) is proposed once the lid is known; a
        // person reads the mapping before going on, so this wait is not part of the preview's time.
        await page.waitForFunction(() => (document.querySelector('#imp-eigenaar') as HTMLSelectElement | null)?.value, undefined, { timeout: 60_000 });
        await page.getByRole('button', { name: t.voorbeeldBekijken }).click();
        await page.locator('#imp-vb').waitFor({ timeout: 300_000 });
        const telling = (await page.locator('#imp-vb ~ p[role="status"]').first().textContent()) ?? '';
        await page.getByRole('button', { name: t.toepassen }).click();
        await page.locator('#imp-klaar').waitFor({ timeout: 600_000 });
        // The same file again, now that the tafel holds its 2,000 projects (the nightly re-import of a
        // gemeente): planning matches every row against them. Up to the preview (nothing to apply).
        await page.getByRole('button', { name: t.nogEen }).click();
        const herStart = await page.evaluate(() => performance.now());
        await page.getByLabel(t.kiesBestand).setInputFiles(filePath);
        await page.getByRole('heading', { name: t.stap(2, 3, t.stapKolommen) }).waitFor({ timeout: 300_000 });
        await page.waitForFunction(() => (document.querySelector('#imp-eigenaar') as HTMLSelectElement | null)?.value, undefined, { timeout: 60_000 });
        await page.getByRole('button', { name: t.voorbeeldBekijken }).click();
        await page.locator('#imp-vb').waitFor({ timeout: 300_000 });
        const herEind = await page.evaluate(() => performance.now());
        const herTelling = (await page.locator('#imp-vb ~ p[role="status"]').first().textContent()) ?? '';
        if (profiler && profileDir) await profiler.stopInto(path.join(profileDir, `import-${round}.cpuprofile`));
        const m = await page.evaluate(() => window.__benchImport!);
        const { gekozen, kolommen, klikVoorbeeld, voorbeeld, klikToepassen, klaar } = m;
        if ([gekozen, kolommen, klikVoorbeeld, voorbeeld, klikToepassen, klaar].some((x) => x === undefined)) throw new Error(`import marks missing: ${JSON.stringify(m)}`);
        const overlapping = (from: number, to: number) => m.longtasks.filter(([start, duration]) => start + duration >= from && start <= to);
        const longest = (tasks: [number, number][]) => (tasks.length ? Math.max(...tasks.map(([, d]) => d)) : 0);
        const inWindow = overlapping(gekozen!, klaar!);
        const sample: ImportSample = {
          previewMs: kolommen! - gekozen! + (voorbeeld! - klikVoorbeeld!),
          applyMs: klaar! - klikToepassen!,
          parseMs,
          longestTaskMs: longest(inWindow),
          longTasks: inWindow.length,
          longestByStep: { lezen: longest(overlapping(gekozen!, kolommen!)), voorbeeld: longest(overlapping(klikVoorbeeld!, voorbeeld!)), toepassen: longest(overlapping(klikToepassen!, klaar!)) },
          telling,
          herimport: { longestTaskMs: longest(overlapping(herStart, herEind)), telling: herTelling },
        };
        if (round > 0) samples.push(sample);
        log(
          `import${round === 0 ? ' (warm-up)' : ''}: preview ${sample.previewMs.toFixed(0)} ms, apply ${sample.applyMs.toFixed(0)} ms, parse alone ${parseMs.toFixed(0)} ms, ` +
            `longest task ${sample.longestTaskMs.toFixed(0)} ms (${sample.longTasks} long tasks; longest while reading ${sample.longestByStep.lezen.toFixed(0)}, ` +
            `previewing ${sample.longestByStep.voorbeeld.toFixed(0)}, applying ${sample.longestByStep.toepassen.toFixed(0)} ms); ${telling}; ` +
            `re-import to the preview: longest task ${sample.herimport!.longestTaskMs.toFixed(0)} ms; ${herTelling}`,
        );
      } finally {
        await context.close();
      }
    }
    const previewMs = median(samples.map((x) => x.previewMs));
    const applyMs = median(samples.map((x) => x.applyMs));
    const parseMs = median(samples.map((x) => x.parseMs));
    return {
      projecten: IMPORT_PROJECTEN,
      fileKb: xlsx.length / 1024,
      previewMs,
      applyMs,
      parseMs,
      // Each sample's own ratio (its import and its parse ran in the same page at nearly the same
      // time), then the median: on a shared machine the load moves both together.
      previewRatio: median(samples.map((x) => x.previewMs / x.parseMs)),
      applyRatio: median(samples.map((x) => x.applyMs / x.parseMs)),
      longestTaskMs: Math.max(...samples.map((x) => x.longestTaskMs)),
      samples,
    };
  } finally {
    await browser.close();
    await relay.stop();
    fs.rmSync(fileDir, { recursive: true, force: true });
  }
}
