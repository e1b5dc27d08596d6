// Legitimate edits only: what leden of a tafel do that the rulebook permits, and nothing that a
// concurrent edit by someone else could make unpermitted, so every one of them must be accepted
// by the relay and end up in every replica. Shared by the sync property test (in-process relay)
// and the chaos test (relay process). No network here.
//
// Each editor (one device of one lid) has its own slots: fields of the shared entities that only
// it writes (several leden of a partij each write different fields of the partij's project, so
// they edit the same entity concurrently, not the same key), and whatever it creates itself
// (projects, agendapunten, knelpunten, comments), which only it edits and removes. Every write is
// recorded in the editor's ledger, so in the end each slot must hold exactly what its editor last
// wrote: no acknowledged (or unacknowledged) edit lost.

import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { setFields } from '../../../src/operations/core';
import { isEnvelope } from '../../../src/model/schema';

/** Marks a slot whose editor removed it (an entity or a comment). */
export const REMOVED = Symbol('removed');

/** One field of a shared entity that exactly one editor writes, with the values it may take. */
export interface SharedSlot {
  readonly root: M.RootName;
  /** null: the tafel settings */
  readonly entityId: string | null;
  readonly key: string;
  readonly values: (n: number, text: string) => unknown;
}

/** The choices one edit is made from: which kind, which target, what value, how often. */
export interface Choice {
  readonly kind: number;
  readonly pick: number;
  readonly text: string;
  /** the same field is written this many times in a row (1-3) */
  readonly times: number;
}

export interface World {
  readonly knelpunt: string;
  readonly vergadering: string;
  readonly gemeente: string;
}

export class Editor {
  /** path -> the value this editor wrote last (or REMOVED) */
  readonly ledger = new Map<string, unknown>();
  private readonly projecten: string[] = [];
  private readonly agendapunten: string[] = [];
  private readonly knelpunten: string[] = [];
  private readonly reacties: string[] = [];
  private seq = 0;

  constructor(
    readonly name: string,
    readonly lidId: string,
    readonly shared: readonly SharedSlot[],
    private readonly world: World,
    /** the editor's current document (a session's doc is replaced by a rebuild) */
    readonly doc: () => Y.Doc,
  ) {}

  private actor(): M.Actor {
    const a = M.actorForLid(this.doc(), this.lidId);
    if (!a) throw new Error(`${this.name} is not a lid in its own copy`);
    return a;
  }

  private value(text: string): string {
    return `${this.name} ${++this.seq} ${text}`.trim().slice(0, 180);
  }

  /** Makes one permitted edit; returns what it did, or null when there was nothing to do. */
  edit(c: Choice): string | null {
    const doc = this.doc();
    const actor = this.actor();
    const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[c.pick % list.length]);
    // Only the gemeente creates projects here: it is their public owner and writes their public part.
    const gemeente = actor.partijId === this.world.gemeente;
    switch (c.kind % 10) {
      case 0:
      case 1: {
        const slot = pick(this.shared);
        if (!slot) return null;
        for (let i = 0; i < c.times; i++) {
          const v = slot.values(c.pick + i, this.value(c.text));
          setFields(doc, actor, slot.root, slot.entityId, { [slot.key]: v });
          this.ledger.set(path(slot.root, slot.entityId, slot.key), v);
        }
        return `set ${slot.key} x${c.times}`;
      }
      case 2: {
        if (!gemeente) return this.comment(c);
        const naam = this.value(c.text) || this.name;
        const id = O.createProject(doc, actor, { naam, publiekEigenaar: this.world.gemeente });
        this.projecten.push(id);
        this.ledger.set(path('projecten', id, 'naam'), naam);
        return 'create project';
      }
      case 3: {
        const id = pick(this.projecten);
        if (!id) return this.comment(c);
        for (let i = 0; i < c.times; i++) {
          const naam = this.value(c.text) || this.name;
          O.setProjectField(doc, actor, id, 'naam', naam);
          this.ledger.set(path('projecten', id, 'naam'), naam);
          const locatie = this.value(`locatie ${i}`);
          O.setProjectField(doc, actor, id, 'locatie', locatie);
          this.ledger.set(path('projecten', id, 'locatie'), locatie);
        }
        return 'edit own project';
      }
      case 4: {
        const id = this.take(this.projecten, c.pick);
        if (!id) return null;
        O.removeProject(doc, actor, id);
        this.forgetEntity('projecten', id);
        return 'remove own project';
      }
      case 5: {
        const titel = this.value(c.text) || this.name;
        const id = O.proposeAgendapunt(doc, actor, { vergaderingId: this.world.vergadering, titel });
        this.agendapunten.push(id);
        this.ledger.set(path('agendapunten', id, 'titel'), titel);
        if (c.times > 1) {
          const again = this.value(`${c.text} (aangepast)`);
          O.editAgendapunt(doc, actor, id, { titel: again });
          this.ledger.set(path('agendapunten', id, 'titel'), again);
        }
        return 'propose agendapunt';
      }
      case 6: {
        const id = this.take(this.agendapunten, c.pick);
        if (!id) return null;
        O.removeAgendapunt(doc, actor, id);
        this.forgetEntity('agendapunten', id);
        return 'withdraw agendapunt';
      }
      case 7:
        return this.comment(c);
      case 8: {
        const id = pick(this.reacties);
        if (!id) return this.comment(c);
        if (c.times === 3) {
          this.reacties.splice(this.reacties.indexOf(id), 1);
          O.removeReactie(doc, actor, this.world.knelpunt, id);
          this.ledger.set(path('knelpunten', this.world.knelpunt, `${M.REACTIE_PREFIX}${id}`), REMOVED);
          return 'remove own comment';
        }
        for (let i = 0; i < c.times; i++) {
          const tekst = this.value(c.text);
          O.editReactie(doc, actor, this.world.knelpunt, id, tekst);
          this.ledger.set(path('knelpunten', this.world.knelpunt, `${M.REACTIE_PREFIX}${id}`), { tekst });
        }
        return 'edit own comment';
      }
      default: {
        const own = pick(this.knelpunten);
        if (own && c.times > 1) {
          const titel = this.value(c.text) || this.name;
          O.editKnelpunt(doc, actor, own, { titel });
          this.ledger.set(path('knelpunten', own, 'titel'), titel);
          return 'edit own knelpunt';
        }
        const titel = this.value(c.text) || this.name;
        const id = O.raiseKnelpunt(doc, actor, { titel, thema: M.THEMAS[c.pick % M.THEMAS.length]! });
        this.knelpunten.push(id);
        this.ledger.set(path('knelpunten', id, 'titel'), titel);
        return 'raise knelpunt';
      }
    }
  }

  private comment(c: Choice): string {
    const tekst = this.value(c.text);
    const id = O.addReactie(this.doc(), this.actor(), this.world.knelpunt, tekst);
    this.reacties.push(id);
    this.ledger.set(path('knelpunten', this.world.knelpunt, `${M.REACTIE_PREFIX}${id}`), { tekst });
    return 'comment';
  }

  private take(list: string[], pick: number): string | undefined {
    if (list.length === 0) return undefined;
    return list.splice(pick % list.length, 1)[0];
  }

  private forgetEntity(root: M.RootName, id: string): void {
    for (const k of [...this.ledger.keys()]) if (k.startsWith(`${root}/${id}/`)) this.ledger.delete(k);
    this.ledger.set(path(root, id, null), REMOVED);
  }

  /** Every slot of this editor whose value in `doc` differs from what it last wrote. */
  missingIn(doc: Y.Doc): string[] {
    const wrong: string[] = [];
    for (const [p, expected] of this.ledger) {
      const actual = readPath(doc, p);
      if (JSON.stringify(actual) !== JSON.stringify(expected === REMOVED ? null : expected)) {
        wrong.push(`${this.name} ${p}: expected ${expected === REMOVED ? 'removed' : JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
      }
    }
    return wrong;
  }
}

function path(root: M.RootName, entityId: string | null, key: string | null): string {
  return [root, entityId ?? '-', key ?? ''].join('/');
}

/** The plain value at a ledger path (null when unset or removed; an entity path: null when gone, else 'exists'). */
function readPath(doc: Y.Doc, p: string): unknown {
  const [root, entityId, ...rest] = p.split('/');
  const key = rest.join('/');
  const map = entityId === '-' ? doc.getMap(root!) : doc.getMap(root!).get(entityId!);
  if (!(map instanceof Y.Map)) return null;
  if (key === '') return 'exists';
  const stored = map.get(key);
  return isEnvelope(stored) ? stored.v : null;
}
