// The setup of the two-tablet flows: the demo tafel on a real relay, one browser, and two of its
// leden each on their own tablet (a browser context), joined through their invite and online.

import { RunningApp, joinAs, type DemoLid, type LidInBrowser } from './app';
import { launchChromium, type LaunchedBrowser } from './browser';
import { waitOnline } from './screens';
import { setupFile } from './setup';

export interface TwoLedenAtTafel {
  readonly app: RunningApp;
  readonly browser: LaunchedBrowser;
  /** The two leden in the order they were named, usable from the first test on. */
  readonly leden: readonly [LidInBrowser, LidInBrowser];
}

/**
 * Registers the file's setup (see setupFile: a failing setup fails every test) and returns its
 * parts. They are filled in before the first test runs; the leden can be taken apart at module
 * level (`const [gert, dirk] = tafel.leden`) because their context and page are read lazily.
 */
export function setupTwoLeden(namen: readonly [DemoLid, DemoLid]): TwoLedenAtTafel {
  let app: RunningApp | undefined;
  let browser: LaunchedBrowser | undefined;
  const joined: LidInBrowser[] = [];

  setupFile(
    async () => {
      app = await RunningApp.start();
      browser = await launchChromium();
      for (const naam of namen) joined.push(await joinAs(browser, app, naam));
      await Promise.all(joined.map((lid) => waitOnline(lid.page)));
    },
    async () => {
      await browser?.close();
      await app?.stop();
    },
  );

  const started = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('the two-leden setup has not run: use it only inside tests');
    return part;
  };
  const lid = (index: 0 | 1): LidInBrowser => ({
    naam: namen[index],
    get context() {
      return started(joined[index]).context;
    },
    get page() {
      return started(joined[index]).page;
    },
  });
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    leden: [lid(0), lid(1)],
  };
}
