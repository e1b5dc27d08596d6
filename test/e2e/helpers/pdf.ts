// PDFs of the printable views as Chromium's "Opslaan als PDF" makes them (print media, tagged),
// and what the tests check in them with Debian's PDF tools: poppler-utils (pdfinfo, pdftotext)
// for the title, the tags and the text of every page, qpdf for the document's language.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './artifacts';

/** Runs a PDF tool; a missing tool fails the test with how to install it. */
export function pdfTool(tool: 'pdfinfo' | 'pdftotext' | 'qpdf', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is not installed: apt-get install ${tool === 'qpdf' ? 'qpdf' : 'poppler-utils'}`, { cause: e });
    throw e;
  }
}

/** Writes the page as a tagged PDF under test/artifacts/<flow>/<naam>.pdf; returns its path. */
export async function printPdf(page: Page, flow: string, naam: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, flow);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${naam}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format: 'A4', tagged: true, outline: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return path;
}

/** The language in the PDF's catalog (/Lang), read with qpdf; null when it has none. */
export function pdfLang(path: string): string | null {
  const root = /\/Root (\d+) 0 R/.exec(pdfTool('qpdf', ['--show-object=trailer', path]))?.[1];
  if (!root) return null;
  return /\/Lang \(([^)]*)\)/.exec(pdfTool('qpdf', [`--show-object=${root}`, path]))?.[1] ?? null;
}

/** The structure elements of the tagged PDF (H1, H2, Table, TH, ...) with how often each occurs. */
export function pdfTags(path: string): Map<string, number> {
  const tags = new Map<string, number>();
  for (const regel of pdfTool('pdfinfo', ['-struct', path]).split('\n')) {
    // "TH (block)", "TH:" (with its attributes on the lines below, which start with "/").
    const tag = /^\s*([A-Za-z0-9]+)/.exec(regel)?.[1];
    if (tag) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  return tags;
}

/** The document's text in reading order, its white space as single spaces (a cell's words together). */
export function pdfTekst(path: string): string {
  return pdfTool('pdftotext', [path, '-']).replace(/\s+/g, ' ');
}

/** The text of every page, each as its non-empty lines (pdftotext keeps the layout). */
export function pdfPaginas(path: string): string[][] {
  const paginas = pdfTool('pdftotext', ['-layout', path, '-']).split('\f');
  if (paginas.at(-1)?.trim() === '') paginas.pop();
  return paginas.map((p) => p.split('\n').filter((r) => r.trim() !== ''));
}

const woorden = (tekst: string) => [...new Set(tekst.split(/\s+/).filter(Boolean))].sort().join(' ');

export interface Afdruk {
  readonly tafel: string;
  /** The date under the document's title, repeated in the top margin. */
  readonly datum: string;
  /** The document's own title (its h1, without the tafel), repeated in the bottom margin. */
  readonly titel: string;
  /** The texts of the view's headings, captions and table header rows (cells joined). */
  readonly koppen: readonly string[];
}

/** What the printable view on the page shows: its title, date, headings and table headers. */
export async function leesAfdruk(page: Page, tafel: string): Promise<Afdruk> {
  const gelezen = await page.evaluate(() => {
    const t = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      datum: t(document.querySelector('.afdruk__datum')),
      titel: t(document.querySelector('.afdruk h1')),
      koppen: [...document.querySelectorAll('.afdruk h1, .afdruk h2, .afdruk h3, .afdruk h4, .afdruk caption, .afdruk thead tr')].map((el) =>
        el.tagName === 'TR' ? [...el.children].map(t).join(' ') : t(el),
      ),
    };
  });
  return { tafel, ...gelezen };
}

/**
 * What is wrong with the printed pages: every page carries the tafel's name and the date at the
 * top and the title with "Pagina x van n" at the bottom (the @page margin boxes); no page ends
 * with a heading or a table's header row (the last one to three lines of text above the bottom
 * margin holding exactly the words of one: a header cell may wrap onto a second line).
 */
export function afdrukProblemen(paginas: readonly (readonly string[])[], a: Afdruk): string[] {
  const problemen: string[] = [];
  const koppen = new Map(a.koppen.map((k) => [woorden(k), k.trim()]));
  paginas.forEach((regels, i) => {
    const nr = `pagina ${i + 1}`;
    const boven = regels[0] ?? '';
    const onder = regels.at(-1) ?? '';
    if (!boven.includes(a.tafel) || !boven.includes(a.datum)) problemen.push(`${nr}: top margin without the tafel and the date: "${boven.trim()}"`);
    if (!onder.includes(a.titel) || !onder.includes(`Pagina ${i + 1} van ${paginas.length}`)) problemen.push(`${nr}: bottom margin without the title and "Pagina ${i + 1} van ${paginas.length}": "${onder.trim()}"`);
    if (i === paginas.length - 1) return;
    const tekst = regels.slice(1, -1);
    for (let n = 1; n <= 3 && n <= tekst.length; n++) {
      const kop = koppen.get(woorden(tekst.slice(-n).join(' ')));
      if (kop) problemen.push(`${nr} ends with "${kop}", what follows it is on the next page`);
    }
  });
  return problemen;
}
