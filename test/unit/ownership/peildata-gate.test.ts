// The gate's side of the peildatum safeguards: it decides by the relay's clock and the time the
// relay accepted the snapshot, never by the client's clock or the envelope's time.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import type { RuleClock } from '../../../src/ownership/rulebook';
import { validateUpdate } from '../../../src/ownership/validator';
import { clientBindings, device, env, makeTafel, pendingUpdate, rawSet, type Tafel } from './fixture';

const dagMs = 24 * 60 * 60 * 1000;

function change(t: Tafel, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = device(t);
  edit(doc);
  return pendingUpdate(t, doc);
}

/** The relay's clock with the acceptance times it recorded. */
function relayClock(now: number, accepted: Record<string, number>): RuleClock {
  return { now, frozenSince: (_root, id) => accepted[id] };
}

function submitAt(t: Tafel, update: Uint8Array, actor: M.Actor, clock: RuleClock) {
  const r = validateUpdate(t.relay, update, actor, clientBindings(t), clock);
  if (r.ok) {
    Y.applyUpdate(t.relay, update);
    for (const id of r.newClientIds) t.bindings.set(id, actor.lidId);
  }
  return r;
}

describe('gate: peildata', () => {
  it('accepts a withdrawal within 24 hours of acceptance by the relay clock; refuses it after', () => {
    const t = makeTafel();
    const accepted = 1_800_000_000_000;
    let id = '';
    expect(submitAt(t, change(t, (d) => (id = O.freezePeildatum(d, t.actor.chair, '2026-10-01'))), t.actor.chair, relayClock(accepted, {})).ok).toBe(true);
    const withdraw = change(t, (d) => d.getMap('peildata').delete(id));
    const late = validateUpdate(t.relay, withdraw, t.actor.chair, clientBindings(t), relayClock(accepted + dagMs + 1, { [id]: accepted }));
    expect(late.ok).toBe(false);
    expect(late.violations.map((v) => v.code)).toContain('frozen');
    const inTime = submitAt(t, withdraw, t.actor.chair, relayClock(accepted + dagMs - 1, { [id]: accepted }));
    expect(inTime.ok).toBe(true);
    expect(inTime.writes.map((w) => `${w.op} ${w.root}`)).toContain('deleteEntity peildata');
    expect(M.readPeildata(t.relay)).toHaveLength(0);
  });

  it('ignores the envelope’s time: a device with its clock set ahead cannot stretch the term', () => {
    const t = makeTafel();
    const accepted = 1_800_000_000_000;
    const future = new Date(accepted + 10 * dagMs);
    let id = '';
    expect(submitAt(t, change(t, (d) => (id = O.freezePeildatum(d, t.actor.chair, '2026-10-01', future))), t.actor.chair, relayClock(accepted, {})).ok).toBe(true);
    const withdraw = change(t, (d) => d.getMap('peildata').delete(id));
    const r = validateUpdate(t.relay, withdraw, t.actor.chair, clientBindings(t), relayClock(accepted + 2 * dagMs, { [id]: accepted }));
    expect(r.ok).toBe(false);
  });

  it('refuses withdrawal when the relay has no record of accepting it (older snapshots), and by a lid', () => {
    const t = makeTafel();
    let id = '';
    expect(submitAt(t, change(t, (d) => (id = O.freezePeildatum(d, t.actor.chair, '2026-10-01'))), t.actor.chair, relayClock(Date.now(), {})).ok).toBe(true);
    const withdraw = change(t, (d) => d.getMap('peildata').delete(id));
    expect(validateUpdate(t.relay, withdraw, t.actor.chair, clientBindings(t), relayClock(Date.now(), {})).ok).toBe(false);
    expect(validateUpdate(t.relay, withdraw, t.actor.chair, clientBindings(t)).ok).toBe(false);
    const byLid = validateUpdate(t.relay, withdraw, t.actor.a, clientBindings(t), relayClock(Date.now(), { [id]: Date.now() }));
    expect(byLid.violations.map((v) => v.code)).toContain('not-owner');
  });

  it('refuses a second snapshot for the same date frozen offline on another tablet', () => {
    const t = makeTafel();
    const clock = relayClock(Date.now(), {});
    const first = device(t);
    const second = device(t);
    O.freezePeildatum(first, t.actor.chair, '2026-10-01');
    O.freezePeildatum(second, t.actor.chair, '2026-10-01');
    expect(submitAt(t, pendingUpdate(t, first), t.actor.chair, clock).ok).toBe(true);
    const r = submitAt(t, pendingUpdate(t, second), t.actor.chair, clock);
    expect(r.ok).toBe(false);
    expect(r.violations.map((v) => v.code)).toContain('frozen');
  });

  it('refuses a peildatum in the future by the relay clock, and one not under its date’s key', () => {
    const t = makeTafel();
    const now = Date.parse('2026-12-02T12:00:00Z');
    const future = change(t, (d) => rawSet(d, 'peildata', null, M.peildatumKey('2030-01-01'), env(t.actor.chair, { datum: '2030-01-01', projecten: {} })));
    const r = validateUpdate(t.relay, future, t.actor.chair, clientBindings(t), relayClock(now, {}));
    expect(r.ok).toBe(false);
    expect(r.violations.map((v) => v.code)).toContain('invalid-value');
    const randomKey = change(t, (d) => rawSet(d, 'peildata', null, M.newId(), env(t.actor.chair, { datum: '2026-10-01', projecten: {} })));
    expect(validateUpdate(t.relay, randomKey, t.actor.chair, clientBindings(t), relayClock(now, {})).ok).toBe(false);
    const today = change(t, (d) => rawSet(d, 'peildata', null, M.peildatumKey('2026-12-02'), env(t.actor.chair, { datum: '2026-12-02', projecten: {} })));
    expect(validateUpdate(t.relay, today, t.actor.chair, clientBindings(t), relayClock(now, {})).ok).toBe(true);
  });
});
