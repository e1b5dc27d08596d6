// What an accepted update sends to another tafel (docs/network.md). The gate calls this inside the
// room's batched write, right after it applied the update, so every message lands in the outbox in
// the same SQLite transaction as the update itself. Only escalations to the landelijke tafel and
// what follows them travel; everything else stays in its own document.

import type * as Y from 'yjs';
import {
  escalatieBericht,
  platteTekst,
  readEscalatie,
  readLid,
  readNetwerkPlek,
  readOntvangenEscalatie,
  readTafel,
  REACTIE_PREFIX,
  type Actor,
} from '../src/model';
import { richText } from '../src/operations';
import type { WriteIntent } from '../src/ownership/rulebook';
import type { NewOutboxMessage } from './outbox';

const LANDELIJK = 'landelijke versnellingstafel';
/** The answer travels as text of at most the size its field holds (a longer one is cut, and says so). */
const MAX_ANTWOORD = 20_000;

function antwoordTekst(doc: Y.Doc, id: string): string {
  const tekst = platteTekst(richText(doc, 'ontvangenEscalaties', id, 'antwoord'));
  return tekst.length <= MAX_ANTWOORD ? tekst : `${tekst.slice(0, MAX_ANTWOORD - 1)}…`;
}

/** The outbox messages an accepted update causes (read from the document after it was applied). */
export function uitgaandeBerichten(doc: Y.Doc, tafelId: string, actor: Actor, writes: readonly WriteIntent[], now: number): NewOutboxMessage[] {
  const out: NewOutboxMessage[] = [];
  // Nearly every accepted update is a plain edit that sends nothing: it reads nothing either.
  if (!writes.some((w) => w.root === 'escalaties' || w.root === 'ontvangenEscalaties')) return out;
  const tafelNaam = readTafel(doc).naam || tafelId;
  const lidNaam = readLid(doc, actor.lidId)?.naam ?? '';
  for (const w of writes) {
    if (w.root === 'escalaties') {
      const e = readEscalatie(doc, w.entityId ?? '');
      if (!e || e.niveau !== LANDELIJK) continue;
      if (w.op === 'createEntity') {
        const bericht = escalatieBericht(doc, e.id);
        if (!bericht) continue;
        const plek = readNetwerkPlek(doc);
        out.push({
          bronTafel: tafelId,
          bronSleutel: `escalatie:${e.id}`,
          soort: 'escalatie',
          doelTafel: null,
          viaKoppeling: true,
          payload: { bron: { tafelId, tafelNaam, landsdeel: plek.landsdeel }, bericht },
        });
      } else if (w.op === 'setField' && w.key.startsWith(REACTIE_PREFIX)) {
        const r = e.draad.find((d) => d.id === w.key.slice(REACTIE_PREFIX.length) && d.extern === null);
        if (!r) continue;
        out.push(reactie(tafelId, null, 'ontvangenEscalaties', e.id, r.id, { tekst: r.tekst, naam: lidNaam, tafel: tafelNaam, op: r.at }));
      } else if (w.op === 'setField' && w.key === 'afsluiting' && e.afsluiting) {
        const op = e.provenance.afsluiting?.at ?? now;
        out.push({
          bronTafel: tafelId,
          bronSleutel: `afsluiting:${e.id}:${op}`,
          soort: 'afsluiting',
          doelTafel: null,
          viaKoppeling: true,
          payload: { escalatieId: e.id, afsluiting: { ...e.afsluiting, naam: lidNaam, op } },
        });
      }
    } else if (w.root === 'ontvangenEscalaties' && w.op === 'setField') {
      const e = readOntvangenEscalatie(doc, w.entityId ?? '');
      if (!e) continue;
      if (w.key === 'status') {
        const op = e.provenance.status?.at ?? now;
        out.push({
          bronTafel: tafelId,
          bronSleutel: `terugmelding:${e.id}:${op}:${actor.lidId}`,
          soort: 'terugmelding',
          doelTafel: e.bron.tafelId,
          viaKoppeling: true,
          payload: {
            escalatieId: e.id,
            terugmelding: { status: e.status, antwoord: antwoordTekst(doc, e.id), lid: lidNaam, tafel: tafelNaam, op },
          },
        });
      } else if (w.key.startsWith(REACTIE_PREFIX)) {
        const r = e.draad.find((d) => d.id === w.key.slice(REACTIE_PREFIX.length) && d.extern === null);
        if (!r) continue;
        out.push(reactie(tafelId, e.bron.tafelId, 'escalaties', e.id, r.id, { tekst: r.tekst, naam: lidNaam, tafel: tafelNaam, op: r.at }));
      }
    }
  }
  return out;
}

function reactie(
  bronTafel: string,
  doelTafel: string | null,
  doelRoot: 'escalaties' | 'ontvangenEscalaties',
  escalatieId: string,
  reactieId: string,
  r: { tekst: string; naam: string; tafel: string; op: number },
): NewOutboxMessage {
  return {
    bronTafel,
    bronSleutel: `reactie:${reactieId}:${r.op}`,
    soort: 'reactie',
    doelTafel,
    viaKoppeling: true,
    payload: { doelRoot, escalatieId, reactieId, reactie: r },
  };
}
