// A relay-side tafel document with real leden of every kind, and clients that edit copies of it
// the way devices do, so the validator is tested with updates produced by real Yjs documents.

import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { actorForLid } from '../../../src/model';
import type { Actor } from '../../../src/ownership/rulebook';
import { validateUpdate, type ClientBindings, type ValidationResult } from '../../../src/ownership/validator';

export interface Tafel {
  relay: Y.Doc;
  bindings: Map<number, string>;
  partij: { voorzitter: string; gemeenteA: string; gemeenteZ: string; markt: string; corporatie: string; adviseur: string };
  actor: { chair: Actor; a: Actor; a2: Actor; z: Actor; b: Actor; c: Actor; adviseur: Actor; gast: Actor };
  /** A's project with B as private owner. */
  projectA: string;
  knelpuntB: string;
  vergadering: string;
}

export function makeTafel(): Tafel {
  const relay = new Y.Doc();
  const { lidId } = O.initTafel(relay, { naam: 'Versnellingstafel Test', voorzitter: { naam: 'Vera' } });
  const chair = actorForLid(relay, lidId)!;
  const p = {
    voorzitter: chair.partijId,
    gemeenteA: O.addPartij(relay, chair, { naam: 'Gemeente A', bloedgroep: 'overheid' }),
    gemeenteZ: O.addPartij(relay, chair, { naam: 'Gemeente Z', bloedgroep: 'overheid' }),
    markt: O.addPartij(relay, chair, { naam: 'Bouwer B', bloedgroep: 'markt' }),
    corporatie: O.addPartij(relay, chair, { naam: 'Corporatie C', bloedgroep: 'corporatie' }),
    adviseur: O.addPartij(relay, chair, { naam: 'Adviesbureau', bloedgroep: 'adviseur' }),
  };
  const lid = (naam: string, partijId: string, rol: 'lid' | 'gast' = 'lid') =>
    actorForLid(relay, O.addLid(relay, chair, { naam, partijId, rol }))!;
  const actor = {
    chair,
    a: lid('Anna', p.gemeenteA),
    a2: lid('Arie', p.gemeenteA),
    z: lid('Zeno', p.gemeenteZ),
    b: lid('Bert', p.markt),
    c: lid('Cor', p.corporatie),
    adviseur: lid('Ada', p.adviseur),
    gast: lid('Guus', p.gemeenteA, 'gast'),
  };
  const projectA = O.createProject(relay, actor.a, {
    naam: 'Stationskwartier',
    publiekEigenaar: p.gemeenteA,
    privaatEigenaar: p.markt,
    publiek: { planstatus: 'vastgesteld', woningenSocialeHuur: 120 },
  });
  O.setProjectField(relay, actor.b, projectA, 'startBouw', '2027-Q2');
  const knelpuntB = O.raiseKnelpunt(relay, actor.b, { titel: 'Netcongestie', thema: 'energietransitie', projecten: [projectA] });
  const vergadering = O.planVergadering(relay, chair, { titel: 'Q1-overleg', datum: '2027-02-10' });
  const bindings = new Map<number, string>();
  // Everything so far was written by the relay's own document, as the relay would seed it.
  bindings.set(relay.clientID, 'systeem');
  return { relay, bindings, partij: p, actor, projectA, knelpuntB, vergadering };
}

export function clientBindings(t: Tafel): ClientBindings {
  return { lidFor: (id) => t.bindings.get(id) };
}

/** A device's copy of the relay's document, with its own clientID. */
export function device(t: Tafel): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(t.relay));
  return doc;
}

/** What the device would send the relay: everything the relay does not have yet. */
export function pendingUpdate(t: Tafel, doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(t.relay));
}

export function validate(t: Tafel, update: Uint8Array, actor: Actor | undefined): ValidationResult {
  return validateUpdate(t.relay, update, actor, clientBindings(t));
}

/** Validates and, when accepted, applies and binds as the relay does. */
export function submit(t: Tafel, update: Uint8Array, actor: Actor): ValidationResult {
  const r = validate(t, update, actor);
  if (r.ok) {
    Y.applyUpdate(t.relay, update);
    for (const id of r.newClientIds) t.bindings.set(id, actor.lidId);
  }
  return r;
}

/** Raw Yjs write of a field, bypassing the model's checks, the way a malicious client could. */
export function rawSet(doc: Y.Doc, root: M.RootName, entityId: string | null, key: string, stored: unknown): void {
  const map = entityId === null ? doc.getMap(root) : (doc.getMap(root).get(entityId) as Y.Map<unknown>);
  map.set(key, stored);
}

export function env(actor: Actor, v: unknown) {
  return { v, by: actor.lidId, p: actor.partijId, at: Date.now() };
}
