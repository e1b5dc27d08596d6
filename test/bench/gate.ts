// Gate cost: how long the relay's ownership gate takes to judge one single-field edit, against
// tafels of growing size, as a ratio to Y.applyUpdate of the same update (the floor every server
// pays anyway). The relay validates, then applies; so do we, edit after edit.

import * as Y from 'yjs';
import { setOplevering, setProjectField } from '../../src/operations';
import { type Actor } from '../../src/ownership/rulebook';
import { validateUpdate, type ClientBindings } from '../../src/ownership/validator';
import { applyUpdateFast } from '../../src/model/updateDecoder';
import { localTafel, type BenchProject } from './fixtures/tafel';
import { median } from './lib/stats';

export interface GateSettings {
  readonly sizes: readonly number[];
  /** Edits per size per round. */
  readonly edits: number;
  readonly rounds: number;
}

export interface GateResult {
  readonly projecten: number;
  readonly validateUs: number;
  readonly applyUs: number;
  /** What the relay pays per accepted edit: validate, then apply to its copy. */
  readonly gateApplyUs?: number;
  /** validate / apply */
  readonly ratioToApply: number;
}

interface Subject {
  readonly projecten: number;
  /** The relay's copy: validated against, then applied to. */
  readonly relayDoc: Y.Doc;
  /** The floor: a bare document the same updates are applied to. */
  readonly bareDoc: Y.Doc;
  /** The editing client's copy, where the next edit is made. */
  readonly clientDoc: Y.Doc;
  readonly actor: Actor;
  readonly own: readonly BenchProject[];
  readonly bindings: ClientBindings;
  n: number;
}

function subject(projecten: number): Subject {
  const { doc: source, tafel } = localTafel('Gatetafel', { projecten, knelpunten: Math.ceil(projecten / 10), vergaderingen: 4, notulenAlineas: 10 });
  const state = Y.encodeStateAsUpdate(source);
  const copy = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    return d;
  };
  const actor = tafel.projecten[0]!.privaat;
  const own = tafel.projecten.filter((p) => p.privaat.lidId === actor.lidId);
  const clientDoc = copy();
  // As at the relay after the first message of this device: its clientID is bound to its lid.
  const bindings: ClientBindings = { lidFor: (id) => (id === clientDoc.clientID ? actor.lidId : undefined) };
  return { projecten, relayDoc: copy(), bareDoc: copy(), clientDoc, actor, own, bindings, n: 0 };
}

/** The next single-field edit of the developer: a remark, a start date or an oplevering of one of its projects. */
function nextEdit(s: Subject): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = u);
  s.clientDoc.once('update', capture);
  const p = s.own[s.n % s.own.length]!;
  const k = s.n++;
  if (k % 3 === 0) setProjectField(s.clientDoc, s.actor, p.id, 'privateOpmerkingen', `Stand van zaken ${k}`);
  else if (k % 3 === 1) setProjectField(s.clientDoc, s.actor, p.id, 'startBouw', `${2027 + (k % 5)}-Q${1 + (k % 4)}`);
  else setOplevering(s.clientDoc, s.actor, p.id, 2028, k % 100);
  if (!update) throw new Error('the edit produced no update');
  return update;
}

function measure(s: Subject, edits: number): { validate: number[]; apply: number[]; gateApply: number[] } {
  const validate: number[] = [];
  const apply: number[] = [];
  const gateApply: number[] = [];
  for (let i = 0; i < edits; i++) {
    const update = nextEdit(s);
    const t0 = performance.now();
    const result = validateUpdate(s.relayDoc, update, s.actor, s.bindings);
    const t1 = performance.now();
    Y.applyUpdate(s.bareDoc, update);
    const t2 = performance.now();
    if (!result.ok) throw new Error(`the gate rejected a legitimate edit: ${JSON.stringify(result.violations)}`);
    // As the relay applies (server/rooms.ts): Yjs's reader with faster strings (src/model/updateDecoder.ts).
    applyUpdateFast(s.relayDoc, update);
    const t3 = performance.now();
    validate.push((t1 - t0) * 1000);
    apply.push((t2 - t1) * 1000);
    gateApply.push((t1 - t0 + t3 - t2) * 1000);
  }
  return { validate, apply, gateApply };
}

export function runGate(settings: GateSettings, log: (line: string) => void): GateResult[] {
  const subjects = settings.sizes.map((n) => {
    const t = performance.now();
    const s = subject(n);
    log(`gate: built a tafel of ${n} projects in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return s;
  });
  // Warm up the JIT on every size before anything counts.
  for (const s of subjects) measure(s, Math.min(200, settings.edits));
  const samples = new Map(subjects.map((s) => [s.projecten, { validate: [] as number[], apply: [] as number[], gateApply: [] as number[] }]));
  for (let r = 0; r < settings.rounds; r++) {
    // Sizes interleaved per round, so machine noise lands on all of them alike.
    for (const s of r % 2 === 0 ? subjects : [...subjects].reverse()) {
      const m = measure(s, settings.edits);
      samples.get(s.projecten)!.validate.push(median(m.validate));
      samples.get(s.projecten)!.apply.push(median(m.apply));
      samples.get(s.projecten)!.gateApply.push(median(m.gateApply));
    }
  }
  return subjects.map((s) => {
    const m = samples.get(s.projecten)!;
    const validateUs = median(m.validate);
    const applyUs = median(m.apply);
    const gateApplyUs = median(m.gateApply);
    log(`gate: ${s.projecten} projects: validate ${validateUs.toFixed(1)} µs, gate + apply ${gateApplyUs.toFixed(1)} µs, bare apply ${applyUs.toFixed(1)} µs`);
    return { projecten: s.projecten, validateUs, applyUs, gateApplyUs, ratioToApply: validateUs / applyUs };
  });
}
