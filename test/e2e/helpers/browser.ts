// Launches Debian's Chromium through playwright-core. The browser tests never skip: when the
// binary is missing they fail with the command that installs it.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// Tablet-like settings shared by every context.
const CONTEXT_OPTIONS = {
  locale: 'nl-NL',
  timezoneId: 'Europe/Amsterdam',
  // A landscape tablet: the app's first target.
  viewport: { width: 1180, height: 820 },
  deviceScaleFactor: 1,
  hasTouch: true,
  serviceWorkers: 'allow',
} as const;

function requireChromium(): string {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  return executablePath;
}

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
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    browser,
    newContext: () => browser.newContext(CONTEXT_OPTIONS),
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

export interface Profile {
  /** The running browser's only context; replaced by restart(). */
  readonly context: BrowserContext;
  /** Quits the browser and starts it again on the same profile: a true cold start. */
  restart(options?: { offline?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * A browser with an ordinary (non-incognito) profile in a fresh --user-data-dir. Chromium only
 * judges installability outside incognito, which every newContext() is, and only a profile on
 * disk survives a browser restart with its service worker and IndexedDB.
 */
export async function launchProfile(
  options: {
    /** Extra command-line flags (e.g. --host-resolver-rules). */
    readonly args?: readonly string[];
    /** The browser's environment (e.g. a HOME whose NSS database trusts a test CA). */
    readonly env?: Readonly<Record<string, string>>;
  } = {},
): Promise<Profile> {
  const executablePath = requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'aan-tafel-profile-'));
  const launch = (offline: boolean): Promise<BrowserContext> =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
      offline,
      ...CONTEXT_OPTIONS,
    });
  let context = await launch(false);
  return {
    get context() {
      return context;
    },
    async restart(options = {}) {
      await context.close();
      context = await launch(options.offline ?? false);
      return context;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
