// Property: the model's local decision and the relay's gate agree. Random sequences of operations
// by random actors on their own devices: what the model permits is always accepted; what it
// refuses, sent anyway as a raw Yjs write, is always rejected; and all replicas converge.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { actorForLid } from '../../../src/model';
import type { Actor } from '../../../src/ownership/rulebook';
import { docState } from '../../integration/helpers/doc-state';
import { device, env, makeTafel, pendingUpdate, rawSet, submit, type Tafel } from './fixture';

type ActorName = keyof Tafel['actor'];
const ACTORS: ActorName[] = ['chair', 'a', 'a2', 'z', 'b', 'c', 'adviseur', 'gast'];

interface Op {
  readonly describe: string;
  /** The write through the model; throws when the model refuses it. */
  readonly viaModel: (doc: Y.Doc, actor: Actor, t: Tafel) => void;
  /** The same write as raw Yjs, as a client that ignores the model would send it. */
  readonly raw: (doc: Y.Doc, actor: Actor, t: Tafel) => void;
}

const projectOf = (doc: Y.Doc, t: Tafel, pick: number): string => {
  const ids = M.readProjecten(doc).map((p) => p.id).sort();
  return ids.length ? ids[pick % ids.length]! : t.projectA;
};
const knelpuntOf = (doc: Y.Doc, t: Tafel, pick: number): string => {
  const ids = M.readKnelpunten(doc).map((k) => k.id).sort();
  return ids.length ? ids[pick % ids.length]! : t.knelpuntB;
};

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom('naam', 'locatie', 'publiekeOpmerkingen'), fc.string({ minLength: 1, maxLength: 30 })).map(
    ([pick, field, value]): Op => ({
      describe: `public ${field}`,
      viaModel: (d, a, t) => O.setProjectField(d, a, projectOf(d, t, pick), field as O.ProjectVeld, value),
      raw: (d, a, t) => rawSet(d, 'projecten', projectOf(d, t, pick), field, env(a, value)),
    }),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 2025, max: 2035 }), fc.nat({ max: 500 })).map(
    ([pick, year, n]): Op => ({
      describe: `oplevering ${year}`,
      viaModel: (d, a, t) => O.setOplevering(d, a, projectOf(d, t, pick), year, n),
      raw: (d, a, t) => rawSet(d, 'projecten', projectOf(d, t, pick), `oplevering.${year}`, env(a, n)),
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...M.PLANSTATUSSEN)).map(
    ([pick, status]): Op => ({
      describe: `planstatus ${status}`,
      viaModel: (d, a, t) => O.setProjectField(d, a, projectOf(d, t, pick), 'planstatus', status),
      raw: (d, a, t) => rawSet(d, 'projecten', projectOf(d, t, pick), 'planstatus', env(a, status)),
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...M.KNELPUNT_STATUSSEN)).map(
    ([pick, status]): Op => ({
      describe: `knelpunt status ${status}`,
      viaModel: (d, a, t) => O.setKnelpuntStatus(d, a, knelpuntOf(d, t, pick), status),
      raw: (d, a, t) => rawSet(d, 'knelpunten', knelpuntOf(d, t, pick), 'status', env(a, status)),
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...M.ESCALATIENIVEAUS)).map(
    ([pick, niveau]): Op => ({
      describe: `escalatie ${niveau}`,
      viaModel: (d, a, t) => O.escalateKnelpunt(d, a, knelpuntOf(d, t, pick), niveau),
      raw: (d, a, t) => rawSet(d, 'knelpunten', knelpuntOf(d, t, pick), 'escalatie', env(a, niveau)),
    }),
  ),
  fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...M.THEMAS)).map(
    ([titel, thema]): Op => ({
      describe: `raise knelpunt`,
      viaModel: (d, a) => void O.raiseKnelpunt(d, a, { titel, thema }),
      raw: (d, a) => {
        const k = new Y.Map<unknown>();
        d.getMap('knelpunten').set(M.newId(), k);
        k.set('ingediendDoor', env(a, a.partijId));
        k.set('titel', env(a, titel));
        k.set('thema', env(a, thema));
        k.set('status', env(a, 'gesignaleerd'));
      },
    }),
  ),
  fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom<'a' | 'z'>('a', 'z')).map(
    ([naam, owner]): Op => ({
      describe: `create project for ${owner}`,
      viaModel: (d, a, t) => void O.createProject(d, a, { naam, publiekEigenaar: owner === 'a' ? t.partij.gemeenteA : t.partij.gemeenteZ }),
      raw: (d, a, t) => {
        const p = new Y.Map<unknown>();
        d.getMap('projecten').set(M.newId(), p);
        p.set('naam', env(a, naam));
        p.set('publiekEigenaar', env(a, owner === 'a' ? t.partij.gemeenteA : t.partij.gemeenteZ));
      },
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom<'markt' | 'corporatie'>('markt', 'corporatie')).map(
    ([pick, who]): Op => ({
      describe: `assign private owner ${who}`,
      viaModel: (d, a, t) => O.setPrivaatEigenaar(d, a, projectOf(d, t, pick), t.partij[who]),
      raw: (d, a, t) => rawSet(d, 'projecten', projectOf(d, t, pick), 'privaatEigenaar', env(a, t.partij[who])),
    }),
  ),
  fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 40 })).map(
    ([pick, tekst]): Op => ({
      describe: 'comment',
      viaModel: (d, a, t) => void O.addReactie(d, a, knelpuntOf(d, t, pick), tekst),
      raw: (d, a, t) => rawSet(d, 'knelpunten', knelpuntOf(d, t, pick), `reactie.${M.newId()}`, env(a, { tekst })),
    }),
  ),
  fc.nat().map(
    (pick): Op => ({
      describe: 'remove project',
      viaModel: (d, a, t) => O.removeProject(d, a, projectOf(d, t, pick)),
      raw: (d, _a, t) => d.getMap('projecten').delete(projectOf(d, t, pick)),
    }),
  ),
);

const stepArb = fc.record({ actor: fc.constantFrom(...ACTORS), op: opArb });

describe('validator property', () => {
  it('accepts exactly what the model permits, for random actors and operations, and replicas converge', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), (steps) => {
        const t = makeTafel();
        const devices = new Map<ActorName, Y.Doc>(ACTORS.map((n) => [n, device(t)]));
        for (const { actor: name, op } of steps) {
          // Each device first catches up with the relay, as a connected device does.
          const doc = devices.get(name)!;
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.relay, Y.encodeStateVector(doc)));
          const actor = actorForLid(t.relay, t.actor[name].lidId)!;
          let permitted = true;
          try {
            op.viaModel(doc, actor, t);
          } catch (e) {
            if (e instanceof O.NotFoundError) continue; // nothing to write to any more
            if (!(e instanceof O.OwnershipError || e instanceof O.ValidationError)) throw e;
            permitted = false;
            op.raw(doc, actor, t);
          }
          const update = pendingUpdate(t, doc);
          const result = submit(t, update, actor);
          const changedSomething = Y.decodeUpdate(update).structs.length > 0 || Y.decodeUpdate(update).ds.clients.size > 0;
          if (permitted) expect(result.violations).toEqual([]);
          else if (changedSomething) expect(result.ok, `${name}: ${op.describe} should be rejected`).toBe(false);
          if (!result.ok) devices.set(name, device(t)); // a rejected device rebuilds from the relay
        }
        const relayState = docState(t.relay);
        for (const doc of devices.values()) {
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.relay, Y.encodeStateVector(doc)));
          expect(docState(doc)).toBe(relayState);
        }
      }),
      { numRuns: 60 },
    );
  });
});
