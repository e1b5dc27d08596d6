// A CPU profile of a page's main thread through the DevTools protocol (Profiler domain), written
// as a .cpuprofile that opens in Chromium's DevTools (Performance panel, "Load profile").

import fs from 'node:fs';
import type { Page } from 'playwright-core';

export interface PageProfiler {
  stopInto(file: string): Promise<void>;
}

export async function startProfile(page: Page): Promise<PageProfiler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stopInto(file) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}
