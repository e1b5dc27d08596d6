// Creating a tafel: the document's first state (written by the system, through the model's
// initTafel) becomes its first snapshot, and the first chair gets an invite. Shared by the admin
// CLI and the demo seed; it writes straight to storage, so it works while the relay runs: the
// relay loads the new tafel when its first lid connects.

import * as Y from 'yjs';
import { ensureRoots } from '../src/model';
import { initTafel } from '../src/operations';
import { newId } from '../src/model/ids';
import type { RelayStorage } from './storage';
import { newInvite, type IssuedInvite } from './invites';

export interface CreatedTafel {
  readonly tafelId: string;
  readonly naam: string;
  readonly chairLidId: string;
  readonly invite: IssuedInvite;
}

export interface NewTafelOptions {
  readonly naam: string;
  readonly regio?: string;
  readonly voorzitter?: string;
  readonly voorzittersPartij?: string;
  /** Fixed id (the demo uses "demo"); a random id by default. */
  readonly tafelId?: string;
  /** Fills the document further before it is stored (the demo seed). */
  readonly populate?: (doc: Y.Doc, chair: { lidId: string; partijId: string }) => void;
}

export async function createTafel(
  storage: RelayStorage,
  opts: NewTafelOptions,
  env: { publicUrl: string; inviteTtlMs: number; createdBy: string; now: number },
): Promise<CreatedTafel> {
  const doc = new Y.Doc();
  try {
    ensureRoots(doc);
    const chair = initTafel(doc, { naam: opts.naam, regio: opts.regio, voorzitter: { naam: opts.voorzitter ?? 'Voorzitter' }, voorzittersPartij: opts.voorzittersPartij }, env.now);
    opts.populate?.(doc, chair);
    const tafelId = opts.tafelId ?? newId();
    const { invite, row } = newInvite({
      tafelId,
      lidId: chair.lidId,
      createdBy: env.createdBy,
      publicUrl: env.publicUrl,
      ttlMs: env.inviteTtlMs,
      now: env.now,
    });
    await storage.createTafel(tafelId, opts.naam, Y.encodeStateAsUpdate(doc), env.now, row);
    return { tafelId, naam: opts.naam, chairLidId: chair.lidId, invite };
  } finally {
    doc.destroy();
  }
}
