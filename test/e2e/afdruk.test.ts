// What leaves the table, in real Chromium on the demo tafel: the peildatum safeguards, the
// meeting's record (attendance, numbered besluiten, open afspraken back on the next agenda), the
// printable views under print emulation (no navigation, no buttons, no editor chrome), and the
// rapportage as a tagged PDF (Chromium's own PDF output, checked with pdfinfo and pdftotext from
// poppler-utils) that holds every section's heading and figures. Then the chair sets it vastgesteld.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { vandaag } from '../../src/operations/peildata';
import { datumLang } from '../../src/ui/screens/vergaderingen/datum';
import { strings } from '../../src/ui/strings';
import { FIELD_LABELS } from '../../src/ui/fieldLabels';
import { sectieKop } from '../../src/ui/screens/rapportages/RapportageSecties';
import { RAPPORTAGE_TEKSTEN } from '../../src/model';
import { ARTIFACTS_DIR, screenshot } from './helpers/artifacts';
import { setupLeden } from './helpers/leden-at-tafel';
import { DEMO, openVergadering } from './helpers/screens';
import { tabletProblems } from './helpers/tablets';

const FLOW = 'afdruk';
const HELD = 'Versnellingstafel kwartaaloverleg (vorig kwartaal)';
const PDF_DIR = join(ARTIFACTS_DIR, FLOW);

const tafel = setupLeden('Vera Voorzitter', 'Gert Gemeente');
const [vera, gert] = tafel.leden;

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${tafel.app.tafelUrl}${path}`);
  await page.getByRole('main').waitFor();
}

/** Runs a poppler tool; a missing tool fails the test with how to install it. */
function poppler(tool: 'pdfinfo' | 'pdftotext', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is not installed: apt-get install poppler-utils`, { cause: e });
    throw e;
  }
}

/** The page as Chromium's "Save as PDF" makes it: print media, tagged; returns the file's path. */
async function pdf(page: Page, naam: string): Promise<string> {
  mkdirSync(PDF_DIR, { recursive: true });
  const path = join(PDF_DIR, `${naam}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', tagged: true, outline: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

/** Under print emulation: no navigation, header, buttons or editor toolbar is visible. */
async function chromeVisible(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const zichtbaar = await page.evaluate(() => {
    const out: string[] = [];
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    for (const el of document.querySelectorAll('nav, .app-header, button, [role="toolbar"], .afdruk-knoppen, .toasts, .banner, input, select, textarea')) {
      if (seen(el)) out.push(`${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    }
    return out;
  });
  await page.emulateMedia({ media: 'screen' });
  return zichtbaar;
}

const P = strings.peildata;

describe('peildata a mis-tap cannot spoil', () => {
  it('defaults to today, refuses the future and a second snapshot on a date, confirms what it freezes, and can be withdrawn', async () => {
    await open(gert.page, '/dashboard');
    expect(await gert.page.getByRole('button', { name: P.vastleggen }).count()).toBe(0);

    await open(vera.page, '/dashboard');
    const datum = vera.page.getByLabel(P.datumLabel, { exact: true });
    expect(await datum.inputValue()).toBe(vandaag());
    expect(await datum.getAttribute('max')).toBe(vandaag());

    await datum.fill('2030-01-01');
    await vera.page.getByRole('button', { name: P.vastleggen }).click();
    await vera.page.getByRole('alert').filter({ hasText: P.inToekomst }).waitFor();

    // The demo froze the monitor today already: one snapshot per date.
    await datum.fill(vandaag());
    await vera.page.getByRole('button', { name: P.vastleggen }).click();
    await vera.page.getByRole('alert').filter({ hasText: P.bestaatAl(datumLang(vandaag())) }).waitFor();

    const eerder = vandaag(new Date(Date.now() - 20 * 86_400_000));
    await datum.fill(eerder);
    await vera.page.getByRole('button', { name: P.vastleggen }).click();
    const dialoog = vera.page.getByRole('dialog', { name: P.bevestigTitel(datumLang(eerder)) });
    await dialoog.waitFor();
    expect(await dialoog.textContent()).toContain(P.projecten(12));
    expect(await dialoog.getByRole('table').count()).toBe(1);
    await screenshot(vera.page, FLOW, 'peildatum-bevestigen');
    // Cancelling freezes nothing.
    await dialoog.getByRole('button', { name: strings.common.annuleren }).click();
    expect(await vera.page.getByRole('button', { name: P.intrekken(datumLang(eerder)) }).count()).toBe(0);

    await vera.page.getByRole('button', { name: P.vastleggen }).click();
    await dialoog.getByRole('button', { name: P.bevestigen }).click();
    const intrekken = vera.page.getByRole('button', { name: P.intrekken(datumLang(eerder)) });
    await intrekken.waitFor();
    // The relay accepted it: the gemeente sees it in the comparison list.
    await expect.poll(() => gert.page.getByRole('option', { name: new RegExp(datumLang(eerder)) }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await intrekken.click();
    await vera.page.getByRole('dialog', { name: P.intrekken(datumLang(eerder)) }).getByRole('button', { name: P.intrekken(datumLang(eerder)) }).click();
    await expect.poll(() => intrekken.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => gert.page.getByRole('option', { name: new RegExp(datumLang(eerder)) }).count(), { timeout: 10_000 }).toBe(0);
    // The demo's older snapshots were frozen before this relay recorded them: they stay.
    expect(await vera.page.getByRole('button', { name: P.intrekken(datumLang(vandaag())) }).count()).toBe(1);
  });
});

const V = strings.verslag;

describe('the meeting record', () => {
  it('shows the held meeting with attendance and numbered besluiten; open afspraken come back on the next agenda', async () => {
    await openVergadering(vera.page, HELD);
    const verslag = vera.page.getByRole('region', { name: V.kop });
    const jaar = new Date(Date.now() - 60 * 86_400_000).getFullYear();
    await expect.poll(() => verslag.locator('.besluit__nummer').allTextContents()).toEqual([`${jaar}-001`, `${jaar}-002`]);
    expect(await verslag.getByLabel(strings.verslag.aanwezigheidVan('Dirk Ontwikkelaar')).inputValue()).toBe('afgemeld');

    await openVergadering(vera.page, DEMO.vergadering);
    const volgende = vera.page.getByRole('region', { name: V.kop });
    await volgende.getByRole('heading', { name: 'Escalatieverzoek netcongestie opstellen' }).waitFor();
    await volgende.getByLabel(strings.verslag.aanwezigheidVan('Gert Gemeente')).selectOption('aanwezig');
    await volgende.getByLabel(FIELD_LABELS.besluiten.tekst, { exact: true }).fill('De tafel stelt de planmonitor vast.');
    await volgende.getByRole('button', { name: V.besluitVastleggen }).click();
    await volgende.getByText(V.nogGeenNummer).waitFor();

    // The gemeente sees it live, without the chair's controls.
    await openVergadering(gert.page, DEMO.vergadering);
    const bijGert = gert.page.getByRole('region', { name: V.kop });
    await bijGert.getByText('De tafel stelt de planmonitor vast.').waitFor({ timeout: 10_000 });
    expect(await bijGert.getByRole('button', { name: V.sluiten }).count()).toBe(0);
    expect(await bijGert.getByLabel(strings.verslag.aanwezigheidVan('Gert Gemeente')).count()).toBe(0);

    await volgende.getByRole('button', { name: V.sluiten }).click();
    await vera.page.getByRole('dialog', { name: V.sluiten }).getByRole('button', { name: V.sluiten }).click();
    const eigenJaar = (await vera.page.locator('.vergadering-detail__wanneer').textContent())!.match(/\d{4}/)![0];
    await expect.poll(() => bijGert.locator('.besluit__nummer').allTextContents(), { timeout: 10_000 }).toEqual([
      eigenJaar === String(jaar) ? `${jaar}-003` : `${eigenJaar}-001`,
    ]);
    await screenshot(vera.page, FLOW, 'vergadering-verslag');
  });
});

describe('printable views', () => {
  it('print the agenda, the notulen and a knelpunt without navigation, buttons or editor chrome', async () => {
    await openVergadering(vera.page, HELD);
    await vera.page.getByRole('link', { name: V.agendaAfdrukken }).click();
    await vera.page.getByRole('heading', { level: 1, name: strings.afdruk.agendaTitel(HELD) }).waitFor();
    expect(await chromeVisible(vera.page)).toEqual([]);
    expect(await vera.page.title()).toBe(`${strings.afdruk.agendaTitel(HELD)} – Versnellingstafel Regio Voorbeeld`);
    await screenshot(vera.page, FLOW, 'agenda-afdruk');
    const agenda = await pdf(vera.page, 'agenda');
    expect(poppler('pdfinfo', [agenda])).toMatch(/Tagged:\s+yes/);
    const agendaTekst = poppler('pdftotext', ['-layout', agenda, '-']);
    expect(agendaTekst).toContain('Netcongestie De Kade en Havenfront');
    expect(agendaTekst).toMatch(/Pagina 1 van \d/);

    await openVergadering(vera.page, HELD);
    await vera.page.getByRole('link', { name: V.notulenAfdrukken }).click();
    await vera.page.getByRole('heading', { level: 1, name: strings.afdruk.notulenTitel(HELD) }).waitFor();
    expect(await chromeVisible(vera.page)).toEqual([]);
    await screenshot(vera.page, FLOW, 'notulen-afdruk');
    const notulen = await pdf(vera.page, 'notulen');
    const notulenTekst = poppler('pdftotext', ['-layout', notulen, '-']);
    for (const kop of [strings.afdruk.besluitenlijst, strings.afdruk.actielijst, strings.verslag.afgemeld]) expect(notulenTekst).toContain(kop);
    expect(notulenTekst).toContain('De tafel legt netcongestie voor aan de landelijke versnellingstafel.');
    expect(notulenTekst).toContain('Dirk Ontwikkelaar');

    await open(vera.page, '/knelpunten');
    await vera.page.getByRole('main').getByRole('link', { name: DEMO.knelpunt }).first().click();
    await vera.page.getByRole('link', { name: strings.afdruk.knelpuntAfdrukken }).click();
    await vera.page.getByRole('heading', { level: 1, name: strings.afdruk.knelpuntTitel(DEMO.knelpunt) }).waitFor();
    expect(await chromeVisible(vera.page)).toEqual([]);
    expect(await vera.page.getByRole('heading', { level: 2, name: strings.afdruk.escalatieVerzoek }).count()).toBe(1);
    expect(await vera.page.getByRole('main').textContent()).toContain('Landelijke versnellingstafel');
  });
});

const R = strings.rapportage;

describe('the half-yearly rapportage', () => {
  it('is co-edited by the kernteam, prints as a tagged PDF with every section and figure, and is vastgesteld for good', async () => {
    await open(vera.page, '/rapportages');
    await vera.page.getByRole('heading', { level: 1, name: R.titel }).waitFor();
    await vera.page.getByRole('main').getByRole('link').filter({ hasText: 'Halfjaarrapportage' }).first().click();
    await vera.page.getByRole('heading', { level: 1, name: /halfjaarrapportage/ }).waitFor();
    const adres = new URL(vera.page.url()).pathname;

    // Gert is in the demo's kernteam: he writes in the narrative live, the chair sees it.
    await gert.page.goto(`${tafel.app.baseUrl}${adres}`);
    const ontsloten = gert.page.getByRole('textbox', { name: `${R.toelichting}: ${sectieKop('ontsloten')}` });
    await ontsloten.click();
    await gert.page.keyboard.type('Met de netbeheerder is een voorrangsregeling afgesproken.');
    await expect
      .poll(() => vera.page.getByRole('textbox', { name: `${R.toelichting}: ${sectieKop('ontsloten')}` }).textContent(), { timeout: 10_000 })
      .toContain('voorrangsregeling');
    await screenshot(vera.page, FLOW, 'rapportage-scherm');

    // The figures as the screen shows them; the PDF must hold every one.
    const cijfers = (await vera.page.locator('main table td.num').allTextContents()).map((t) => t.trim()).filter((t) => t !== '' && t !== '–');
    expect(cijfers.length).toBeGreaterThan(10);

    await vera.page.getByRole('link', { name: R.afdrukken }).click();
    await vera.page.getByRole('heading', { level: 1, name: /Halfjaarrapportage/ }).waitFor();
    expect(await chromeVisible(vera.page)).toEqual([]);
    await vera.page.getByText('voorrangsregeling').waitFor();
    await screenshot(vera.page, FLOW, 'rapportage-afdruk');
    const rapport = await pdf(vera.page, 'rapportage');
    const info = poppler('pdfinfo', [rapport]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Halfjaarrapportage \d{4}-H[12] – Versnellingstafel Regio Voorbeeld/);
    const tekst = poppler('pdftotext', ['-layout', rapport, '-']);
    for (const kop of [...RAPPORTAGE_TEKSTEN.map(sectieKop), R.bijlage]) expect(tekst).toContain(kop);
    for (const kop of [R.productieKop, R.betaalbaarheidKop, R.plancapaciteitKop, R.knelpuntenKop, R.escalatiesKop]) expect(tekst).toContain(kop);
    for (const cijfer of cijfers) expect(tekst).toContain(cijfer);
    expect(tekst).toContain('Versnellingstafel Regio Voorbeeld');
    expect(tekst).toMatch(/Pagina 1 van \d/);
    expect(tekst).toContain('voorrangsregeling');

    // Vaststellen: from then on nothing changes, for the kernteam either.
    await vera.page.goto(`${tafel.app.baseUrl}${adres}`);
    await vera.page.getByRole('button', { name: R.vaststellen }).click();
    await vera.page.getByRole('dialog', { name: R.vaststellen }).getByRole('button', { name: R.vaststellen }).click();
    await vera.page.getByText(R.isVastgesteld).waitFor();
    await gert.page.getByText(R.isVastgesteld).waitFor({ timeout: 10_000 });
    expect(await gert.page.getByRole('textbox', { name: `${R.toelichting}: ${sectieKop('ontsloten')}` }).count()).toBe(0);
    expect(await gert.page.getByRole('combobox', { name: FIELD_LABELS.rapportages.koersoordeel }).count()).toBe(0);
    expect(await gert.page.getByText('voorrangsregeling').count()).toBe(1);
  });

  it('has no serious accessibility problems on its screens and fits portrait and landscape tablets', async () => {
    const problemen = await tabletProblems(gert.page, FLOW, [
      { name: 'rapportages', open: () => open(gert.page, '/rapportages') },
      {
        name: 'rapportage',
        open: async () => {
          await open(gert.page, '/rapportages');
          await gert.page.getByRole('main').getByRole('link').filter({ hasText: 'Halfjaarrapportage' }).first().click();
          await gert.page.getByRole('heading', { level: 1, name: /halfjaarrapportage/ }).waitFor();
        },
      },
      { name: 'vergadering-verslag', open: () => openVergadering(gert.page, HELD), measureWidth: false },
    ]);
    expect(problemen).toEqual([]);
  });
});
