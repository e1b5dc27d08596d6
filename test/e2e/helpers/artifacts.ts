// Screenshots of every flow, kept as test artefacts under test/artifacts/ (git-ignored) so a
// failing run can be looked at afterwards.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = join(import.meta.dirname, '../../artifacts');

/** Saves a full-page screenshot as test/artifacts/<flow>/<step>.png and returns its path. */
export async function screenshot(page: Page, flow: string, step: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, flow);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${step}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
