// Bundle: what a tablet downloads before the app can start, i.e. the scripts, module preloads and
// stylesheets index.html references, gzipped (zlib's default level, as servers compress on the fly).
// Built into a temporary folder so the dist/ of people working in this checkout is left alone.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../integration/helpers/relay';

export interface BundleResult {
  readonly initialJsKb: number;
  readonly initialCssKb: number;
  /** Every JS chunk, lazy routes included, for scale. */
  readonly allJsKb: number;
  readonly initialFiles: readonly { readonly file: string; readonly gzipKb: number }[];
}

/** Builds the app with the project's Vite config into a fresh temporary folder and returns it. */
export function buildApp(log: (line: string) => void): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-bench-dist-'));
  log(`bundle: building the app into ${outDir}`);
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return outDir;
}

const gzipKb = (file: string) => gzipSync(fs.readFileSync(file)).length / 1024;

export function measureBundle(distDir: string): BundleResult {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) refs.add(m[1]!);
  const initialFiles = [...refs]
    .filter((ref) => ref.startsWith('/'))
    .map((ref) => ({ file: ref, gzipKb: gzipKb(path.join(distDir, ref)) }));
  if (!initialFiles.some((f) => f.file.endsWith('.js'))) throw new Error('index.html references no script');
  const sum = (ext: string) => initialFiles.filter((f) => f.file.endsWith(ext)).reduce((n, f) => n + f.gzipKb, 0);
  const assets = path.join(distDir, 'assets');
  const allJsKb = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gzipKb(path.join(assets, f)), 0);
  return { initialJsKb: sum('.js'), initialCssKb: sum('.css'), allJsKb, initialFiles };
}
