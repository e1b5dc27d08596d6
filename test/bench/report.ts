// Turns one bench run into test/bench/results/latest.json (everything) and latest.md (the table
// the README links): medians, ratios to the reference measured in the same run, targets.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BundleResult } from './bundle';
import type { CatchupResult } from './catchup';
import type { ColdOpenResult } from './coldopen';
import { CONTESTANT_LABEL, CONTESTANTS, type Contestant } from './fanout/contestants';
import type { FanoutRun } from './fanout/run-fanout';
import { evidenceFor } from './evidence';
import type { GateResult } from './gate';
import type { ImportResult } from './import-xlsx';
import type { SaturationRun } from './saturation/run-saturation';
import type { RelayPartsResult } from './relay-parts';
import type { BenchSettings } from './settings';
import { skippedRows } from './skipped';
import { median, ratio, round } from './lib/stats';

export interface BenchResults {
  readonly settings: BenchSettings;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly fanout?: readonly FanoutRun[];
  readonly saturation?: readonly SaturationRun[];
  readonly gate?: readonly GateResult[];
  readonly relayParts?: RelayPartsResult;
  readonly catchup?: readonly CatchupResult[];
  readonly coldOpen?: ColdOpenResult;
  readonly importXlsx?: ImportResult;
  readonly bundle?: BundleResult;
  /** Set when the run measured only these rows (`--only`); every other row was not run. */
  readonly only?: readonly string[];
  /** Benchmarks that failed, with the reason; the others still report. */
  readonly errors: Readonly<Record<string, string>>;
  /** The machine's load average (1, 5, 15 min) at the start and the end: it is shared with other work. */
  readonly load?: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  /** Per row: how long it took and the 1-minute load average as it began. */
  readonly rows?: Readonly<Record<string, { readonly seconds: number; readonly loadAtStart: number }>>;
  /** Cores, CPU model and Node version of the machine that ran it. */
  readonly machine?: string;
}

export const thisMachine = (): string => `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`;

interface FanoutSummary {
  readonly clients: number;
  readonly contestant: Contestant;
  readonly runs: number;
  readonly acceptedPerSecond: number;
  readonly offeredPerSecond: number;
  /** accepted / offered: the offered load is the same for everyone, so this is what throughput compares. */
  readonly deliveredShare: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly serverCpuMsPerUpdate: number;
  readonly serverCpuCores: number;
  readonly serverPeakRssMb: number;
  readonly rejected: number;
  readonly throughputVsReference: number;
  readonly p99VsReference: number;
  readonly cpuVsReference: number;
  readonly memoryVsReference: number;
}

function summariseFanout(runs: readonly FanoutRun[]): FanoutSummary[] {
  const out: FanoutSummary[] = [];
  const sizes = [...new Set(runs.map((r) => r.clients))].sort((a, b) => a - b);
  for (const clients of sizes) {
    const of = (c: Contestant) => runs.filter((r) => r.clients === clients && r.contestant === c);
    const med = (c: Contestant, f: (r: FanoutRun) => number) => median(of(c).map(f));
    for (const contestant of CONTESTANTS) {
      if (of(contestant).length === 0) continue;
      out.push({
        clients,
        contestant,
        runs: of(contestant).length,
        acceptedPerSecond: med(contestant, (r) => r.acceptedPerSecond),
        offeredPerSecond: med(contestant, (r) => r.offeredPerSecond),
        deliveredShare: med(contestant, (r) => r.deliveredShare),
        p50Ms: med(contestant, (r) => r.p50Ms),
        p99Ms: med(contestant, (r) => r.p99Ms),
        serverCpuMsPerUpdate: med(contestant, (r) => r.serverCpuMsPerUpdate),
        serverCpuCores: med(contestant, (r) => r.serverCpuCores),
        serverPeakRssMb: med(contestant, (r) => r.serverPeakRssMb),
        rejected: of(contestant).reduce((n, r) => n + r.rejected, 0),
        throughputVsReference: ratio(med(contestant, (r) => r.deliveredShare), med('reference', (r) => r.deliveredShare)),
        p99VsReference: ratio(med(contestant, (r) => r.p99Ms), med('reference', (r) => r.p99Ms)),
        cpuVsReference: ratio(med(contestant, (r) => r.serverCpuMsPerUpdate), med('reference', (r) => r.serverCpuMsPerUpdate)),
        memoryVsReference: ratio(med(contestant, (r) => r.serverPeakRssMb), med('reference', (r) => r.serverPeakRssMb)),
      });
    }
  }
  return out;
}

interface Target {
  readonly id: string;
  readonly what: string;
  readonly target: string;
  readonly measured: string;
  /** undefined when the benchmark did not run. */
  readonly met: boolean | undefined;
}

const f = (x: number, digits = 2) => (Number.isFinite(x) ? String(round(x, digits)) : x === Number.POSITIVE_INFINITY ? '∞' : 'n/a');

/** Per size (connections / tafels) where both ran: the highest sustained rates of ours and the reference. */
function saturationPairs(runs: readonly SaturationRun[]): { connections: number; tafels: number; ours: number; reference: number }[] {
  const out: { connections: number; tafels: number; ours: number; reference: number }[] = [];
  for (const ours of runs.filter((x) => x.contestant === 'ours')) {
    const ref = runs.find((x) => x.contestant === 'reference' && x.connections === ours.connections && x.tafels === ours.tafels);
    if (ref) out.push({ connections: ours.connections, tafels: ours.tafels, ours: ours.maxSustainedPerSecond, reference: ref.maxSustainedPerSecond });
  }
  return out;
}

/**
 * Memory per idle loaded tafel and per open connection, from the resident memory once everything
 * was connected: the same connections spread over more tafels, and more connections on one tafel.
 */
export function saturationMemory(runs: readonly SaturationRun[], c: Contestant): { perTafelMb: number; perConnectionMb: number } {
  const idle = (n: number, t: number) => runs.find((x) => x.contestant === c && x.connections === n && x.tafels === t)?.idleRssMb ?? Number.NaN;
  const ns = [...new Set(runs.map((x) => x.connections))].sort((a, b) => a - b);
  const ts = [...new Set(runs.map((x) => x.tafels))].sort((a, b) => a - b);
  const n0 = ns[0] ?? Number.NaN;
  const n1 = ns.at(-1) ?? Number.NaN;
  const t0 = ts[0] ?? Number.NaN;
  const t1 = ts.at(-1) ?? Number.NaN;
  return {
    perTafelMb: t1 > t0 ? (idle(n0, t1) - idle(n0, t0)) / (t1 - t0) : Number.NaN,
    perConnectionMb: n1 > n0 ? (idle(n1, t0) - idle(n0, t0)) / (n1 - n0) : Number.NaN,
  };
}

function targets(r: BenchResults, fanout: readonly FanoutSummary[]): Target[] {
  const t: Target[] = [];
  const largest = Math.max(...fanout.map((s) => s.clients));
  const at = (c: Contestant) => fanout.find((s) => s.clients === largest && s.contestant === c);
  const ours = at('ours');
  const ref = at('reference');
  const hp = at('hocuspocus');
  t.push({
    id: 'fanout-throughput',
    what: `Fan-out throughput (share of the offered load delivered) at C=${Number.isFinite(largest) ? largest : '?'}, ours / reference`,
    target: '>= 1.0',
    measured: ours ? f(ours.throughputVsReference) : 'n/a',
    met: ours && ref ? ours.throughputVsReference >= 1 : undefined,
  });
  t.push({
    id: 'fanout-p99',
    what: `Fan-out p99 latency at C=${Number.isFinite(largest) ? largest : '?'}, ours / reference`,
    target: '<= 1.0',
    measured: ours ? f(ours.p99VsReference) : 'n/a',
    met: ours && ref ? ours.p99VsReference <= 1 : undefined,
  });
  t.push({
    id: 'fanout-hocuspocus',
    what: `Ahead of Hocuspocus at C=${Number.isFinite(largest) ? largest : '?'} (throughput >=, p99 <=)`,
    target: 'both',
    measured: ours && hp ? `delivered ${f(ours.deliveredShare * 100, 1)} vs ${f(hp.deliveredShare * 100, 1)} %; p99 ${f(ours.p99Ms, 1)} vs ${f(hp.p99Ms, 1)} ms` : 'n/a',
    met: ours && hp ? ours.deliveredShare >= hp.deliveredShare && ours.p99Ms <= hp.p99Ms : undefined,
  });
  const cpuAt = (c: number) => fanout.find((x) => x.clients === c && x.contestant === 'ours')?.cpuVsReference ?? Number.NaN;
  const cpuSizes = [10, 50].filter((c) => Number.isFinite(cpuAt(c)));
  t.push({
    id: 'relay-cpu',
    what: 'Server CPU per accepted fan-out update, ours / reference (gate and SQLite on)',
    target: '<= 1.0 at C=10 and 50',
    measured: cpuSizes.length ? cpuSizes.map((c) => `C=${c}: ${f(cpuAt(c))}`).join(', ') : 'n/a',
    met: cpuSizes.length === 2 ? cpuSizes.every((c) => cpuAt(c) <= 1) : undefined,
  });
  const gate = r.gate ?? [];
  const gateApply = gate.filter((g) => g.gateApplyUs !== undefined).map((g) => g.gateApplyUs! / g.applyUs);
  t.push({
    id: 'gate-apply',
    what: 'Gate + apply / bare Y.applyUpdate of the same edit (worst size)',
    target: '<= 1.5',
    measured: gateApply.length ? f(Math.max(...gateApply)) : 'n/a',
    met: gateApply.length ? Math.max(...gateApply) <= 1.5 : undefined,
  });
  const slowest = gate.length ? Math.max(...gate.map((g) => g.validateUs)) : Number.NaN;
  t.push({ id: 'gate-us', what: 'Gate: µs per single-field edit (slowest size)', target: '< 50', measured: f(slowest, 1), met: gate.length ? slowest < 50 : undefined });
  const small = gate.find((g) => g.projecten === 100);
  const big = gate.find((g) => g.projecten === 10_000);
  // The issue states gate cost as a ratio to Y.applyUpdate of the same update; that ratio must not grow with the document.
  const growth = small && big ? big.ratioToApply / small.ratioToApply : Number.NaN;
  t.push({
    id: 'gate-flat',
    what: 'Gate (validate / Y.applyUpdate): 10,000 / 100 projects',
    target: '<= 1.2',
    measured: small && big ? `${f(growth)} (absolute validate ${f(big.validateUs / small.validateUs)}, apply ${f(big.applyUs / small.applyUs)})` : 'n/a',
    met: small && big ? growth <= 1.2 : undefined,
  });
  const co = r.coldOpen;
  // Results from before the read model carry only the whole open (openMs): that is when rows showed.
  const firstRows = co ? (co.firstRowsRatio ?? co.ratioToFloor) : Number.NaN;
  t.push({
    id: 'first-rows',
    what: 'Cold open: first rows of the planmonitor / bare Y.applyUpdate',
    target: '<= 1.0',
    measured: co ? f(firstRows) : 'n/a',
    met: co ? firstRows <= 1 : undefined,
  });
  t.push({
    id: 'live',
    what: 'Cold open: document live and editable / bare Y.applyUpdate',
    target: '<= 2.0',
    measured: co ? f(co.ratioToFloor) : 'n/a',
    met: co ? co.ratioToFloor <= 2 : undefined,
  });
  t.push({
    id: 'long-task',
    what: 'Cold open: longest main-thread task until live (longtask observer)',
    target: '< 100 ms',
    // The browser reports only tasks of 50 ms and more: none means every task was shorter.
    measured: co?.longestTaskMs !== undefined ? (co.longestTaskMs > 0 ? `${f(co.longestTaskMs, 0)} ms` : 'no task >= 50 ms') : 'n/a',
    met: co?.longestTaskMs !== undefined ? co.longestTaskMs < 100 : undefined,
  });
  const imp = r.importXlsx;
  t.push({
    id: 'import-preview',
    what: 'Import of 2,000 projects from xlsx: time to the preview / parsing the file alone',
    target: '<= 2.0',
    measured: imp ? f(imp.previewRatio, 3) : 'n/a',
    met: imp ? imp.previewRatio <= 2 : undefined,
  });
  t.push({
    id: 'import-apply',
    what: 'Import of 2,000 projects from xlsx: time to apply / parsing the file alone',
    target: '<= 2.0',
    measured: imp ? f(imp.applyRatio, 3) : 'n/a',
    met: imp ? imp.applyRatio <= 2 : undefined,
  });
  t.push({
    id: 'import-longtask',
    what: 'Import of 2,000 projects from xlsx: longest main-thread task (longtask observer)',
    target: '< 200 ms',
    // The browser reports only tasks of 50 ms and more: none means every task was shorter.
    measured: imp ? (imp.longestTaskMs > 0 ? `${f(imp.longestTaskMs, 0)} ms` : 'no task >= 50 ms') : 'n/a',
    met: imp ? imp.longestTaskMs < 200 : undefined,
  });
  const sat = saturationPairs(r.saturation ?? []);
  t.push({
    id: 'saturation',
    what: 'Saturation: highest sustained accepted updates/s, ours vs reference',
    target: 'ours >= reference at each connections/tafels',
    measured: sat.length ? sat.map((p) => `${p.connections}/${p.tafels}: ${f(p.ours, 0)} vs ${f(p.reference, 0)}`).join(', ') : 'n/a',
    met: sat.length ? sat.every((p) => p.ours >= p.reference) : undefined,
  });
  const cu = r.catchup?.find((c) => c.contestant === 'ours');
  t.push({ id: 'catch-up', what: 'Catch-up (ours) / bare merge', target: '<= 1.5', measured: cu ? f(cu.ratioToMerge) : 'n/a', met: cu ? cu.ratioToMerge <= 1.5 : undefined });
  t.push({
    id: 'bundle',
    what: 'Initial JS, gzipped KB',
    target: '< 250',
    measured: r.bundle ? f(r.bundle.initialJsKb, 1) : 'n/a',
    met: r.bundle ? r.bundle.initialJsKb < 250 : undefined,
  });
  return t;
}

function markdown(r: BenchResults, fanout: readonly FanoutSummary[], goals: readonly Target[]): string {
  const L: string[] = [];
  const s = r.settings;
  L.push(`# Benchmark results (${s.mode} run${r.only ? `, only ${r.only.join(', ')}` : ''})`, '');
  L.push(
    `Run ${r.startedAt} – ${r.finishedAt} on ${r.machine ?? thisMachine()}. ` +
      'The machine is shared with other work, so numbers are medians over interleaved runs and are compared as ratios to the reference measured in the same run. ' +
      'Method and reasoning: [test/bench/README.md](../README.md).' +
      (r.load ? ` Load average (1/5/15 min) at the start ${r.load.atStart.map((x) => f(x)).join(' / ')}, at the end ${r.load.atEnd.map((x) => f(x)).join(' / ')}.` : ''),
    '',
  );
  if (r.rows && Object.keys(r.rows).length > 0) {
    const total = (Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60_000;
    const rows = Object.entries(r.rows).map(([k, v]) => `${k} ${f(v.seconds, 0)} s (load ${f(v.loadAtStart, 1)})`);
    L.push(`Time per row (1-minute load average as it began): ${rows.join(', ')}; the whole run ${f(total, 1)} min.`, '');
  }
  L.push('## Targets', '', '| | target | measured | met |', '|---|---|---|---|');
  for (const g of goals) L.push(`| ${g.what} | ${g.target} | ${g.measured} | ${g.met === undefined ? 'not run' : g.met ? 'yes' : '**no**'} |`);
  const missed = goals.filter((g) => g.met === false);
  if (missed.length) {
    L.push('', '### Measured beside the missed targets', '');
    L.push('Numbers from this run only. Explanations written by hand are in [test/bench/README.md](../README.md), dated with the run they explain.', '');
    for (const g of missed) L.push(`- **${g.what}** (${g.measured} against ${g.target}): ${evidenceFor(g.id, r) || 'this run measured nothing beyond the figure above.'}`);
  }
  const skipped = [...(r.only ? [`Every row except ${r.only.join(', ')} (run with --only)`] : []), ...skippedRows(s)];
  if (skipped.length) {
    L.push('', `### Not measured in this ${s.mode} run`, '');
    for (const x of skipped) L.push(`- ${x}`);
  }
  if (fanout.length) {
    L.push('', '## 1. Relay fan-out', '');
    L.push(
      `Tafel of 200 projects; each client its own lid editing its own fields every ${1 / s.fanout.editsPerSecond} s, 1 in 40 typing notulen at ${s.fanout.typingPerSecond} chars/s; ` +
        `${s.fanout.measureMs / 1000} s measured after ${s.fanout.warmupMs / 1000} s warm-up, ${s.fanout.repeats} interleaved repeat(s), fresh server per run. ` +
        'Latency: send until every other client has integrated the edit. CPU and memory: the server process only.',
      '',
    );
    L.push('| C | server | accepted/s (offered) | delivered | p50 ms | p99 ms | CPU ms/update | peak RSS MB | throughput vs ref | p99 vs ref | CPU vs ref | rejected |');
    L.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const x of fanout) {
      L.push(
        `| ${x.clients} | ${CONTESTANT_LABEL[x.contestant]} | ${f(x.acceptedPerSecond, 1)} (${f(x.offeredPerSecond, 1)}) | ${f(x.deliveredShare * 100, 1)} % | ${f(x.p50Ms, 1)} | ${f(x.p99Ms, 1)} | ${f(x.serverCpuMsPerUpdate, 3)} | ${f(x.serverPeakRssMb, 0)} | ${f(x.throughputVsReference)} | ${f(x.p99VsReference)} | ${f(x.cpuVsReference)} | ${x.rejected} |`,
      );
    }
  }
  if (r.gate?.length) {
    L.push('', '## 2. Gate cost', '', '| projects | validate µs | Y.applyUpdate µs | validate / apply |', '|---|---|---|---|');
    for (const g of r.gate) L.push(`| ${g.projecten} | ${f(g.validateUs, 1)} | ${f(g.applyUs, 1)} | ${f(g.ratioToApply)} |`);
  }
  if (r.relayParts) {
    const p = r.relayParts;
    L.push('', '### The relay\'s work per accepted update, part by part (CPU µs, in-process)', '');
    L.push('| bare Y.applyUpdate | validate | apply with the room\'s update listener | log append | audit row | BEGIN + COMMIT of a one-update batch (fsync) | presence rewrite |');
    L.push('|---|---|---|---|---|---|---|');
    L.push(`| ${f(p.bareApplyUs, 1)} | ${f(p.validateUs, 1)} | ${f(p.applyWithListenerUs, 1)} | ${f(p.appendUs, 1)} | ${f(p.auditUs, 1)} | ${f(p.commitUs, 1)} | ${f(p.awarenessRewriteUs, 1)} |`);
  }
  if (r.coldOpen) {
    const c = r.coldOpen;
    L.push('', '## 3. Cold open', '');
    L.push(
      `2,000 projects, 300 knelpunten, 40 meetings with notulen (${f(c.stateKb / 1024, 1)} MB state), opened offline after a browser restart: ` +
        'until the planmonitor shows rows (from the read model when it matches the local copy), until it shows the live document\'s rows, and the longest main-thread task until then.',
      '',
    );
    L.push('| first rows ms | live ms | bare Y.applyUpdate ms | first rows / floor | live / floor | longest task ms | samples (first rows / live / floor / longest task ms) |', '|---|---|---|---|---|---|---|');
    L.push(
      `| ${f(c.firstRowsMs ?? c.openMs, 0)} | ${f(c.liveMs ?? c.openMs, 0)} | ${f(c.floorMs, 0)} | ${f(c.firstRowsRatio ?? c.ratioToFloor)} | ${f(c.ratioToFloor)} | ${c.longestTaskMs === undefined ? 'n/a' : f(c.longestTaskMs, 0)} | ` +
        `${c.samples.map((x) => `${f(x.firstRowsMs ?? x.openMs, 0)} / ${f(x.liveMs ?? x.openMs, 0)} / ${f(x.floorMs, 0)} / ${f(x.longestTaskMs ?? Number.NaN, 0)}`).join(', ')} |`,
    );
    if (c.phases && Object.keys(c.phases).length) L.push('', `Median marks of the app (ms since navigation start): ${Object.entries(c.phases).map(([k, v]) => `${k} ${f(v, 0)}`).join(', ')}.`);
  }
  if (r.catchup?.length) {
    L.push('', '## 4. Catch-up', '', `${s.catchup.edits} edits made offline, then reconnect; until another client has them all.`, '');
    L.push('| server | catch-up ms | bare merge ms | ratio |', '|---|---|---|---|');
    for (const c of r.catchup) L.push(`| ${CONTESTANT_LABEL[c.contestant]} | ${f(c.catchupMs, 1)} | ${f(c.mergeFloorMs, 1)} | ${f(c.ratioToMerge)} |`);
  }
  if (r.bundle) {
    const b = r.bundle;
    L.push('', '## 5. Bundle', '', '| initial JS KB gz | initial CSS KB gz | all JS KB gz (lazy routes included) |', '|---|---|---|');
    L.push(`| ${f(b.initialJsKb, 1)} | ${f(b.initialCssKb, 1)} | ${f(b.allJsKb, 1)} |`);
  }
  if (r.saturation?.length) {
    const st = s.saturation;
    L.push('', '## 6. Saturation', '');
    L.push(
      `Raw WebSocket clients send pre-made edits (each its own lid and clientID) at ${st.startRate} updates/s, then ${st.factor}x more per step of ${st.stepMs / 1000} s ` +
        `(+${st.graceMs / 1000} s grace), until an edit does not reach every other client of its tafel or p99 passes ${st.maxP99Ms} ms (a failed rate is tried once more); ` +
        `at most ${st.maxSteps} steps. Receivers only note arrivals.`,
      '',
    );
    L.push('| connections | tafels | server | max sustained accepted/s | vs ref | steps: offered/s delivered % p99 ms (server cores) | peak RSS MB | RSS connected, idle MB |');
    L.push('|---|---|---|---|---|---|---|---|');
    for (const x of r.saturation) {
      const ref = r.saturation.find((y) => y.contestant === 'reference' && y.connections === x.connections && y.tafels === x.tafels);
      const steps = x.steps.map((st2) => `${f(st2.offeredPerSecond, 0)}: ${f(st2.deliveredShare * 100, 1)} % ${f(st2.p99Ms, 0)} ms (${f(st2.serverCpuCores)})`).join('; ');
      L.push(
        `| ${x.connections} | ${x.tafels} | ${CONTESTANT_LABEL[x.contestant]} | ${f(x.maxSustainedPerSecond, 0)} | ${ref ? f(ratio(x.maxSustainedPerSecond, ref.maxSustainedPerSecond)) : 'n/a'} | ${steps} | ${f(x.peakRssMb, 0)} | ${f(x.idleRssMb, 0)} |`,
      );
    }
    L.push('', '| server | MB per idle loaded tafel | MB per open connection |', '|---|---|---|');
    for (const c of CONTESTANTS) {
      if (!r.saturation.some((x) => x.contestant === c)) continue;
      const m = saturationMemory(r.saturation, c);
      L.push(`| ${CONTESTANT_LABEL[c]} | ${f(m.perTafelMb, 2)} | ${f(m.perConnectionMb, 3)} |`);
    }
  }
  if (r.importXlsx) {
    const im = r.importXlsx;
    L.push('', '## 7. Import', '');
    L.push(
      `${im.projecten} projects in an xlsx made by the project's own export (${f(im.fileKb, 0)} KB), imported through the import screen in headless Chromium by a lid of a gemeente into a fresh tafel holding two projects that are also in the file (one of the lid's gemeente, one of another gemeente, which the preview refuses). ` +
        'Preview: choosing the file until the mapping step shows, plus "Voorbeeld bekijken" until the preview shows. Apply: "Importeren" until the screen reports done (written to the local document; the relay receives it in the background). ' +
        'Parse alone: the import\'s reading step (leesBestand) on the same bytes, on the same page\'s main thread, before the file is chosen. Long tasks: PerformanceObserver \'longtask\' (>= 50 ms) from choosing the file until done.',
      '',
    );
    L.push('| preview ms | apply ms | parse alone ms | preview / parse (median of samples) | apply / parse (median of samples) | longest task ms | samples (preview / apply / parse / longest task ms, long tasks) |', '|---|---|---|---|---|---|---|');
    L.push(
      `| ${f(im.previewMs, 0)} | ${f(im.applyMs, 0)} | ${f(im.parseMs, 0)} | ${f(im.previewRatio, 3)} | ${f(im.applyRatio, 3)} | ${f(im.longestTaskMs, 0)} | ${im.samples.map((x) => `${f(x.previewMs, 0)} / ${f(x.applyMs, 0)} / ${f(x.parseMs, 0)} / ${f(x.longestTaskMs, 0)}, ${x.longTasks}`).join('; ')} |`,
    );
  }
  const errors = Object.entries(r.errors);
  if (errors.length) {
    L.push('', '## Failed benchmarks', '');
    for (const [k, v] of errors) L.push(`- ${k}: ${v.split('\n')[0]}`);
  }
  return L.join('\n') + '\n';
}

// JSON has no Infinity or NaN: latest.json spells them as strings, and readResults turns them back.
const encodeNonFinite = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
const decodeNonFinite = (_k: string, v: unknown) => (v === 'Infinity' ? Number.POSITIVE_INFINITY : v === 'NaN' ? Number.NaN : v);

/** latest.md and latest.json of a run, made from its numbers alone. */
export function renderResults(r: BenchResults): { json: string; md: string } {
  const fanout = summariseFanout(r.fanout ?? []);
  const goals = targets(r, fanout);
  return { json: JSON.stringify({ ...r, fanoutSummary: fanout, targets: goals }, encodeNonFinite, 2) + '\n', md: markdown(r, fanout, goals) };
}

/** Writes `<name>.json` and `<name>.md` (latest for a whole run, only-<row> for `--only`). */
export function writeResults(dir: string, r: BenchResults, name = 'latest'): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const rendered = renderResults(r);
  const json = path.join(dir, `${name}.json`);
  const md = path.join(dir, `${name}.md`);
  fs.writeFileSync(json, rendered.json);
  fs.writeFileSync(md, rendered.md);
  return { json, md };
}

/** The results writeResults saved in `dir` (latest.json). */
export function readResults(dir: string): BenchResults {
  return JSON.parse(fs.readFileSync(path.join(dir, 'latest.json'), 'utf8'), decodeNonFinite) as BenchResults;
}
