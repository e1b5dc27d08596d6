// Renders the app icons in public/ from public/favicon.svg with Chromium, so the PNGs are exactly
// the SVG a browser draws. Run after changing the SVG: `npx tsx test/e2e/tools/render-icons.ts`.
// The PNGs are committed; the product never runs this.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../helpers/browser';
import { THEME_COLOR } from '../../../src/pwa/theme';

const PUBLIC = join(import.meta.dirname, '../../../public');

interface IconTarget {
  readonly file: string;
  readonly size: number;
  /**
   * Full-bleed icons fill the square with the theme colour: maskable icons (the platform cuts the
   * shape) and Apple touch icons (iPadOS fills transparency with black and rounds by itself).
   */
  readonly fullBleed: boolean;
}

const TARGETS: readonly IconTarget[] = [
  { file: 'pwa-192x192.png', size: 192, fullBleed: false },
  { file: 'pwa-512x512.png', size: 512, fullBleed: false },
  { file: 'maskable-icon-512x512.png', size: 512, fullBleed: true },
  { file: 'apple-touch-icon-180x180.png', size: 180, fullBleed: true },
  { file: 'apple-touch-icon-167x167.png', size: 167, fullBleed: true },
  { file: 'apple-touch-icon-152x152.png', size: 152, fullBleed: true },
];

const FAVICON_SIZES = [16, 32, 48] as const;

/** An .ico file holding PNG images (supported by every browser that asks for /favicon.ico). */
function icoFromPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function main(): Promise<void> {
  const svg = readFileSync(join(PUBLIC, 'favicon.svg'));
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const launched = await launchChromium();
  try {
    const context = await launched.newContext();
    const page = await context.newPage();
    const render = async (size: number, fullBleed: boolean): Promise<Buffer> => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<body style="margin:0;background:${fullBleed ? THEME_COLOR : 'transparent'}">` +
          `<img src="${src}" width="${size}" height="${size}" style="display:block"></body>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      return page.screenshot({ omitBackground: !fullBleed, clip: { x: 0, y: 0, width: size, height: size } });
    };
    for (const target of TARGETS) {
      writeFileSync(join(PUBLIC, target.file), await render(target.size, target.fullBleed));
      console.log(`public/${target.file}`);
    }
    const favicons = [];
    for (const size of FAVICON_SIZES) favicons.push({ size, png: await render(size, false) });
    writeFileSync(join(PUBLIC, 'favicon.ico'), icoFromPngs(favicons));
    console.log('public/favicon.ico');
  } finally {
    await launched.close();
  }
}

await main();
