// How much of each benchmark a run does: the full run (about 20-25 minutes on this 2-core machine
// when it is quiet; README.md), or --quick for a smoke run of a few minutes.

import type { CatchupSettings } from './catchup';
import type { ColdOpenSettings } from './coldopen';
import type { FanoutSettings } from './fanout/run-fanout';
import type { GateSettings } from './gate';
import type { ImportSettings } from './import-xlsx';
import type { RelayPartsSettings } from './relay-parts';
import type { SaturationSettings } from './saturation/run-saturation';

export interface BenchSettings {
  readonly mode: 'full' | 'quick';
  readonly fanout: FanoutSettings;
  readonly gate: GateSettings;
  readonly catchup: CatchupSettings;
  readonly coldOpen: ColdOpenSettings;
  readonly saturation: SaturationSettings;
  readonly relayParts: RelayPartsSettings;
  readonly importXlsx: ImportSettings;
}

// Each lid edits one of its fields every 4 s (a busy meeting where everyone is at it) and one in
// 40 types into the notulen at 4 characters a second. The fan-out's clients are full Y.Docs (what
// users feel); at C = 200 they saturated this 2-core machine themselves (~14,000 integrations/s),
// so what a server carries at 200 and 1,000 connections is the saturation row's, whose clients
// are cheap, and the fan-out stops at C = 50.
const LOAD = { editsPerSecond: 0.25, typingPerSecond: 4 } as const;

// Saturation starts at 10 updates/s and doubles while every edit reaches everyone with p99 <= 250 ms.
// (At 50/s, 1,000 connections on one tafel already meant 50,000 frames/s: no server got past the
// first step on this machine, so the row said nothing about them.)
const SATURATION_CLIMB = { startRate: 10, factor: 2, maxP99Ms: 250 } as const;

export const FULL: BenchSettings = {
  mode: 'full',
  fanout: { clients: [10, 50], repeats: 3, warmupMs: 2000, measureMs: 10_000, graceMs: 2000, ...LOAD, contestants: ['ours', 'reference', 'hocuspocus', 'ours-normal'] },
  gate: { sizes: [100, 1000, 10_000], edits: 1000, rounds: 5 },
  catchup: { edits: 1000, repeats: 5, contestants: ['ours', 'reference', 'hocuspocus'] },
  coldOpen: { repeats: 5 },
  saturation: { ...SATURATION_CLIMB, connections: [200, 1000], tafels: [1, 10, 50], contestants: ['ours', 'reference', 'hocuspocus'], maxSteps: 9, stepMs: 2000, graceMs: 1000 },
  relayParts: { edits: 1000 },
  importXlsx: { repeats: 3 },
};

export const QUICK: BenchSettings = {
  mode: 'quick',
  fanout: { clients: [10, 50], repeats: 1, warmupMs: 1000, measureMs: 4000, graceMs: 1000, ...LOAD, contestants: ['ours', 'reference', 'hocuspocus'] },
  gate: { sizes: [100, 1000, 10_000], edits: 300, rounds: 3 },
  catchup: { edits: 1000, repeats: 2, contestants: ['ours', 'reference'] },
  coldOpen: { repeats: 1 },
  saturation: { ...SATURATION_CLIMB, connections: [200], tafels: [1, 10], contestants: ['ours', 'reference'], maxSteps: 4, stepMs: 2000, graceMs: 1000 },
  relayParts: { edits: 300 },
  importXlsx: { repeats: 1 },
};
