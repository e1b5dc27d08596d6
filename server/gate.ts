// The ownership gate: a decision on one update a client sends (sync step 2 or update), judged by
// the validator against the room's document (which holds the earlier updates of the open batch
// too) before anything is applied. The room calls it and carries out the verdict (Room.receive):
// accepted, it binds, applies, appends and audits in one write of the open batch and broadcasts
// after its COMMIT; rejected, nothing is applied, the audit records why, and after the COMMIT of
// that audit row the sender alone gets a rejection message (src/protocol/messages.ts, type 4);
// the connection stays. The gate knows nothing of rooms, sockets or storage.

import type * as Y from 'yjs';
import { actorForLid, SCHEMA, type RootName } from '../src/model';
import { validateUpdate, type Violation } from '../src/ownership/validator';
import type { Actor, RuleClock, WriteIntent } from '../src/ownership/rulebook';
import { intentPath } from '../src/ownership/intentPath';

/** At most this many paths are kept per audit entry; the count says how many there were. */
const MAX_AUDIT_PATHS = 50;

export type Verdict =
  | { readonly ok: false; readonly actor: Actor | undefined; readonly violations: readonly Violation[] }
  | {
      readonly ok: true;
      readonly actor: Actor | undefined;
      /** Client ids the update introduces, to be bound to the actor's lid. */
      readonly newClientIds: readonly number[];
      /** What the update writes, for the audit ("who changed what"). */
      readonly written: { readonly writes: number; readonly paths: readonly string[] };
      /** The writes themselves: for the field history (server/fieldHistory.ts) and for what they send
       * to other tafels (server/uitgaand.ts). */
      readonly writes: readonly WriteIntent[];
      /** Frozen entries (peildata, besluitnummers) the update creates: the room records when it accepted them. */
      readonly frozen: readonly { readonly root: RootName; readonly entityId: string }[];
    };

/** The audit line's name of a write: its op and path. */
function auditPath(w: WriteIntent): string {
  return [w.op, ...intentPath(w)].join(' ');
}

/**
 * May lid `lidId` apply `update` to `doc`? `lidFor` names the lid a Yjs client id is bound to;
 * `clock` is the relay's own (time rules such as withdrawing a peildatum within a day go by it).
 */
export function judgeUpdate(
  doc: Y.Doc,
  lidId: string,
  update: Uint8Array,
  lidFor: (clientId: number) => string | undefined,
  clock?: RuleClock,
): Verdict {
  const actor = actorForLid(doc, lidId);
  const result = validateUpdate(doc, update, actor, { lidFor }, clock);
  if (!result.ok) return { ok: false, actor, violations: result.violations };
  return {
    ok: true,
    actor,
    newClientIds: result.newClientIds,
    written: { writes: result.writes.length, paths: result.writes.slice(0, MAX_AUDIT_PATHS).map(auditPath) },
    writes: result.writes,
    frozen: result.writes.flatMap((w) => (w.op === 'createEntity' && SCHEMA[w.root].kind === 'frozen' ? [{ root: w.root, entityId: w.entityId }] : [])),
  };
}
