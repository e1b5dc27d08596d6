// Why a target was missed, from profiling; printed under the targets in latest.md. Keyed by the
// target ids of report.ts. Written by hand after a full run; see test/bench/README.md.

export const FINDINGS = {
  'fanout-throughput': '',
  'fanout-p99': '',
  'fanout-hocuspocus': '',
  'gate-us': '',
  'gate-flat': '',
  'cold-open': '',
  'catch-up': '',
  bundle: '',
} satisfies Record<string, string>;
