// One setup per test file (a relay, a browser, the leden joined). When it fails, for instance
// because Chromium is not installed, every test of the file fails with that message: a missing
// tool must show up as failed tests, never as skipped ones.

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { cleanupRelays } from '../../integration/helpers/relay';

export function setupFile(setup: () => Promise<void>, teardown: () => Promise<void>): void {
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      await setup();
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(async () => {
    await teardown();
    await cleanupRelays();
  });
}
