// The planmonitor on tablets is for looking at projects in a meeting, not at the app around them:
// at open, most of the screen shows project rows (landscape: the header, navigation, page title
// and filters used to leave room for four). The filters stay one tap away and say how many are on;
// the header's sync status is readable whole in both orientations.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { ARTIFACTS_DIR, screenshot } from './helpers/artifacts';
import { setupLeden } from './helpers/leden-at-tafel';
import { openProject, syncStatus, typeField, waitOnline } from './helpers/screens';
import { violationProblems } from './helpers/tablets';

const FLOW = 'planmonitor-ruimte';
const t = strings.planmonitor;

const tafel = setupLeden('Gert Gemeente');
const [gert] = tafel.leden;

/**
 * The project rows wholly in view: below the column names (which sit below the header) and above
 * the totals row kept at the bottom of the screen.
 */
function rowsInView(p: Page): Promise<number> {
  return p.evaluate(() => {
    const head = document.querySelector('.planmonitor .grid-head')!.getBoundingClientRect();
    const foot = document.querySelector('.planmonitor .grid-foot')!.getBoundingClientRect();
    const top = head.bottom;
    const bottom = Math.min(window.innerHeight, foot.top);
    return [...document.querySelectorAll('.planmonitor .grid-body-row')]
      .map((r) => r.getBoundingClientRect())
      .filter((r) => r.top >= top - 0.5 && r.bottom <= bottom + 0.5).length;
  });
}

async function openPlanmonitor(p: Page, query = ''): Promise<void> {
  await p.goto(`${tafel.app.tafelUrl}/planmonitor${query}`);
  await p.getByRole('rowheader', { name: /^Totaal \(\d+ projecten\)$/ }).waitFor();
  await p.locator('.planmonitor .grid-body-row').first().waitFor();
}

/** The project names in the rendered rows, and those that do not show whole (clipped by the line clamp or ending in "…"). */
function namesCut(p: Page): Promise<{ names: number; cut: string[] }> {
  return p.evaluate(() => {
    const names = [...document.querySelectorAll<HTMLElement>('.planmonitor .grid-body-row .row-link')];
    return { names: names.length, cut: names.filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? '') };
  });
}

/** Where the rendered rows are: each must start where the one before it ends (no overlap, no gap). */
function rowSteps(p: Page): Promise<{ height: number; step: number }[]> {
  return p.evaluate(() => {
    const rows = [...document.querySelectorAll('.planmonitor .grid-body-row')].map((r) => r.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    return rows.slice(1).map((r, i) => ({ height: Math.round(r.height), step: Math.round(r.top - rows[i]!.top) }));
  });
}

describe('the planmonitor on tablets', () => {
  // Before: 4 rows at open in landscape, 6 in portrait.
  for (const [size, minimum] of [
    [{ width: 1024, height: 768 }, 10],
    [{ width: 768, height: 1024 }, 8],
  ] as const) {
    it(`shows at least ${minimum} project rows at open at ${size.width}x${size.height}, with the totals row`, async () => {
      const p = gert.page;
      await p.setViewportSize(size);
      await openPlanmonitor(p);
      expect(await rowsInView(p)).toBeGreaterThanOrEqual(minimum);
      const totaal = (await p.getByRole('rowheader', { name: /^Totaal \(12 projecten\)$/ }).boundingBox())!;
      expect(totaal.y + totaal.height).toBeLessThanOrEqual(size.height);
      for (const { height, step } of await rowSteps(p)) expect(step).toBe(height);
      // More rows, not shorter names (issue 16: "truncates most cells"): two lines for a name on
      // both tablets, so only the longest demo names (over ~30 characters) end in "…".
      const { names, cut } = await namesCut(p);
      expect(names).toBeGreaterThanOrEqual(minimum);
      expect(cut.length, `cut: ${cut.join(', ')}`).toBeLessThanOrEqual(Math.floor(names / 4));
      for (const naam of cut) expect(naam.length).toBeGreaterThan(30);
      await screenshot(p, FLOW, `planmonitor-${size.width}x${size.height}`);
    });
  }

  it('lays the rows out anew when the tablet turns', async () => {
    const p = gert.page;
    await p.setViewportSize({ width: 1024, height: 768 });
    await openPlanmonitor(p);
    await p.setViewportSize({ width: 768, height: 1024 });
    await expect.poll(async () => (await rowSteps(p)).every(({ height, step }) => height === step && height > 48)).toBe(true);
    await p.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await rowSteps(p)).every(({ height, step }) => height === step && height >= 44)).toBe(true);
    // The short rows come with the media query's change, a frame or two after the resize.
    await expect.poll(() => rowsInView(p)).toBeGreaterThanOrEqual(10);
  });

  it('keeps the filters one tap away behind a button that says how many are on, for touch and keyboard', async () => {
    const p = gert.page;
    const problems: string[] = [];
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await p.setViewportSize(size);
      await openPlanmonitor(p);
      const knop = p.getByRole('button', { name: t.filtersKnop(0), exact: true });
      const planstatus = p.getByRole('combobox', { name: FIELD_LABELS.projecten.planstatus, exact: true });
      expect(await knop.getAttribute('aria-expanded')).toBe('false');
      expect(await planstatus.isVisible()).toBe(false);
      expect((await knop.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      // The search box stays in view.
      expect(await p.getByRole('searchbox', { name: t.zoekLabel }).isVisible()).toBe(true);

      // Keyboard: Enter unfolds the filters.
      await knop.focus();
      await p.keyboard.press('Enter');
      expect(await knop.getAttribute('aria-expanded')).toBe('true');
      await planstatus.selectOption('hard');
      await p.getByRole('status').filter({ hasText: /^\d+ van 12 projecten$/ }).waitFor();
      const eenFilter = p.getByRole('button', { name: t.filtersKnop(1), exact: true });
      expect(await eenFilter.getAttribute('aria-expanded')).toBe('true');
      problems.push(...(await violationProblems(p, `filters open ${size.width}x${size.height}`)));
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await screenshot(p, FLOW, `filters-open-${size.width}x${size.height}`);

      // Folded again, the button still says a filter is on; "Filters wissen" is a tap away.
      await eenFilter.focus();
      await p.keyboard.press('Space');
      expect(await eenFilter.getAttribute('aria-expanded')).toBe('false');
      expect(await planstatus.isVisible()).toBe(false);
      problems.push(...(await violationProblems(p, `filters dicht ${size.width}x${size.height}`)));
      await screenshot(p, FLOW, `filters-dicht-${size.width}x${size.height}`);
      await p.getByRole('button', { name: t.filtersWissen }).click();
      await p.getByRole('status').filter({ hasText: /^12 projecten$/ }).waitFor();
      await knop.waitFor();
    }
    expect(problems).toEqual([]);
  });
});

/** The texts of the header's sync status that do not fit their box ("Laatst gesynchroniseerd mind…"). */
function cutStatusTexts(p: Page): Promise<string[]> {
  return syncStatus(p)
    .locator('.sync-label, .sync-detail')
    .evaluateAll((els) =>
      els
        .filter((e) => e.getClientRects().length > 0 && (e.scrollWidth > e.clientWidth || e.getBoundingClientRect().right > window.innerWidth))
        .map((e) => `${(e.textContent ?? '').trim()} (${e.scrollWidth} > ${e.clientWidth})`),
    );
}

describe('the sync status in the header', () => {
  it('is readable whole on both tablets: online, offline, and offline with a change waiting', async () => {
    const p = gert.page;
    const cut: string[] = [];
    const check = async (state: string, text: string) => {
      for (const size of [
        { width: 1024, height: 768 },
        { width: 768, height: 1024 },
      ]) {
        await p.setViewportSize(size);
        await syncStatus(p).getByText(text).first().waitFor({ timeout: 5_000 });
        cut.push(...(await cutStatusTexts(p)).map((c) => `${state} ${size.width}x${size.height}: ${c}`));
        // The header keeps its height (and its 1px border): the navigation strip and the sticky
        // column names sit right under it.
        const [hoog, maat] = await p.getByRole('banner').evaluate((e) => [e.getBoundingClientRect().height, parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--header-height')) * 16]);
        if (hoog! > maat! + 1.5) cut.push(`${state} ${size.width}x${size.height}: the header grew to ${hoog}px`);
        // The header alone (the project page below it is long).
        await p.screenshot({ path: join(ARTIFACTS_DIR, FLOW, `status-${state}-${size.width}x${size.height}.png`), clip: { x: 0, y: 0, width: size.width, height: 80 } });
      }
    };
    await openProject(p);
    await waitOnline(p);
    await check('online', strings.sync.online);
    await gert.context.setOffline(true);
    await check('offline', strings.sync.offline);
    await typeField(p, FIELD_LABELS.projecten.locatie, `Offline genoteerd (${Date.now()})`);
    await check('wachtend', strings.sync.wachtend(1));
    await gert.context.setOffline(false);
    await waitOnline(p);
    expect(cut).toEqual([]);
  });
});
