// The carrier: delivers the outbox (server/outbox.ts) into the documents of other tafels, as the
// relay's own writes (src/operations/doorgifte.ts). Each delivery and the mark that it is done
// are one write set of the target room's batch, so a message is delivered exactly once: a crash
// before the COMMIT leaves both undone and the message is delivered at the next start (replay);
// the writes themselves are idempotent by source id as a second guard. Messages that travel over a
// link go only while that link is active; an escalation or a vastgestelde rapportage (its summary)
// without a link is marked so at its source and goes when a link is made.
//
// Several relay processes (Postgres, server/cluster.ts): only the process holding a tafel's lease
// writes into its document, so every process's carrier delivers only into tafels it holds or can
// take; a message for a tafel held elsewhere stays pending and the holder is told over the bus
// (topic "outbox"), whose carrier delivers it. The batch's COMMIT is fenced by the lease, so two
// processes can never both commit a delivery. The note back at the source of an escalation or a
// rapportage ("bezorgd") is a message of its own (soort "bezorging"), recorded with the delivery,
// so source and target need not be held by the same process.

import {
  markeerBezorging,
  type BezorgdeRoot,
  ontvangAfsluiting,
  ontvangEscalatie,
  ontvangRapportage,
  ontvangReactie,
  ontvangTerugmelding,
  spiegelKoppeling,
  type Bron,
  type KoppelingStand,
} from '../src/operations/doorgifte';
import type { EscalatieBericht, RapportageSamenvatting } from '../src/model';
import type { RoomWrites } from './groupcommit';
import type { Log } from './log';
import type { Netwerk } from './netwerk';
import { enqueueWrite, markDoneWrite, type Outbox, type OutboxMessage } from './outbox';
import type { Room, Rooms } from './rooms';

export interface CarrierOptions {
  /** Wait this long before delivering (tests use it to crash the relay in between). */
  readonly delayMs: number;
  /** How often pending messages are looked for (the admin CLI writes while the relay runs). */
  readonly pollMs: number;
  /** Tells the process holding a tafel that the outbox has something for it. */
  readonly tellHolder: (tafelId: string) => void;
  /** Resolves once the batches written so far are committed (server/groupcommit.ts). */
  readonly settled: () => Promise<void>;
}

type Outcome = 'bezorgd' | 'al bezorgd' | 'geen koppeling' | 'onbekende tafel' | 'onbekend bericht' | 'mislukt';

/** A message whose delivery keeps failing is set aside after this many tries, so it cannot hold up the rest. */
const MAX_ATTEMPTS = 5;
const BATCH = 100;

/** What a delivery attempt came to: done (or set aside), or to wait for the tafel (held elsewhere, or no room now). */
type Step = 'done' | 'wait';

/**
 * The note back at the source, with the time of the delivery. Payloads stored before rapportages
 * had one name only `escalatieId` and no time (the note's own time stands in).
 */
export type BezorgingPayload =
  | { readonly root: BezorgdeRoot; readonly id: string; readonly tafel: { readonly id: string; readonly naam: string }; readonly op: number }
  | { readonly escalatieId: string; readonly tafel: { readonly id: string; readonly naam: string } };

const bezorgdAan = (p: BezorgingPayload): { root: BezorgdeRoot; id: string } => ('escalatieId' in p ? { root: 'escalaties', id: p.escalatieId } : p);

/** What a message that travels up the ladder is about at its source; null for the other kinds. */
function bronVan(m: OutboxMessage): { root: BezorgdeRoot; id: string } | null {
  if (m.soort === 'escalatie') return { root: 'escalaties', id: (m.payload as { bericht: EscalatieBericht }).bericht.escalatieId };
  if (m.soort === 'rapportage') return { root: 'rapportages', id: (m.payload as { samenvatting: RapportageSamenvatting }).samenvatting.rapportageId };
  return null;
}

export class Carrier {
  private scheduled: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout;
  private stopped = false;
  private running: Promise<void> | undefined;
  private again = false;
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
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.scheduled) return;
    this.scheduled = setTimeout(() => {
      this.scheduled = undefined;
      this.running = this.run()
        .catch((e: unknown) => this.log.error('the outbox carrier failed; retried at its next poll', e))
        .finally(() => {
          this.running = undefined;
          if (this.again) {
            this.again = false;
            this.kick();
          }
        });
    }, this.opts.delayMs);
  }

  /** Stops delivering; resolves once a round under way is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    if (this.scheduled) clearTimeout(this.scheduled);
    await this.running;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    const pending = await this.outbox.pending(BATCH);
    // A tafel that must wait holds back its later messages too: they arrive in order.
    const waiting = new Set<string>();
    for (const m of pending) {
      if (this.stopped) break;
      const blocked = [m.bronTafel, m.doelTafel].find((t) => t !== null && waiting.has(t));
      if (blocked) continue;
      try {
        const { step, tafelId } = await this.deliver(m);
        if (step === 'wait') waiting.add(tafelId);
      } catch (e) {
        const n = (this.failures.get(m.id) ?? 0) + 1;
        this.failures.set(m.id, n);
        if (n < MAX_ATTEMPTS) {
          this.log.error(`delivering outbox message ${m.id} (${m.soort}) failed; retried later`, e);
          waiting.add(m.doelTafel ?? m.bronTafel);
          continue;
        }
        this.log.error(`delivering outbox message ${m.id} (${m.soort}) failed ${n} times; set aside as "mislukt"`, e);
        this.failures.delete(m.id);
        await this.finish(m, 'mislukt');
      }
    }
    for (const t of waiting) this.opts.tellHolder(t);
    // The deliveries are batched writes: the next round reads the outbox after their COMMIT.
    await this.opts.settled();
    if (pending.length === BATCH && waiting.size === 0) this.again = true;
  }

  private async deliver(m: OutboxMessage): Promise<{ step: Step; tafelId: string }> {
    const now = Date.now();
    if (m.soort === 'bezorging') {
      const p = m.payload as BezorgingPayload;
      const { root, id } = bezorgdAan(p);
      return this.into(m, m.doelTafel ?? m.bronTafel, (room) => (markeerBezorging(room.doc, root, id, 'bezorgd', p.tafel, 'op' in p ? p.op : now), 'bezorgd'));
    }
    const doel = m.doelTafel ?? (await this.netwerk.landelijkeTafelVan(m.bronTafel))?.tafelId ?? null;
    const linked = doel !== null && (!m.viaKoppeling || (await this.netwerk.isActive(m.bronTafel, doel)));
    const bron = bronVan(m);
    if (!linked) {
      if (bron) {
        // The source learns that it found no link; the row is done until a link reopens it.
        return this.into(m, m.bronTafel, (room) => (markeerBezorging(room.doc, bron.root, bron.id, 'geen koppeling', { id: '', naam: '' }, now), 'geen koppeling'));
      }
      await this.finish(m, 'geen koppeling');
      return { step: 'done', tafelId: m.bronTafel };
    }
    if (bron) {
      const target = await this.netwerk.tafel(doel);
      return this.into(m, doel, (room, w) => {
        const outcome = this.apply(m, room, now);
        // The note back at the source, with the delivery: it goes wherever the source is held.
        const note: BezorgingPayload = { ...bron, tafel: { id: doel, naam: target?.naam ?? '' }, op: now };
        w.module(enqueueWrite({ bronTafel: doel, bronSleutel: `bezorging:${m.id}`, soort: 'bezorging', doelTafel: m.bronTafel, viaKoppeling: false, payload: note }, now));
        return outcome;
      });
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
      case 'escalatie': {
        const { bron, bericht } = m.payload as { bron: Bron; bericht: EscalatieBericht };
        return ontvangEscalatie(room.doc, bron, bericht, now) ? 'bezorgd' : 'al bezorgd';
      }
      case 'rapportage': {
        const p = m.payload as { bron: Bron & { vastgesteldDoor: string }; samenvatting: RapportageSamenvatting };
        return ontvangRapportage(room.doc, p.bron, p.samenvatting, now) ? 'bezorgd' : 'al bezorgd';
      }
      case 'koppeling':
        spiegelKoppeling(room.doc, m.payload as KoppelingStand, now);
        return 'bezorgd';
      default:
        return 'onbekend bericht';
    }
  }

  /**
   * Writes into the tafel's room and marks the message done, as one write set of its batch. Waits
   * when another process holds the tafel or no room can be loaded now; an unknown tafel ends it.
   */
  private async into(m: OutboxMessage, tafelId: string, write: (room: Room, w: RoomWrites) => Outcome): Promise<{ step: Step; tafelId: string }> {
    const got = await this.rooms.withRoom(tafelId, (room) =>
      room.commit((w) => {
        const outcome = write(room, w);
        w.module(markDoneWrite(m.id, outcome, Date.now()));
      }),
    );
    if (got.ok) return { step: 'done', tafelId };
    if (got.reason === 'unknown') {
      await this.finish(m, 'onbekende tafel');
      return { step: 'done', tafelId };
    }
    return { step: 'wait', tafelId };
  }

  /** A message that cannot be delivered is done with its reason (in its own transaction). */
  private async finish(m: OutboxMessage, outcome: Outcome): Promise<void> {
    await this.outbox.markDone(m.id, outcome, Date.now());
  }
}
