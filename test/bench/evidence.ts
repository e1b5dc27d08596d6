// What this run measured next to each missed target, generated from its own numbers: the report
// never prints text written for another run. Explanations written by hand live in
// test/bench/README.md, dated with the run they explain.

import type { BenchResults } from './report';
import { CONTESTANT_LABEL, type Contestant } from './fanout/contestants';
import type { FanoutRun } from './fanout/run-fanout';
import { median, round } from './lib/stats';

const f = (x: number, digits = 2) => (Number.isFinite(x) ? String(round(x, digits)) : x === Number.POSITIVE_INFINITY ? '∞' : 'n/a');
const range = (xs: readonly number[], digits = 1) => (xs.length ? `${f(Math.min(...xs), digits)}–${f(Math.max(...xs), digits)}` : 'n/a');

function fanoutAt(runs: readonly FanoutRun[], clients: number): string {
  const parts: string[] = [];
  for (const c of [...new Set(runs.map((r) => r.contestant))] as Contestant[]) {
    const of = runs.filter((r) => r.clients === clients && r.contestant === c);
    if (!of.length) continue;
    const clientCores = median(of.map((r) => r.clientCpuCores.reduce((a, b) => a + b, 0)));
    parts.push(
      `${CONTESTANT_LABEL[c]}: p99 over ${of.length} repeat(s) ${range(of.map((r) => r.p99Ms))} ms, delivered ${range(of.map((r) => r.deliveredShare * 100))} %, ` +
        `server ${f(median(of.map((r) => r.serverCpuCores)))} core at ${f(median(of.map((r) => r.serverCpuMsPerUpdate)), 3)} ms CPU per update ` +
        `(user ${f(median(of.map((r) => r.serverUserMsPerUpdate)), 3)} + system ${f(median(of.map((r) => r.serverSystemMsPerUpdate)), 3)} ms, ` +
        `${f(median(of.map((r) => r.serverIoSyscallsPerUpdate)), 1)} socket and file reads and writes), ` +
        `client processes ${f(clientCores)} core together`,
    );
  }
  return parts.join('; ');
}

/** The diagnostic contestant's CPU per update against the reference's: what is left without durability. */
function withoutFsync(runs: readonly FanoutRun[], sizes: readonly number[]): string {
  const cpu = (c: Contestant, clients: number) => median(runs.filter((r) => r.contestant === c && r.clients === clients).map((r) => r.serverCpuMsPerUpdate));
  const at = sizes.filter((c) => Number.isFinite(cpu('ours-normal', c)));
  if (!at.length) return '';
  return `Without the fsync per COMMIT (${CONTESTANT_LABEL['ours-normal']}): ${at
    .map((c) => `C=${c}: ${f(cpu('ours-normal', c), 3)} ms per update, ${f(cpu('ours-normal', c) / cpu('reference', c))}x the reference`)
    .join('; ')}. `;
}

/** Numbers of this run that bear on target `id`; empty when the run has nothing beyond the target's own figure. */
export function evidenceFor(id: string, r: BenchResults): string {
  const fan = r.fanout ?? [];
  const largest = fan.length ? Math.max(...fan.map((x) => x.clients)) : Number.NaN;
  switch (id) {
    case 'fanout-throughput':
    case 'fanout-p99':
    case 'fanout-hocuspocus':
      return fan.length ? `At C=${largest}: ${fanoutAt(fan, largest)}.` : '';
    case 'relay-cpu': {
      const p = r.relayParts;
      const parts = p
        ? `Per accepted update, in-process CPU: validate ${f(p.validateUs, 1)} µs, apply ${f(p.applyWithListenerUs, 1)} µs, log append ${f(p.appendUs, 1)} µs, audit ${f(p.auditUs, 1)} µs, ` +
          `BEGIN + COMMIT with fsync ${f(p.commitUs, 1)} µs (one batch per update at these rates), presence rewrite ${f(p.awarenessRewriteUs, 1)} µs. `
        : '';
      const sizes = [10, 50].filter((c) => fan.some((x) => x.clients === c));
      return parts + withoutFsync(fan, sizes) + sizes.map((c) => `At C=${c}: ${fanoutAt(fan, c)}.`).join(' ');
    }
    case 'gate-us':
    case 'gate-flat':
    case 'gate-apply':
      return (
        (r.relayParts ? `In-process CPU at 200 projects: bare apply ${f(r.relayParts.bareApplyUs, 1)} µs, validate ${f(r.relayParts.validateUs, 1)} µs. ` : '') +
        (r.gate ?? [])
          .map((g) => `${g.projecten} projects: validate ${f(g.validateUs, 1)} µs, gate + apply ${f(g.gateApplyUs ?? Number.NaN, 1)} µs, bare apply ${f(g.applyUs, 1)} µs`)
          .join('; ')
      );
    case 'first-rows':
    case 'live':
    case 'long-task': {
      const c = r.coldOpen;
      if (!c) return '';
      const phases = c.phases ? Object.entries(c.phases).map(([k, v]) => `${k} ${f(v, 0)} ms`).join(', ') : '';
      return (
        `Samples (first rows / live / floor ms): ${c.samples.map((x) => `${f(x.firstRowsMs ?? x.openMs, 0)} / ${f(x.liveMs ?? Number.NaN, 0)} / ${f(x.floorMs, 0)}`).join(', ')}` +
        (phases ? `; median phases: ${phases}` : '') +
        (c.longestTaskMs !== undefined ? `; longest main-thread task ${f(c.longestTaskMs, 0)} ms` : '')
      );
    }
    case 'import-preview':
    case 'import-apply':
    case 'import-longtask': {
      const im = r.importXlsx;
      if (!im) return '';
      return (
        `Samples (preview / apply / parse alone / longest task ms, long tasks >= 50 ms): ` +
        im.samples.map((x) => `${f(x.previewMs, 0)} / ${f(x.applyMs, 0)} / ${f(x.parseMs, 0)} / ${f(x.longestTaskMs, 0)}, ${x.longTasks}`).join('; ') +
        `; longest task per step, reading the file / making the preview / applying (ms): ` +
        im.samples.map((x) => `${f(x.longestByStep.lezen, 0)} / ${f(x.longestByStep.voorbeeld, 0)} / ${f(x.longestByStep.toepassen, 0)}`).join('; ') +
        (im.samples[0] ? `; the preview counted: ${im.samples[0].telling}` : '') +
        (im.samples.every((x) => x.herimport)
          ? `; the same file again into the tafel now holding its projects, longest task until the preview (ms): ${im.samples.map((x) => f(x.herimport!.longestTaskMs, 0)).join(' / ')} (${im.samples[0]?.herimport?.telling ?? ''})`
          : '')
      );
    }
    case 'saturation':
      return (r.saturation ?? [])
        .filter((x) => x.contestant !== 'hocuspocus')
        .map((x) => {
          const last = x.steps.at(-1);
          return (
            `${CONTESTANT_LABEL[x.contestant]} at ${x.connections}/${x.tafels}: ${f(x.maxSustainedPerSecond, 0)}/s sustained` +
            (last && !last.sustained ? `; stopped at ${f(last.offeredPerSecond, 0)}/s offered with ${f(last.deliveredShare * 100, 1)} % delivered, p99 ${f(last.p99Ms, 0)} ms, server ${f(last.serverCpuCores)} core, clients ${last.clientCpuCores.map((c) => f(c)).join('+')} core` : '')
          );
        })
        .join('; ');
    case 'catch-up':
      return (r.catchup ?? []).map((c) => `${CONTESTANT_LABEL[c.contestant]}: ${f(c.catchupMs, 1)} ms (samples ${c.samples.map((x) => f(x, 1)).join(', ')})`).join('; ');
    case 'bundle':
      return r.bundle ? `Initial files: ${r.bundle.initialFiles.map((x) => `${x.file} ${f(x.gzipKb, 1)} KB`).join(', ')}` : '';
    default:
      return '';
  }
}
