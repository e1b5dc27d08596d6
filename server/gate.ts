// The ownership gate: every update a client sends (sync step 2 or update) is judged by the
// validator against the room's document (which holds the earlier updates of the open batch too)
// before anything is applied. Accepted: bound, applied, appended, audited, in one write of the open
// batch, then broadcast after its COMMIT (Room.commit). Rejected: nothing applied, the audit records
// why, and after the COMMIT of that audit row the sender alone gets a rejection message
// (src/sync/protocol.ts, type 4); the connection stays.

import { actorForLid } from '../src/model';
import { validateUpdate } from '../src/ownership/validator';
import type { WriteIntent } from '../src/ownership/rulebook';
import { encodeRejection } from '../src/sync/protocol';
import type { Connection, Room } from './rooms';
import type { RelayStorage } from './storage';

/** At most this many paths are kept per audit entry; the count says how many there were. */
const MAX_AUDIT_PATHS = 50;

function pathOf(w: WriteIntent): string {
  const parts: string[] = [w.op, w.root];
  if ('entityId' in w && w.entityId !== null) parts.push(w.entityId);
  if ('key' in w) parts.push(w.key);
  return parts.join(' ');
}

export function gateUpdate(room: Room, conn: Connection, update: Uint8Array, messageType: number, storage: RelayStorage): void {
  const actor = actorForLid(room.doc, conn.lidId);
  const result = validateUpdate(room.doc, update, actor, { lidFor: (id) => room.bindings.get(id) });
  const now = Date.now();
  const base = { tafelId: room.tafelId, lidId: conn.lidId, partijId: actor?.partijId ?? null, at: now, size: update.byteLength, messageType };
  if (!result.ok) {
    storage.batch.write(room, room.tafelId, (w) => w.audit({ ...base, accepted: false, detail: { violations: result.violations } }));
    room.send(conn, encodeRejection({ messageType, violations: result.violations, at: now }));
    return;
  }
  // The validator already resolved what the update writes: the audit lists it ("who changed what").
  const written = { writes: result.writes.length, paths: result.writes.slice(0, MAX_AUDIT_PATHS).map(pathOf) };
  room.commit((w) => {
    if (actor) w.bindClients(result.newClientIds, actor.lidId);
    // Updates that change nothing (an empty sync step 2, a repeat) are not audited.
    if (room.applyRemote(update, conn)) w.audit({ ...base, accepted: true, detail: written });
  });
  if (actor) for (const id of result.newClientIds) room.bindings.set(id, actor.lidId);
}
