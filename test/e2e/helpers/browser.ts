// Launches Debian's Chromium through playwright-core. The browser tests never skip: when the
// binary is missing they fail with the command that installs it.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

/** Where Chromium lives; CHROMIUM_PATH overrides it (e.g. on a developer machine). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`Chromium not found at ${path}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
}

// Flags for a headless run as root on a closed network: nothing phones home, nothing updates.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export interface LaunchedBrowser {
  readonly browser: Browser;
  /** A fresh context (own storage, own service workers) for one lid. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * One browser per test file, reused by all its tests; each lid gets its own context.
 * playwright-core gives every launch a fresh temporary --user-data-dir and removes it on close,
 * so nothing leaks between runs (it refuses a --user-data-dir argument of our own).
 */
export async function launchChromium(options: Pick<LaunchOptions, 'slowMo'> = {}): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    browser,
    newContext: () =>
      browser.newContext({
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        // A landscape tablet: the app's first target.
        viewport: { width: 1180, height: 820 },
        deviceScaleFactor: 1,
        hasTouch: true,
        serviceWorkers: 'allow',
      }),
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
