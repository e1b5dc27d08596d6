// Removing a lid keeps their name (oudLeden), in one update the relay accepts from the chair only.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { actorForLid } from '../../../src/model';
import { device, env, makeTafel, pendingUpdate, rawSet, submit, validate } from '../ownership/fixture';

describe('removeLid keeps the removed lid’s name', () => {
  it('removes the lid and freezes their name under their id, accepted by the relay', () => {
    const t = makeTafel();
    const chairDevice = device(t);
    O.removeLid(chairDevice, t.actor.chair, t.actor.b.lidId);
    expect(M.readLid(chairDevice, t.actor.b.lidId)).toBeUndefined();
    expect(M.readOudLeden(chairDevice).get(t.actor.b.lidId)).toBe('Bert');

    expect(submit(t, pendingUpdate(t, chairDevice), t.actor.chair)).toMatchObject({ ok: true });
    // At the relay the lid is no actor any more (no access), and the name stays for provenance.
    expect(actorForLid(t.relay, t.actor.b.lidId)).toBeUndefined();
    expect(M.readOudLeden(t.relay)).toEqual(new Map([[t.actor.b.lidId, 'Bert']]));
    // What Bert wrote stays, with his id in its provenance.
    expect(M.readProject(t.relay, t.projectA)?.provenance.startBouw?.by).toBe(t.actor.b.lidId);
  });

  it('writes nothing when a lid who is not the chair tries it', () => {
    const t = makeTafel();
    const doc = device(t);
    const before = Y.encodeStateVector(doc);
    expect(() => O.removeLid(doc, t.actor.a, t.actor.b.lidId)).toThrow(O.OwnershipError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(M.readLid(doc, t.actor.b.lidId)?.naam).toBe('Bert');
  });

  it('lets the relay refuse a forged or changed name', () => {
    const t = makeTafel();
    const forged = device(t);
    rawSet(forged, 'oudLeden', null, t.actor.c.lidId, env(t.actor.a, { naam: 'Iemand anders' }));
    expect(validate(t, pendingUpdate(t, forged), t.actor.a).ok).toBe(false);

    const chairDevice = device(t);
    O.removeLid(chairDevice, t.actor.chair, t.actor.b.lidId);
    expect(submit(t, pendingUpdate(t, chairDevice), t.actor.chair).ok).toBe(true);
    const renamed = device(t);
    rawSet(renamed, 'oudLeden', null, t.actor.b.lidId, env(t.actor.chair, { naam: 'Bart' }));
    expect(validate(t, pendingUpdate(t, renamed), t.actor.chair).ok).toBe(false);
  });
});
