// The app as users get it: the built dist/ served by the real relay process (started with the
// relay helper of the integration tests), with the demo tafel seeded. One relay per test file.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, demoLinks, startRelay, type DemoLink, type StartedRelay } from '../../integration/helpers/relay';
import { strings } from '../../../src/ui/strings';
import { netwerkLink } from '../../integration/netwerk/helpers';
import type { LaunchedBrowser } from './browser';

/** The build under test: dist/, or the relay's own AAN_TAFEL_DIST when set (a build elsewhere). */
export const DIST_DIR = process.env.AAN_TAFEL_DIST ?? join(REPO_ROOT, 'dist');

export type DemoLid = 'Vera Voorzitter' | 'Gert Gemeente' | 'Carla Corporatie' | 'Dirk Ontwikkelaar';

/** Fails with instructions when the app was not built: the browser tests test the real build. */
export function assertBuilt(distDir: string = DIST_DIR): void {
  for (const file of ['index.html', 'sw.js', 'manifest.webmanifest']) {
    if (!existsSync(join(distDir, file))) {
      throw new Error(`${join(distDir, file)} is missing: build the app first with \`npm run build\``);
    }
  }
}

export class RunningApp {
  private relay: StartedRelay;
  private links: DemoLink[];
  private readonly used = new Set<string>();

  private constructor(
    relay: StartedRelay,
    private readonly distDir: string,
  ) {
    this.relay = relay;
    this.links = demoLinks(relay);
  }

  static async start(options: { distDir?: string } = {}): Promise<RunningApp> {
    const distDir = options.distDir ?? DIST_DIR;
    assertBuilt(distDir);
    return new RunningApp(await startRelay({ demo: true, env: { AAN_TAFEL_DIST: distDir } }), distDir);
  }

  /** http://localhost:<port>: localhost, unlike 127.0.0.1, is a secure context for service workers. */
  get baseUrl(): string {
    return `http://localhost:${this.relay.port}`;
  }

  /** The relay's data folder (the network demo's links live there too). */
  get dataDir(): string {
    return this.relay.dataDir;
  }

  get tafelUrl(): string {
    return `${this.baseUrl}/tafel/demo`;
  }

  /** The fresh single-use invite code of a demo lid for this start of the relay. */
  inviteCode(naam: DemoLid): string {
    const link = this.links.find((l) => l.naam === naam);
    if (!link) throw new Error(`no demo invite for ${naam}`);
    if (this.used.has(naam)) throw new Error(`the invite of ${naam} was used already: invites are single use`);
    this.used.add(naam);
    return link.code;
  }

  /** A deploy: the relay stops and starts again on the same data, port and dist folder. */
  async restart(): Promise<void> {
    await this.relay.stop();
    this.relay = await startRelay({
      demo: true,
      dataDir: this.relay.dataDir,
      port: this.relay.port,
      env: { AAN_TAFEL_DIST: this.distDir },
    });
    this.links = demoLinks(this.relay);
    this.used.clear();
  }

  stop(): Promise<void> {
    return this.relay.stop();
  }
}

export interface LidInBrowser {
  readonly naam: DemoLid;
  readonly context: BrowserContext;
  readonly page: Page;
}

/** A tablet of its own (a fresh context) that opens an invite link and lands at the tafel (`tafelUrl`, the demo's by default). */
export async function joinByLink(
  browser: LaunchedBrowser,
  app: RunningApp,
  link: string,
  tafelUrl: string = app.tafelUrl,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.waitForURL(`${tafelUrl}**`, { timeout: 30_000 });
  // Test contexts are incognito, where Chromium never grants persistent storage: the lid reads the
  // notice once and acknowledges it, so it does not cover the screens of the flows.
  await page.getByRole('button', { name: strings.pwa.begrepen }).click();
  return { context, page };
}

/** A demo lid on their own tablet, joined through the lid's invite. */
export async function joinAs(browser: LaunchedBrowser, app: RunningApp, naam: DemoLid): Promise<LidInBrowser> {
  const { context, page } = await joinByLink(browser, app, `${app.baseUrl}/join/${app.inviteCode(naam)}`);
  return { naam, context, page };
}

/** A lid of the landelijke tafel the demo seeds (docs/network.md), on a tablet of their own. */
export async function joinLandelijkAs(browser: LaunchedBrowser, app: RunningApp, naam: string): Promise<Page> {
  const link = `${app.baseUrl}/join/${netwerkLink({ dataDir: app.dataDir }, naam).code}`;
  return (await joinByLink(browser, app, link, `${app.baseUrl}/tafel/landelijk`)).page;
}

/**
 * Resolves once the page's service worker is active. The first install precaches the app shell;
 * from then on every navigation (a reload too) is served by it, with or without network.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker || worker.state === 'activated') return;
    await new Promise<void>((resolve) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') resolve();
      });
    });
  });
}
