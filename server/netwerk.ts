// The network of tafels as the relay keeps it (docs/network.md): the kind and landsdeel of each
// tafel, and the links between tafels. A link is asked by one chair and accepted by the other (or
// made by the operator); either chair can end it. Only an active link lets escalations, answers
// and comments pass. Every change of a link is mirrored into both documents (root "koppelingen")
// through the outbox, in the same transaction as the change. Same database handle as the storage.

import type Database from 'better-sqlite3';
import { newId } from '../src/model/ids';
import type { KoppelingStatus, Landsdeel, Tafelsoort } from '../src/model/netwerk';
import type { Outbox } from './outbox';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS netwerk_tafels (
  tafel_id TEXT PRIMARY KEY REFERENCES tafels(id),
  soort TEXT NOT NULL,
  landsdeel TEXT,
  boven_tafel TEXT
);
CREATE TABLE IF NOT EXISTS koppelingen (
  id TEXT PRIMARY KEY,
  van TEXT NOT NULL REFERENCES tafels(id),
  naar TEXT NOT NULL REFERENCES tafels(id),
  -- gevraagd | actief | beeindigd
  status TEXT NOT NULL,
  gevraagd_door TEXT NOT NULL,
  gewijzigd_op INTEGER NOT NULL,
  beeindigd_door TEXT
);
CREATE INDEX IF NOT EXISTS koppelingen_van ON koppelingen(van, status);
CREATE INDEX IF NOT EXISTS koppelingen_naar ON koppelingen(naar, status);
`;

export interface NetwerkTafel {
  readonly tafelId: string;
  readonly naam: string;
  readonly soort: Tafelsoort;
  readonly landsdeel: Landsdeel | null;
  readonly bovenTafel: string | null;
}

export interface KoppelingRow {
  readonly id: string;
  readonly van: string;
  readonly naar: string;
  readonly status: 'gevraagd' | 'actief' | 'beeindigd';
  readonly gevraagdDoor: string;
  readonly gewijzigdOp: number;
}

export class NetwerkError extends Error {
  constructor(
    readonly code: 'unknown-tafel' | 'same-tafel' | 'exists' | 'no-link' | 'not-yours' | 'not-asked',
    message: string,
  ) {
    super(message);
  }
}

export class Netwerk {
  private readonly sql;
  private readonly atomic: <T>(fn: () => T) => T;

  constructor(
    db: Database.Database,
    private readonly outbox: Outbox,
  ) {
    db.exec(SCHEMA_SQL);
    this.atomic = db.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
    this.sql = {
      register: db.prepare(
        `INSERT INTO netwerk_tafels (tafel_id, soort, landsdeel, boven_tafel) VALUES (?, ?, ?, ?)
         ON CONFLICT(tafel_id) DO UPDATE SET soort = excluded.soort, landsdeel = excluded.landsdeel, boven_tafel = excluded.boven_tafel`,
      ),
      tafel: db.prepare(
        `SELECT t.id AS tafelId, t.naam, COALESCE(n.soort, 'regionaal') AS soort, n.landsdeel, n.boven_tafel AS bovenTafel
         FROM tafels t LEFT JOIN netwerk_tafels n ON n.tafel_id = t.id WHERE t.id = ?`,
      ),
      tafels: db.prepare(
        `SELECT t.id AS tafelId, t.naam, COALESCE(n.soort, 'regionaal') AS soort, n.landsdeel, n.boven_tafel AS bovenTafel
         FROM tafels t LEFT JOIN netwerk_tafels n ON n.tafel_id = t.id ORDER BY t.naam`,
      ),
      insertLink: db.prepare('INSERT INTO koppelingen (id, van, naar, status, gevraagd_door, gewijzigd_op) VALUES (?, ?, ?, ?, ?, ?)'),
      setStatus: db.prepare('UPDATE koppelingen SET status = ?, gewijzigd_op = ?, beeindigd_door = ? WHERE id = ?'),
      link: db.prepare('SELECT id, van, naar, status, gevraagd_door AS gevraagdDoor, gewijzigd_op AS gewijzigdOp FROM koppelingen WHERE id = ?'),
      between: db.prepare(
        `SELECT id, van, naar, status, gevraagd_door AS gevraagdDoor, gewijzigd_op AS gewijzigdOp FROM koppelingen
         WHERE status != 'beeindigd' AND ((van = ? AND naar = ?) OR (van = ? AND naar = ?))`,
      ),
      ofTafel: db.prepare(
        `SELECT id, van, naar, status, gevraagd_door AS gevraagdDoor, gewijzigd_op AS gewijzigdOp FROM koppelingen
         WHERE van = ? OR naar = ? ORDER BY gewijzigd_op`,
      ),
    };
  }

  /** Records the kind of a tafel (creation, in the creating transaction). */
  register(t: { tafelId: string; soort: Tafelsoort; landsdeel: Landsdeel | null; bovenTafel?: string | null }): void {
    this.sql.register.run(t.tafelId, t.soort, t.landsdeel, t.bovenTafel ?? null);
  }

  tafel(tafelId: string): NetwerkTafel | undefined {
    return this.sql.tafel.get(tafelId) as NetwerkTafel | undefined;
  }

  tafels(): NetwerkTafel[] {
    return this.sql.tafels.all() as NetwerkTafel[];
  }

  link(id: string): KoppelingRow | undefined {
    return this.sql.link.get(id) as KoppelingRow | undefined;
  }

  links(tafelId: string): KoppelingRow[] {
    return this.sql.ofTafel.all(tafelId, tafelId) as KoppelingRow[];
  }

  /** The open (asked or active) link between two tafels. */
  between(a: string, b: string): KoppelingRow | undefined {
    return this.sql.between.get(a, b, b, a) as KoppelingRow | undefined;
  }

  isActive(a: string, b: string): boolean {
    return this.between(a, b)?.status === 'actief';
  }

  /** The landelijke tafel a tafel is actively linked to, if any. */
  landelijkeTafelVan(tafelId: string): NetwerkTafel | undefined {
    for (const l of this.links(tafelId)) {
      if (l.status !== 'actief') continue;
      const other = this.tafel(l.van === tafelId ? l.naar : l.van);
      if (other?.soort === 'landelijk') return other;
    }
    return undefined;
  }

  /** A chair asks another tafel for a link. */
  ask(van: string, naar: string, door: string, now: number): KoppelingRow {
    return this.atomic(() => {
      this.check(van, naar);
      const id = newId();
      this.sql.insertLink.run(id, van, naar, 'gevraagd', door, now);
      this.mirror(id, now);
      return this.link(id)!;
    });
  }

  /** The chair of the asked tafel accepts. */
  accept(id: string, tafelId: string, now: number): KoppelingRow {
    return this.atomic(() => {
      const l = this.link(id);
      if (!l || (l.van !== tafelId && l.naar !== tafelId)) throw new NetwerkError('no-link', 'no such link at this tafel');
      if (l.status !== 'gevraagd') throw new NetwerkError('not-asked', 'this link is not waiting to be accepted');
      if (l.naar !== tafelId) throw new NetwerkError('not-yours', 'only the asked tafel accepts');
      this.activate(l, now);
      return this.link(id)!;
    });
  }

  /** Either chair ends a link (or withdraws or declines a request). What passed stays, marked. */
  end(id: string, tafelId: string, door: string, now: number): KoppelingRow {
    return this.atomic(() => {
      const l = this.link(id);
      if (!l || (l.van !== tafelId && l.naar !== tafelId)) throw new NetwerkError('no-link', 'no such link at this tafel');
      if (l.status === 'beeindigd') return l;
      this.sql.setStatus.run('beeindigd', now, door, id);
      this.mirror(id, now);
      return this.link(id)!;
    });
  }

  /** The operator links two tafels directly (admin CLI, demo seed). */
  linkDirect(a: string, b: string, now: number): KoppelingRow {
    return this.atomic(() => {
      const open = this.between(a, b);
      if (open?.status === 'actief') return open;
      if (open) {
        this.activate(open, now);
        return this.link(open.id)!;
      }
      this.check(a, b);
      const id = newId();
      this.sql.insertLink.run(id, a, b, 'gevraagd', 'admin', now);
      this.activate(this.link(id)!, now);
      return this.link(id)!;
    });
  }

  private activate(l: KoppelingRow, now: number): void {
    this.sql.setStatus.run('actief', now, null, l.id);
    this.mirror(l.id, now);
    // Escalations that found no link before may go now.
    this.outbox.reopenUnlinked(l.van);
    this.outbox.reopenUnlinked(l.naar);
  }

  private check(a: string, b: string): void {
    if (a === b) throw new NetwerkError('same-tafel', 'a tafel cannot link to itself');
    if (!this.tafel(a) || !this.tafel(b)) throw new NetwerkError('unknown-tafel', 'no such tafel');
    if (this.between(a, b)) throw new NetwerkError('exists', 'these tafels are linked or asked already');
  }

  /** Puts the link's state, as each side sees it, in the outbox for both documents. */
  private mirror(id: string, now: number): void {
    const l = this.link(id)!;
    for (const [self, other] of [
      [l.van, l.naar],
      [l.naar, l.van],
    ] as const) {
      const o = this.tafel(other)!;
      const status: KoppelingStatus =
        l.status === 'actief' ? 'actief' : l.status === 'beeindigd' ? 'beeindigd' : self === l.van ? 'verzoek verstuurd' : 'verzoek ontvangen';
      this.outbox.enqueue(
        {
          bronTafel: other,
          bronSleutel: `koppeling:${id}:${self}:${l.status}:${now}`,
          soort: 'koppeling',
          doelTafel: self,
          viaKoppeling: false,
          payload: { koppelingId: id, andereTafelId: other, andereNaam: o.naam, andereSoort: o.soort, andereLandsdeel: o.landsdeel, status, sinds: now },
        },
        now,
      );
    }
  }
}
