// Catch-up: a lid who made 1,000 edits offline reconnects. Measured: from opening the connection
// until another client has integrated all of them (so the server has accepted, stored and relayed
// them), as a ratio to the floor: merging the same updates into a bare Yjs document.

import * as Y from 'yjs';
import { setProjectField, type ProjectVeld } from '../../src/operations';
import type { BenchTaak } from './fixtures/tafel';
import { connect, type Contestant, type Connection, type Server } from './fanout/contestants';
import { nowMs } from './fanout/messages';
import { prepareOurRelay } from './fanout/our-relay';
import { FANOUT_TAFEL, preparePlain, type PreparedServer } from './fanout/run-fanout';
import { median } from './lib/stats';

export interface CatchupSettings {
  readonly edits: number;
  readonly repeats: number;
  readonly contestants: readonly Server[];
}

export interface CatchupResult {
  readonly contestant: Contestant;
  readonly catchupMs: number;
  /** Y.applyUpdate of Y.mergeUpdates(the offline updates) on a copy of the tafel. */
  readonly mergeFloorMs: number;
  readonly ratioToMerge: number;
  readonly samples: readonly number[];
}

const PUBLIEKE_VELDEN: readonly ProjectVeld[] = ['publiekeOpmerkingen', 'locatie', 'woningenSocialeHuur', 'woningenMiddenhuur'];

/** 1,000 edits of the lid's own public fields, as one update each (as the app sends them). */
function editOffline(doc: Y.Doc, taak: BenchTaak, edits: number, round: number): Uint8Array[] {
  if (taak.soort !== 'publiek') throw new Error('catch-up edits public fields');
  const updates: Uint8Array[] = [];
  const capture = (u: Uint8Array) => updates.push(u);
  doc.on('update', capture);
  for (let i = 0; i < edits; i++) {
    const veld = PUBLIEKE_VELDEN[i % PUBLIEKE_VELDEN.length]!;
    const value = veld.startsWith('woningen') ? (i + round) % 500 : `Offline bijgewerkt ${round}.${i}`;
    setProjectField(doc, taak.actor, taak.projectId, veld, value);
  }
  doc.off('update', capture);
  return updates;
}

function waitUntilHas(doc: Y.Doc, clientId: number, clock: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (doc.off('update', check), reject(new Error('catch-up did not complete within 120 s'))), 120_000);
    const check = () => {
      if (Y.getState(doc.store, clientId) < clock) return;
      const t = nowMs();
      clearTimeout(timer);
      doc.off('update', check);
      resolve(t);
    };
    doc.on('update', check);
    check();
  });
}

function mergeFloor(seed: Uint8Array, updates: readonly Uint8Array[]): number {
  const bare = new Y.Doc();
  Y.applyUpdate(bare, seed);
  const t = performance.now();
  Y.applyUpdate(bare, Y.mergeUpdates(updates as Uint8Array[]));
  return performance.now() - t;
}

async function runContestant(contestant: Server, s: CatchupSettings): Promise<CatchupResult> {
  // Two leden: [0] edits offline (its own project's public fields), [1] watches.
  const prepared: PreparedServer = contestant === 'ours' ? await prepareOurRelay(FANOUT_TAFEL, 2, 0) : await preparePlain(contestant, 2);
  const { server, seed, taken, tokens } = prepared;
  const open: Connection[] = [];
  try {
    const watcherDoc = new Y.Doc();
    Y.applyUpdate(watcherDoc, seed);
    const watcher = connect(contestant, server.endpoint, watcherDoc, tokens?.[1]);
    open.push(watcher);
    await watcher.synced;
    const offlineDoc = new Y.Doc();
    Y.applyUpdate(offlineDoc, seed);
    const samples: number[] = [];
    const floors: number[] = [];
    // Round 0 warms up the JIT and the connection path; it is not counted.
    for (let round = 0; round <= s.repeats; round++) {
      const before = Y.encodeStateAsUpdate(offlineDoc);
      const updates = editOffline(offlineDoc, taken[0]!, s.edits, round);
      const target = Y.getState(offlineDoc.store, offlineDoc.clientID);
      const t0 = nowMs();
      const done = waitUntilHas(watcherDoc, offlineDoc.clientID, target);
      const back = connect(contestant, server.endpoint, offlineDoc, tokens?.[0]);
      open.push(back);
      const t1 = await done;
      const floor = mergeFloor(before, updates);
      if (round > 0) {
        samples.push(t1 - t0);
        floors.push(floor);
      }
      await back.synced;
      if (back.rejected() > 0) throw new Error(`${contestant} rejected offline edits`);
      back.destroy();
      open.splice(open.indexOf(back), 1);
    }
    const catchupMs = median(samples);
    const mergeFloorMs = median(floors);
    return { contestant, catchupMs, mergeFloorMs, ratioToMerge: catchupMs / mergeFloorMs, samples };
  } finally {
    for (const c of open) c.destroy();
    await server.stop();
  }
}

export async function runCatchup(s: CatchupSettings, log: (line: string) => void): Promise<CatchupResult[]> {
  const results: CatchupResult[] = [];
  for (const contestant of s.contestants) {
    const r = await runContestant(contestant, s);
    log(`catch-up ${contestant}: ${r.catchupMs.toFixed(1)} ms for ${s.edits} offline edits; bare merge ${r.mergeFloorMs.toFixed(1)} ms (${r.ratioToMerge.toFixed(2)}x)`);
    results.push(r);
  }
  return results;
}
