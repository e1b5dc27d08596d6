// The admin CLI's persoon commands (server/personen.ts): the operator links leden of different
// tafels as one person, takes a lid out again, lists a persoon, and links the chair of a new tafel
// to a lid the person already is elsewhere (create-tafel --persoon).

import type * as Y from 'yjs';
import { readLid, readTafel } from '../src/model';
import { ledenVanPersoon, linkLeden, unlinkLid, type LidRef } from './personen';
import type { RelayStorage } from './storage';

interface Tools {
  required(opts: Record<string, string | undefined>, name: string): string;
  usage(message: string): Error;
  loadDoc(storage: RelayStorage, tafelId: string): Promise<Y.Doc>;
}

/** The lid with its name and its tafel's name; throws when it is not on the tafel's leden list. */
async function describe(storage: RelayStorage, lid: LidRef, loadDoc: Tools['loadDoc']): Promise<LidRef & { naam: string; tafelNaam: string }> {
  const doc = await loadDoc(storage, lid.tafelId);
  try {
    const found = readLid(doc, lid.lidId);
    if (!found) throw new Error(`no lid "${lid.lidId}" in tafel "${lid.tafelId}"`);
    return { ...lid, naam: found.naam, tafelNaam: readTafel(doc).naam };
  } finally {
    doc.destroy();
  }
}

async function link(storage: RelayStorage, a: LidRef, b: LidRef, now: number, loadDoc: Tools['loadDoc']) {
  await describe(storage, a, loadDoc);
  await describe(storage, b, loadDoc);
  const outcome = await linkLeden(storage.handle, a, b, now, 'admin');
  if (!outcome.ok) throw new Error('these leden share a tafel (a persoon has one lid per tafel)');
  return { persoonId: outcome.persoonId, leden: await Promise.all(outcome.leden.map((l) => describe(storage, l, loadDoc))) };
}

export async function runPersoonCommand(sub: string | undefined, opts: Record<string, string | undefined>, storage: RelayStorage, now: number, tools: Tools): Promise<unknown> {
  const lid = { tafelId: tools.required(opts, 'tafel'), lidId: tools.required(opts, 'lid') };
  switch (sub) {
    case 'link':
      return link(storage, lid, { tafelId: tools.required(opts, 'met'), lidId: tools.required(opts, 'met-lid') }, now, tools.loadDoc);
    case 'unlink':
      return { unlinked: await unlinkLid(storage.handle, lid) };
    case 'list':
      return { leden: await Promise.all((await ledenVanPersoon(storage.handle, lid)).map((l) => describe(storage, l, tools.loadDoc))) };
    default:
      throw tools.usage(sub ? `unknown persoon command "${sub}"` : 'persoon needs link, unlink or list');
  }
}

/** create-tafel --persoon <tafelId>:<lidId>: that lid, checked before the tafel is made. */
export async function persoonOfNewChair(storage: RelayStorage, spec: string, tools: Pick<Tools, 'usage' | 'loadDoc'>): Promise<LidRef> {
  const m = /^([^:\s]+):([^:\s]+)$/.exec(spec.trim());
  if (!m) throw tools.usage('--persoon is <tafelId>:<lidId>');
  const lid = { tafelId: m[1]!, lidId: m[2]! };
  await describe(storage, lid, tools.loadDoc);
  return lid;
}

/** Links the new tafel's chair to the lid the person already is (a new tafel shares no lid with another). */
export async function linkNewChair(storage: RelayStorage, existing: LidRef, chair: LidRef, now: number) {
  const outcome = await linkLeden(storage.handle, existing, chair, now, 'admin');
  if (!outcome.ok) throw new Error('these leden share a tafel (a persoon has one lid per tafel)');
  return { persoonId: outcome.persoonId, leden: outcome.leden };
}
