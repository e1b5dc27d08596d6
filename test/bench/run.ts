// `npm run bench [-- --quick]`: every benchmark of test/bench/README.md in one run on one machine;
// writes test/bench/results/latest.json and latest.md. A benchmark that fails is reported as
// failed (and the run exits non-zero) while the others still report.
// `npm run bench -- --only gate,fanout [--quick]`: only the named rows (comma-separated; the build
// runs when a row needs it), written to results/only-<rows>.json and .md so the last whole run stays
// as it was.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanupRelays } from '../integration/helpers/relay';
import { buildApp, measureBundle } from './bundle';
import { runCatchup } from './catchup';
import { runColdOpen } from './coldopen';
import { FanoutFailures, runFanout, type FanoutRun } from './fanout/run-fanout';
import { runGate } from './gate';
import { runImport } from './import-xlsx';
import { runRelayParts } from './relay-parts';
import { runSaturation, SaturationFailures, type SaturationRun } from './saturation/run-saturation';
import { readResults, thisMachine, writeResults, type BenchResults } from './report';
import { FULL, QUICK } from './settings';

const settings = process.argv.includes('--quick') ? QUICK : FULL;
const ROWS = ['bundle', 'gate', 'relayParts', 'fanout', 'saturation', 'catchup', 'coldOpen', 'import'] as const;
type Row = (typeof ROWS)[number];
/** Rows that need the app built. */
const NEEDS_BUILD: readonly Row[] = ['bundle', 'coldOpen', 'import'];
const onlyArg = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : undefined;
const only = onlyArg?.split(',').filter((x) => x !== '');
const unknownRows = only?.filter((x) => !(ROWS as readonly string[]).includes(x)) ?? [];
if (only !== undefined && (only.length === 0 || unknownRows.length > 0)) {
  console.error(`--only takes a comma-separated list of: ${ROWS.join(', ')}${unknownRows.length ? ` (unknown: ${unknownRows.join(', ')})` : ''}`);
  process.exit(2);
}
const runs = (row: Row) => only === undefined || only.includes(row);
const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

// `--report-only`: rewrite latest.md from latest.json (e.g. after report.ts changed), measuring nothing.
if (process.argv.includes('--report-only')) {
  writeResults(resultsDir, readResults(resultsDir));
  console.log('rewrote test/bench/results/latest.md from latest.json');
  process.exit(0);
}
const started = Date.now();
const loadAtStart = os.loadavg();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
// Every y-websocket provider adds a process exit hook; the setup clients are many.
process.setMaxListeners(0);

const errors: Record<string, string> = {};
/** How long each row took and the machine's 1-minute load average as it began (the machine is shared). */
const rowTimes: Record<string, { seconds: number; loadAtStart: number }> = {};
let fanoutPartial: readonly FanoutRun[] | undefined;
let saturationPartial: readonly SaturationRun[] | undefined;
async function attempt<T>(name: string, run: () => Promise<T> | T): Promise<T | undefined> {
  const rowStarted = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  try {
    return await run();
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
    errors[name] = message;
    if (e instanceof FanoutFailures) fanoutPartial = e.runs;
    if (e instanceof SaturationFailures) saturationPartial = e.runs;
    log(`${name} FAILED: ${message}`);
    return undefined;
  } finally {
    rowTimes[name] = { seconds: (Date.now() - rowStarted) / 1000, loadAtStart };
  }
}

log(`${settings.mode} run`);
const distDir = NEEDS_BUILD.some(runs) ? await attempt('build', () => buildApp(log)) : undefined;
try {
  const bundle = distDir && runs('bundle') ? await attempt('bundle', () => measureBundle(distDir)) : undefined;
  if (bundle) log(`bundle: initial JS ${bundle.initialJsKb.toFixed(1)} KB gz, CSS ${bundle.initialCssKb.toFixed(1)} KB gz`);
  const gate = runs('gate') ? await attempt('gate', () => runGate(settings.gate, log)) : undefined;
  const relayParts = runs('relayParts') ? await attempt('relayParts', () => runRelayParts(settings.relayParts, log)) : undefined;
  const fanout = runs('fanout') ? await attempt('fanout', () => runFanout(settings.fanout, log)).then((r) => r ?? fanoutPartial) : undefined;
  const saturation = runs('saturation') ? await attempt('saturation', () => runSaturation(settings.saturation, log)).then((r) => r ?? saturationPartial) : undefined;
  const catchup = runs('catchup') ? await attempt('catchup', () => runCatchup(settings.catchup, log)) : undefined;
  const coldOpen = distDir && runs('coldOpen') ? await attempt('coldOpen', () => runColdOpen(distDir, settings.coldOpen, log)) : undefined;
  const importXlsx = distDir && runs('import') ? await attempt('import', () => runImport(distDir, settings.importXlsx, log)) : undefined;
  const results: BenchResults = {
    settings,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    ...(fanout ? { fanout } : {}),
    ...(saturation ? { saturation } : {}),
    ...(gate ? { gate } : {}),
    ...(relayParts ? { relayParts } : {}),
    ...(catchup ? { catchup } : {}),
    ...(coldOpen ? { coldOpen } : {}),
    ...(importXlsx ? { importXlsx } : {}),
    ...(only ? { only } : {}),
    ...(bundle ? { bundle } : {}),
    errors,
    load: { atStart: loadAtStart, atEnd: os.loadavg() },
    rows: rowTimes,
    machine: thisMachine(),
  };
  const written = writeResults(resultsDir, results, only ? `only-${only.join('-')}` : 'latest');
  log(`wrote ${path.relative(process.cwd(), written.md)} and ${path.relative(process.cwd(), written.json)}`);
} finally {
  await cleanupRelays();
  if (distDir) fs.rmSync(distDir, { recursive: true, force: true });
}
// Providers and timers of the benchmarks may still hold the event loop; the run is over.
process.exit(Object.keys(errors).length > 0 ? 1 : 0);
