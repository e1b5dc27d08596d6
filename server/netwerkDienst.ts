// Wires the network of tafels into the relay (docs/network.md): the tables of links and outbox on
// the storage's database, the hook that records what accepted updates send to other tafels (in
// their own transaction), and the carrier that delivers it, started with a replay of whatever a
// crash left pending.

import { uitgaandeBerichten } from './uitgaand';
import { Carrier } from './carrier';
import type { Config } from './config';
import type { Log } from './log';
import { Netwerk } from './netwerk';
import { Outbox } from './outbox';
import type { Rooms } from './rooms';
import type { Storage } from './storage';

export interface NetwerkDienst {
  readonly netwerk: Netwerk;
  readonly outbox: Outbox;
  readonly carrier: Carrier;
  stop(): void;
}

/** The network tables on a database (admin CLI, tests): no carrier. */
export function openNetwerk(storage: Storage): { netwerk: Netwerk; outbox: Outbox } {
  const outbox = new Outbox(storage.db);
  return { netwerk: new Netwerk(storage.db, outbox), outbox };
}

export function startNetwerkDienst(storage: Storage, rooms: Rooms, config: Config, log: Log): NetwerkDienst {
  const { netwerk, outbox } = openNetwerk(storage);
  const carrier = new Carrier(outbox, netwerk, rooms, log, { delayMs: config.outboxDelayMs, pollMs: config.outboxPollMs });
  rooms.onAccepted = (room, actor, writes) => {
    const now = Date.now();
    let messages;
    try {
      messages = uitgaandeBerichten(room.doc, room.tafelId, actor, writes, now);
    } catch (e) {
      // A bug in reading must not fail the room (and lose the lid's accepted change).
      log.error(`tafel ${room.tafelId}: reading what to send failed`, e);
      return;
    }
    let any = false;
    for (const m of messages) any = outbox.enqueue(m, now) || any;
    // After the COMMIT that holds both the update and its messages.
    if (any) storage.batch.deliver(room, () => carrier.kick());
  };
  // Replay: what was accepted but not delivered before a crash goes now.
  carrier.kick();
  return {
    netwerk,
    outbox,
    carrier,
    stop: () => carrier.stop(),
  };
}
