// The setup of the browser flows: the demo tafel on a real relay, one browser, and some of its
// leden each on their own tablet (a browser context), joined through their invite and online.

import { RunningApp, joinAs, type DemoLid, type LidInBrowser } from './app';
import { launchChromium, type LaunchedBrowser } from './browser';
import { waitOnline } from './screens';
import { setupFile } from './setup';

export interface LedenAtTafel<Namen extends readonly DemoLid[]> {
  readonly app: RunningApp;
  readonly browser: LaunchedBrowser;
  /** The leden in the order they were named, usable from the first test on. */
  readonly leden: { readonly [K in keyof Namen]: LidInBrowser };
}

/**
 * Registers the file's setup (see setupFile: a failing setup fails every test) and returns its
 * parts. They are filled in before the first test runs; the leden can be taken apart at module
 * level (`const [gert, dirk] = tafel.leden`) because their context and page are read lazily.
 */
export function setupLeden<const Namen extends readonly DemoLid[]>(...namen: Namen): LedenAtTafel<Namen> {
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
    if (part === undefined) throw new Error('the leden setup has not run: use it only inside tests');
    return part;
  };
  const lid = (naam: DemoLid, index: number): LidInBrowser => ({
    naam,
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
    // map keeps the tuple's length, but its type says only "an array".
    leden: namen.map(lid) as { readonly [K in keyof Namen]: LidInBrowser },
  };
}
