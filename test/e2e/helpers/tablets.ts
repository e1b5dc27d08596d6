// A flow's screens on a landscape and a portrait tablet: axe's serious and critical violations and
// pages wider than the tablet, collected as readable problems, with a screenshot of each screen.

import type { Page } from 'playwright-core';
import { screenshot } from './artifacts';
import { describeViolations, seriousViolations } from './axe';

const TABLETS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
] as const;

export interface TabletScreen {
  /** Names the screen in problems and in its screenshots. */
  readonly name: string;
  /** Brings the page to the screen and waits until it shows. */
  open(): Promise<void>;
  /** false: judge the screen with axe only, not its width. */
  readonly measureWidth?: boolean;
}

/** axe's serious and critical violations on the page as it is now, each prefixed with `where`. */
export async function violationProblems(page: Page, where: string): Promise<string[]> {
  return (await seriousViolations(page)).map((v) => `${where}: ${describeViolations([v])}`);
}

/** Opens every screen on both tablets in turn and returns what is wrong; none is an empty list. */
export async function tabletProblems(page: Page, flow: string, screens: readonly TabletScreen[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { width, height } of TABLETS) {
    await page.setViewportSize({ width, height });
    for (const screen of screens) {
      const where = `${screen.name} ${width}x${height}`;
      await screen.open();
      problems.push(...(await violationProblems(page, where)));
      if (screen.measureWidth !== false) {
        const pageWidth = await settledPageWidth(page, width);
        if (pageWidth > width) problems.push(`${where}: page is ${pageWidth}px wide (${await widestElements(page, width)})`);
      }
      const step = screen.name.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      await screenshot(page, flow, `${step}-${width}x${height}`);
    }
  }
  return problems;
}

/**
 * The page's width once its layout has settled: charts (recharts' ResponsiveContainer) and other
 * ResizeObserver-driven parts size themselves a frame or more after the page shows, so a width
 * measured at once can be the previous viewport's. A page that stays too wide for 3 s is too wide.
 */
async function settledPageWidth(page: Page, width: number): Promise<number> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const pageWidth = await page.evaluate(
      () => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(document.documentElement.scrollWidth)))),
    );
    if (pageWidth <= width || Date.now() > deadline) return pageWidth;
    await page.waitForTimeout(100);
  }
}

/** The innermost elements that reach past the tablet's right edge, to say what makes a page too wide. */
async function widestElements(page: Page, width: number): Promise<string> {
  return page.evaluate((w) => {
    const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 0.5);
    const innermost = over.filter((e) => !over.some((o) => o !== e && e.contains(o)));
    return innermost
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} to ${Math.round(e.getBoundingClientRect().right)}px: "${(e.textContent ?? '').trim().slice(0, 30)}"`)
      .join('; ');
  }, width);
}
