// The relay's own writes into a tafel document (docs/network.md): what it carries from a linked
// tafel (escalations, answers, comments, the end of a loop, a vastgestelde rapportage's summary)
// and the state of the links. These fields have writer "relay" in the schema, so no lid can write
// them; the relay writes them here with its own provenance, skipping the rulebook that exists to
// stop everyone else. Each write is idempotent: delivering the same message twice leaves the
// document as one delivery did.

import * as Y from 'yjs';
import { entityMap, root } from '../model/doc';
import { RELAY_AUTHOR, SYSTEM_AUTHOR, type Envelope } from '../model/schema';
import { EXTERN_PREFIX } from '../model/netwerkSchema';
import type { Bezorging, EscalatieBericht } from '../model/netwerkReads';
import type { EscalatieStatus, KoppelingStatus, Landsdeel, Tafelsoort } from '../model/netwerk';
import { readEscalaties, readOntvangenEscalaties } from '../model/netwerkReads';
import { readOntvangenRapportages } from '../model/ontvangenRapportages';
import type { RapportageSamenvatting } from '../model/rapportage';

/** Origin of the relay's deliveries, so listeners can tell them from lid edits. */
export const RELAY_ORIGIN = Symbol('aan-tafel-relay');

const relay = <T,>(v: T, at: number): Envelope<T> => ({ v, by: RELAY_AUTHOR, p: RELAY_AUTHOR, at });

export interface Bron {
  readonly tafelId: string;
  readonly tafelNaam: string;
  readonly landsdeel: Landsdeel | null;
}

/** An escalation arrives at the landelijke tafel, under the id it has at the sending tafel. False when it was there already. */
export function ontvangEscalatie(doc: Y.Doc, bron: Bron, bericht: EscalatieBericht, now: number): boolean {
  const reg = root(doc, 'ontvangenEscalaties');
  if (reg.has(bericht.escalatieId)) return false;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    reg.set(bericht.escalatieId, map);
    map.set('bron', relay({ ...bron, escalatieId: bericht.escalatieId }, now));
    map.set('knelpunt', relay(bericht.knelpunt, now));
    map.set('gevraagd', relay(bericht.gevraagd, now));
    map.set('waarom', relay(bericht.waarom, now));
    map.set('gedeeld', relay(bericht.gedeeld, now));
    map.set('projecten', relay(bericht.projecten, now));
    map.set('ontvangenOp', relay(now, now));
    map.set('status', relay<EscalatieStatus>('ontvangen', now));
    map.set('antwoord', new Y.XmlFragment());
  }, RELAY_ORIGIN);
  return true;
}

/**
 * A vastgestelde rapportage's summary arrives at the landelijke tafel, under the id it has at the
 * sending tafel. False when it was there already (a vastgestelde rapportage never changes).
 */
export function ontvangRapportage(doc: Y.Doc, bron: Bron & { readonly vastgesteldDoor: string }, samenvatting: RapportageSamenvatting, now: number): boolean {
  const reg = root(doc, 'ontvangenRapportages');
  if (reg.has(samenvatting.rapportageId)) return false;
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    reg.set(samenvatting.rapportageId, map);
    map.set('bron', relay({ ...bron, rapportageId: samenvatting.rapportageId }, now));
    map.set('samenvatting', relay(samenvatting, now));
    map.set('ontvangenOp', relay(now, now));
  }, RELAY_ORIGIN);
  return true;
}

function setOn(doc: Y.Doc, rootName: 'escalaties' | 'ontvangenEscalaties' | 'rapportages', id: string, values: Record<string, unknown>, now: number): boolean {
  const map = entityMap(doc, rootName, id);
  if (!map) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(values)) map.set(k, relay(v, now));
  }, RELAY_ORIGIN);
  return true;
}

/** What the relay sends up the ladder and then notes back at the source: an escalation or a vastgestelde rapportage. */
export type BezorgdeRoot = 'escalaties' | 'rapportages';

/** At the sending tafel: whether the escalation or rapportage reached the other tafel. */
export function markeerBezorging(doc: Y.Doc, rootName: BezorgdeRoot, id: string, status: Bezorging['status'], tafel: { id: string; naam: string }, now: number): boolean {
  return setOn(doc, rootName, id, { bezorging: { status, tafelId: tafel.id, tafel: tafel.naam, op: now } }, now);
}

/** At the sending tafel: the status and answer of the landelijke tafel, with who and when. */
export function ontvangTerugmelding(
  doc: Y.Doc,
  escalatieId: string,
  t: { status: EscalatieStatus; antwoord: string; lid: string; tafel: string; op: number },
  now: number,
): boolean {
  return setOn(doc, 'escalaties', escalatieId, { terugmelding: t }, now);
}

/** At the landelijke tafel: the sending chair closed the loop. */
export function ontvangAfsluiting(
  doc: Y.Doc,
  escalatieId: string,
  a: { opgelost: boolean; toelichting: string; naam: string; op: number },
  now: number,
): boolean {
  return setOn(doc, 'ontvangenEscalaties', escalatieId, { afsluiting: a }, now);
}

/** A comment from the other tafel joins the thread (an edit of it replaces it). */
export function ontvangReactie(
  doc: Y.Doc,
  rootName: 'escalaties' | 'ontvangenEscalaties',
  escalatieId: string,
  reactieId: string,
  r: { tekst: string; naam: string; tafel: string; op: number },
  now: number,
): boolean {
  return setOn(doc, rootName, escalatieId, { [`${EXTERN_PREFIX}${reactieId}`]: r }, now);
}

export interface KoppelingStand {
  readonly koppelingId: string;
  readonly andereTafelId: string;
  readonly andereNaam: string;
  readonly andereSoort: Tafelsoort;
  readonly andereLandsdeel: Landsdeel | null;
  readonly status: KoppelingStatus;
  readonly sinds: number;
}

/**
 * The state of a link, as this tafel sees it. When it ended, what travelled over it stays and is
 * marked: the escalations sent to, or received from, the other tafel.
 */
export function spiegelKoppeling(doc: Y.Doc, k: KoppelingStand, now: number): void {
  doc.transact(() => {
    const reg = root(doc, 'koppelingen');
    let map = entityMap(doc, 'koppelingen', k.koppelingId);
    if (!map) {
      map = new Y.Map<unknown>();
      reg.set(k.koppelingId, map);
    }
    const values: Record<string, unknown> = {
      andereTafelId: k.andereTafelId,
      andereNaam: k.andereNaam,
      andereSoort: k.andereSoort,
      andereLandsdeel: k.andereLandsdeel,
      status: k.status,
      sinds: k.sinds,
    };
    for (const [key, v] of Object.entries(values)) map.set(key, relay(v, now));
    if (k.status !== 'beeindigd') return;
    for (const e of readOntvangenEscalaties(doc)) {
      if (e.bron.tafelId === k.andereTafelId && e.koppelingBeeindigd === null) entityMap(doc, 'ontvangenEscalaties', e.id)?.set('koppelingBeeindigd', relay(now, now));
    }
    for (const r of readOntvangenRapportages(doc)) {
      if (r.bron.tafelId === k.andereTafelId && r.koppelingBeeindigd === null) entityMap(doc, 'ontvangenRapportages', r.id)?.set('koppelingBeeindigd', relay(now, now));
    }
    for (const e of readEscalaties(doc)) {
      if (e.bezorging?.status === 'bezorgd' && e.bezorging.tafelId === k.andereTafelId && e.koppelingBeeindigd === null) {
        entityMap(doc, 'escalaties', e.id)?.set('koppelingBeeindigd', relay(now, now));
      }
    }
  }, RELAY_ORIGIN);
}

/** The tafel's place in the network, written when the operator creates it (system provenance). */
export function initNetwerkPlek(
  doc: Y.Doc,
  plek: { soort: Tafelsoort; provincies: readonly string[]; woondealregio: string; bovenTafel: string },
  now: number,
): void {
  const sys = <T,>(v: T): Envelope<T> => ({ v, by: SYSTEM_AUTHOR, p: SYSTEM_AUTHOR, at: now });
  doc.transact(() => {
    const tafel = root(doc, 'tafel');
    tafel.set('soort', sys(plek.soort));
    tafel.set('provincies', sys([...plek.provincies]));
    tafel.set('woondealregio', sys(plek.woondealregio));
    tafel.set('bovenTafel', sys(plek.bovenTafel));
  }, RELAY_ORIGIN);
}
