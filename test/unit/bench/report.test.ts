// The benchmark's report says only what the run measured: verdicts from this run's numbers, no
// text written for another run, and a quick run lists what it skipped.

import { describe, expect, it } from 'vitest';
import { renderResults, type BenchResults } from '../../bench/report';
import { FULL, QUICK } from '../../bench/settings';
import type { FanoutRun } from '../../bench/fanout/run-fanout';

function fanoutRun(contestant: FanoutRun['contestant'], clients: number, p99Ms: number, cpuMs: number, systemMs = cpuMs / 4): FanoutRun {
  return {
    contestant,
    clients,
    repeat: 0,
    offeredPerSecond: 10,
    acceptedPerSecond: 10,
    deliveredShare: 1,
    p50Ms: p99Ms / 2,
    p99Ms,
    serverCpuCores: 0.1,
    serverCpuMsPerUpdate: cpuMs,
    serverUserMsPerUpdate: cpuMs - systemMs,
    serverSystemMsPerUpdate: systemMs,
    serverIoSyscallsPerUpdate: 60,
    serverPeakRssMb: 100,
    clientCpuCores: [0.1, 0.1],
    rejected: 0,
  };
}

function run(over: Partial<BenchResults>): BenchResults {
  return { settings: FULL, startedAt: '2026-12-02T03:00:00.000Z', finishedAt: '2026-12-02T03:10:00.000Z', errors: {}, ...over };
}

const targetRow = (md: string, what: string) => md.split('\n').find((l) => l.startsWith(`| ${what}`));

describe('bench report', () => {
  it('marks a missed target as missed and prints this run’s numbers beside it, never "Not missed"', () => {
    const r = run({
      gate: [
        { projecten: 100, validateUs: 10, applyUs: 10, gateApplyUs: 20, ratioToApply: 1 },
        { projecten: 10_000, validateUs: 40, applyUs: 12, gateApplyUs: 52, ratioToApply: 40 / 12 },
      ],
    });
    const { md, json } = renderResults(r);
    const row = targetRow(md, 'Gate (validate / Y.applyUpdate): 10,000 / 100 projects');
    expect(row).toBeDefined();
    expect(row).toContain('**no**');
    expect(md).not.toMatch(/not missed/i);
    expect(md).toContain('### Measured beside the missed targets');
    // The numbers of this run, not prose from another one.
    expect(md).toContain('10000 projects: validate 40 µs, gate + apply 52 µs, bare apply 12 µs');
    const parsed = JSON.parse(json) as { targets: { id: string; met: boolean | null }[] };
    expect(parsed.targets.find((t) => t.id === 'gate-flat')?.met).toBe(false);
  });

  it('prints no missed-target section when every measured target is met', () => {
    const r = run({
      gate: [
        { projecten: 100, validateUs: 10, applyUs: 10, gateApplyUs: 14, ratioToApply: 1 },
        { projecten: 10_000, validateUs: 11, applyUs: 11, gateApplyUs: 15, ratioToApply: 1 },
      ],
    });
    const { md } = renderResults(r);
    expect(targetRow(md, 'Gate (validate / Y.applyUpdate): 10,000 / 100 projects')).toContain('| yes |');
    expect(md).not.toContain('Measured beside the missed targets');
    expect(targetRow(md, 'Cold open')).toContain('not run');
  });

  it('judges the fan-out targets from the fan-out rows of the run', () => {
    const r = run({ fanout: [fanoutRun('ours', 200, 900, 2), fanoutRun('reference', 200, 600, 1), fanoutRun('hocuspocus', 200, 500, 1)] });
    const { md } = renderResults(r);
    expect(targetRow(md, 'Fan-out p99 latency at C=200')).toContain('**no**');
    expect(md).toMatch(/At C=200: Aan Tafel relay[^\n]*p99 over 1 repeat\(s\) 900–900 ms/);
  });

  it('sets the relay CPU target beside the same relay without the fsync per COMMIT, split into user and system time', () => {
    const r = run({
      fanout: [10, 50].flatMap((c) => [
        fanoutRun('ours', c, 20, 2.4, 0.9),
        fanoutRun('ours-normal', c, 15, 1.8, 0.4),
        fanoutRun('reference', c, 10, 1.6, 0.5),
      ]),
    });
    const { md } = renderResults(r);
    expect(targetRow(md, 'Server CPU per accepted fan-out update')).toContain('C=10: 1.5, C=50: 1.5');
    expect(md).toMatch(/Without the fsync per COMMIT[^\n]*C=10: 1\.8 ms per update, 1\.13x the reference/);
    expect(md).toMatch(/Aan Tafel relay \(gate \+ SQLite\)[^;]*user 1\.5 \+ system 0\.9 ms/);
  });

  it('lists the rows a quick run skipped', () => {
    const { md } = renderResults(run({ settings: QUICK }));
    expect(md).toContain('### Not measured in this quick run');
    expect(md).toContain('- Saturation with 1000 connections');
    expect(md).toContain('- Catch-up: contestant hocuspocus');
    expect(renderResults(run({})).md).not.toContain('Not measured in this');
  });
});

describe('bench report: the import row', () => {
  const sample = (previewMs: number, applyMs: number, parseMs: number, longestTaskMs: number) => ({ previewMs, applyMs, parseMs, longestTaskMs, longTasks: longestTaskMs > 0 ? 3 : 0, longestByStep: { lezen: 0, voorbeeld: longestTaskMs, toepassen: Math.min(60, longestTaskMs) }, telling: '2000 nieuw' });
  function importRun(previewMs: number, applyMs: number, parseMs: number, longestTaskMs: number): BenchResults {
    return run({
      importXlsx: {
        projecten: 2000,
        fileKb: 300,
        previewMs,
        applyMs,
        parseMs,
        previewRatio: previewMs / parseMs,
        applyRatio: applyMs / parseMs,
        longestTaskMs,
        samples: [sample(previewMs, applyMs, parseMs, longestTaskMs)],
      },
    });
  }

  it('judges preview and apply as ratios to parsing alone, and the longest task against 200 ms', () => {
    const { md, json } = renderResults(importRun(1500, 5000, 1000, 240));
    expect(targetRow(md, 'Import of 2,000 projects from xlsx: time to the preview')).toMatch(/\| 1\.5 \| yes \|$/);
    expect(targetRow(md, 'Import of 2,000 projects from xlsx: time to apply')).toMatch(/\| 5 \| \*\*no\*\* \|$/);
    expect(targetRow(md, 'Import of 2,000 projects from xlsx: longest main-thread task')).toMatch(/\| 240 ms \| \*\*no\*\* \|$/);
    // This run's samples beside the missed targets.
    expect(md).toContain('Samples (preview / apply / parse alone / longest task ms, long tasks >= 50 ms): 1500 / 5000 / 1000 / 240, 3');
    expect(md).toContain('longest task per step, reading the file / making the preview / applying (ms): 0 / 240 / 60');
    const parsed = JSON.parse(json) as { targets: { id: string; met: boolean | null }[] };
    expect(parsed.targets.filter((t) => t.id.startsWith('import-')).map((t) => [t.id, t.met])).toEqual([
      ['import-preview', true],
      ['import-apply', false],
      ['import-longtask', false],
    ]);
  });

  it('says no long task was seen rather than claiming a number, and meets the goal then', () => {
    const { md } = renderResults(importRun(1000, 1900, 1000, 0));
    expect(targetRow(md, 'Import of 2,000 projects from xlsx: time to the preview')).toMatch(/\| 1 \| yes \|$/);
    expect(targetRow(md, 'Import of 2,000 projects from xlsx: longest main-thread task')).toMatch(/\| no task >= 50 ms \| yes \|$/);
    expect(targetRow(md, 'Import of 2,000 projects from xlsx: time to apply')).toContain('| yes |');
  });

  it('reports the import row as not run when it was not measured, and an --only run lists what it left out', () => {
    expect(targetRow(renderResults(run({})).md, 'Import of 2,000 projects from xlsx: time to apply')).toContain('not run');
    const only = renderResults({ ...importRun(1000, 1000, 1000, 0), only: ['import'] }).md;
    expect(only).toContain('# Benchmark results (full run, only import)');
    expect(only).toContain('- Every row except import (run with --only)');
    expect(targetRow(only, 'Cold open')).toContain('not run');
  });

  it('says how long each row took and how loaded the machine was as it began', () => {
    const md = renderResults(run({ rows: { gate: { seconds: 12.4, loadAtStart: 3.21 }, fanout: { seconds: 540, loadAtStart: 1.5 } } })).md;
    expect(md).toContain('Time per row (1-minute load average as it began): gate 12 s (load 3.2), fanout 540 s (load 1.5); the whole run 10 min.');
    expect(renderResults(run({})).md).not.toContain('Time per row');
  });

  it('a quick run lists its fewer import samples', () => {
    expect(renderResults(run({ settings: QUICK })).md).toContain(`- Import: ${QUICK.importXlsx.repeats} of ${FULL.importXlsx.repeats} samples`);
  });
});
