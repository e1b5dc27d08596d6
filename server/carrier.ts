// The carrier: delivers the outbox (server/outbox.ts) into the documents of other tafels, as the
// relay's own writes (src/operations/doorgifte.ts). Each delivery and the mark that it is
// done are one write of the target room's batch, so a message is delivered exactly once: a crash
// before the COMMIT leaves both undone and the message is delivered at the next start (replay);
// the writes themselves are idempotent by source id as a second guard. Messages that travel over a
// link go only while that link is active; an escalation without a link is marked so at its source
// and goes when a link is made.

import {
  markeerBezorging,
  ontvangAfsluiting,
  ontvangEscalatie,
  ontvangReactie,
  ontvangTerugmelding,
  spiegelKoppeling,
  type Bron,
  type KoppelingStand,
} from '../src/operations/doorgifte';
import type { EscalatieBericht } from '../src/model';
import type { Log } from './log';
import type { Netwerk } from './netwerk';
import type { Outbox, OutboxMessage } from './outbox';
import type { Room, Rooms } from './rooms';

export interface CarrierOptions {
  /** Wait this long before delivering (tests use it to crash the relay in between). */
  readonly delayMs: number;
  /** How often pending messages are looked for (the admin CLI writes while the relay runs). */
  readonly pollMs: number;
}

type Outcome = 'bezorgd' | 'al bezorgd' | 'geen koppeling' | 'onbekende tafel' | 'onbekend bericht' | 'mislukt';

/** A message whose delivery keeps failing is set aside after this many tries, so it cannot hold up the rest. */
const MAX_ATTEMPTS = 5;

export class Carrier {
  private scheduled: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout;
  private stopped = false;
  /** Failed deliveries per outbox id since this start. */
  private readonly failures = new Map<number, number>();

  constructor(
    private readonly outbox: Outbox,
    private readonly netwerk: Netwerk,
    private readonly rooms: Rooms,
    private readonly log: Log,
    private readonly opts: CarrierOptions,
  ) {
    this.poll = setInterval(() => this.kick(), opts.pollMs);
    this.poll.unref();
  }

  /** Delivers what is pending, soon (after delayMs). */
  kick(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      this.run();
    }, this.opts.delayMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.poll);
    if (this.scheduled) clearTimeout(this.scheduled);
  }

  private run(): void {
    if (this.stopped) return;
    const pending = this.outbox.pending();
    for (const m of pending) {
      try {
        if (!this.deliver(m)) {
          // A target that cannot be loaded now (too many rooms): later, in order.
          return;
        }
      } catch (e) {
        const n = (this.failures.get(m.id) ?? 0) + 1;
        this.failures.set(m.id, n);
        if (n < MAX_ATTEMPTS) {
          this.log.error(`delivering outbox message ${m.id} (${m.soort}) failed; retried later`, e);
          return;
        }
        this.log.error(`delivering outbox message ${m.id} (${m.soort}) failed ${n} times; set aside as "mislukt"`, e);
        this.failures.delete(m.id);
        this.finish(m, 'mislukt');
      }
    }
    if (pending.length === 100) this.kick();
  }

  /** False when it must wait. */
  private deliver(m: OutboxMessage): boolean {
    const now = Date.now();
    const doel = m.doelTafel ?? this.netwerk.landelijkeTafelVan(m.bronTafel)?.tafelId ?? null;
    const linked = doel !== null && (!m.viaKoppeling || this.netwerk.isActive(m.bronTafel, doel));
    if (!linked) {
      if (m.soort === 'escalatie') {
        const bericht = (m.payload as { bericht: EscalatieBericht }).bericht;
        // The source learns that its escalation found no link; the row is done until a link reopens it.
        return this.inRoom(m.bronTafel, (room) => {
          markeerBezorging(room.doc, bericht.escalatieId, 'geen koppeling', { id: '', naam: '' }, now);
          this.outbox.markDone(m.id, 'geen koppeling', now);
        }, () => this.finish(m, 'onbekende tafel'));
      }
      this.finish(m, 'geen koppeling');
      return true;
    }
    const target = this.netwerk.tafel(doel);
    if (!target) {
      this.finish(m, 'onbekende tafel');
      return true;
    }
    if (m.soort === 'escalatie') {
      const { bron, bericht } = m.payload as { bron: Bron; bericht: EscalatieBericht };
      // The source's note first: repeated harmlessly if the delivery below is replayed.
      const noted = this.inRoom(m.bronTafel, (room) => markeerBezorging(room.doc, bericht.escalatieId, 'bezorgd', { id: target.tafelId, naam: target.naam }, now), () => undefined);
      if (!noted) return false;
      return this.into(m, doel, (room) => (ontvangEscalatie(room.doc, bron, bericht, now) ? 'bezorgd' : 'al bezorgd'));
    }
    return this.into(m, doel, (room) => this.apply(m, room, now));
  }

  private apply(m: OutboxMessage, room: Room, now: number): Outcome {
    switch (m.soort) {
      case 'reactie': {
        const p = m.payload as { doelRoot: 'escalaties' | 'ontvangenEscalaties'; escalatieId: string; reactieId: string; reactie: { tekst: string; naam: string; tafel: string; op: number } };
        return ontvangReactie(room.doc, p.doelRoot, p.escalatieId, p.reactieId, p.reactie, now) ? 'bezorgd' : 'onbekend bericht';
      }
      case 'terugmelding': {
        const p = m.payload as { escalatieId: string; terugmelding: Parameters<typeof ontvangTerugmelding>[2] };
        return ontvangTerugmelding(room.doc, p.escalatieId, p.terugmelding, now) ? 'bezorgd' : 'onbekend bericht';
      }
      case 'afsluiting': {
        const p = m.payload as { escalatieId: string; afsluiting: Parameters<typeof ontvangAfsluiting>[2] };
        return ontvangAfsluiting(room.doc, p.escalatieId, p.afsluiting, now) ? 'bezorgd' : 'onbekend bericht';
      }
      case 'koppeling':
        spiegelKoppeling(room.doc, m.payload as KoppelingStand, now);
        return 'bezorgd';
      default:
        return 'onbekend bericht';
    }
  }

  /** Delivers into the target room and marks the message done, in one batched write. */
  private into(m: OutboxMessage, doel: string, write: (room: Room) => Outcome): boolean {
    return this.inRoom(
      doel,
      (room) => {
        const outcome = write(room);
        this.outbox.markDone(m.id, outcome, Date.now());
      },
      () => this.finish(m, 'onbekende tafel'),
    );
  }

  /** Runs `fn` as one write of the room's batch; false when the room cannot be loaded now (the poll retries). */
  private inRoom(tafelId: string, fn: (room: Room) => void, unknown: () => void): boolean {
    if (!this.netwerk.tafel(tafelId)) {
      unknown();
      return true;
    }
    return this.rooms.withDoc(tafelId, (room) => {
      room.commit(() => fn(room));
      return true;
    }) === true;
  }

  /** A message that cannot be delivered is done with its reason (in its own transaction). */
  private finish(m: OutboxMessage, outcome: Outcome): void {
    this.outbox.markDone(m.id, outcome, Date.now());
  }
}
