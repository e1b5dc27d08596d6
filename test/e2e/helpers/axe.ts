// Runs axe-core inside the page (the copy in node_modules, injected as a script) and keeps the
// violations that block people: impact serious or critical.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// axe.min.js is some 640 KB: read once, on the first check, and kept for the others.
let axeSource: string | undefined;
const readAxe = (): string => (axeSource ??= readFileSync(AXE_PATH, 'utf8'));

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** CSS selectors of the offending elements and axe's explanation for each. */
  readonly nodes: readonly { target: string; summary: string }[];
}

interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the devtools protocol: the app's Content-Security-Policy (script-src 'self')
  // blocks an injected <script> tag, but not this.
  if (!hasAxe) await page.evaluate(readAxe());
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (results as AxeResults).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
}

/** A readable list for a failing assertion. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  - ${n.target}: ${n.summary}`).join('\n')}`)
    .join('\n');
}
