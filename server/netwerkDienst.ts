// Wires the network of tafels into the relay (docs/network.md): the tables of links and outbox in
// the relay's database (storage modules), the hook that records what accepted updates send to
// other tafels (in the update's own write set), and the carrier that delivers it, started with a
// replay of whatever a crash left pending. With several relay processes the carrier of each
// delivers into the tafels it holds; the cluster bus (topic "outbox") tells a holder to look.

import { uitgaandeBerichten } from './uitgaand';
import { Carrier } from './carrier';
import type { Cluster } from './cluster';
import type { Config } from './config';
import type { Log } from './log';
import { Netwerk } from './netwerk';
import { enqueueWrite, Outbox, OUTBOX_TOPIC } from './outbox';
import type { Rooms } from './rooms';
import type { RelayStorage } from './storage';

export interface NetwerkDienst {
  readonly netwerk: Netwerk;
  readonly outbox: Outbox;
  readonly carrier: Carrier;
  stop(): Promise<void>;
}

/** The network tables on the relay's database (admin CLI, tests): no carrier. */
export function openNetwerk(storage: RelayStorage): { netwerk: Netwerk; outbox: Outbox } {
  return { netwerk: new Netwerk(storage.handle), outbox: new Outbox(storage.handle) };
}

export function startNetwerkDienst(storage: RelayStorage, rooms: Rooms, cluster: Cluster, config: Config, log: Log): NetwerkDienst {
  const { netwerk, outbox } = openNetwerk(storage);
  const tellHolder = (tafelId: string) => {
    cluster.publish({ type: 'module', topic: OUTBOX_TOPIC, tafelId, body: null }).catch((e: unknown) => log.warn(`telling the holder of ${tafelId} about its outbox failed: ${(e as Error).message}`));
  };
  const carrier = new Carrier(outbox, netwerk, rooms, log, {
    delayMs: config.outboxDelayMs,
    pollMs: config.outboxPollMs,
    tellHolder,
    settled: () => storage.batch.settled(),
  });
  cluster.subscribe((m) => {
    // Only the holder acts (a tafel nobody holds is taken by whichever carrier polls first); the
    // admin CLI's link changes name the tafel it was given.
    if (m.type === 'module' && m.topic === OUTBOX_TOPIC && rooms.loaded(m.tafelId)) carrier.kick();
  });
  rooms.onAccepted = (room, actor, writes, w) => {
    const now = Date.now();
    let messages;
    try {
      messages = uitgaandeBerichten(room.doc, room.tafelId, actor, writes, now);
    } catch (e) {
      // A bug in reading must not fail the room (and lose the lid's accepted change).
      log.error(`tafel ${room.tafelId}: reading what to send failed`, e);
      return;
    }
    if (messages.length === 0) return;
    for (const m of messages) w.module(enqueueWrite(m, now));
    // After the COMMIT that holds both the update and its messages.
    storage.batch.deliver(room, () => carrier.kick());
  };
  // Replay: what was accepted but not delivered before a crash goes now.
  carrier.kick();
  return { netwerk, outbox, carrier, stop: () => carrier.stop() };
}
