// The network of tafels as the relay keeps it (docs/network.md): the kind and landsdeel of each
// tafel, and the links between tafels. A link is asked by one chair and accepted by the other (or
// made by the operator); either chair can end it. Only an active link lets escalations, answers
// and comments pass. Every change of a link is mirrored into both documents (root "koppelingen")
// through the outbox, in the same transaction as the change. A storage module: its tables live in
// the relay's database on either engine.

import { newId } from '../src/model/ids';
import type { KoppelingStatus, Landsdeel, Tafelsoort } from '../src/model/netwerk';
import { postgresSql, readerOn, transactionOn, type ModuleSql } from './module-sql';
import { enqueueIn, reopenUnlinkedIn } from './outbox';
import { registerStorageModule, type ModuleWrite, type StorageHandle } from './storage-modules';

// The same statements on both engines (BIGINT: milliseconds do not fit Postgres' INTEGER).
const TABLES = (timestamp: string) => `
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
  gewijzigd_op ${timestamp} NOT NULL,
  beeindigd_door TEXT
);
CREATE INDEX IF NOT EXISTS koppelingen_van ON koppelingen(van, status);
CREATE INDEX IF NOT EXISTS koppelingen_naar ON koppelingen(naar, status);
`;

registerStorageModule({ name: 'netwerk', sqliteMigrations: [TABLES('INTEGER')], postgresMigrations: [TABLES('BIGINT')] });

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

const TAFEL = `SELECT t.id AS "tafelId", t.naam AS "naam", COALESCE(n.soort, 'regionaal') AS "soort", n.landsdeel AS "landsdeel", n.boven_tafel AS "bovenTafel"
               FROM tafels t LEFT JOIN netwerk_tafels n ON n.tafel_id = t.id`;
const LINK = `SELECT id AS "id", van AS "van", naar AS "naar", status AS "status", gevraagd_door AS "gevraagdDoor", gewijzigd_op AS "gewijzigdOp" FROM koppelingen`;

const SQL = {
  register: `INSERT INTO netwerk_tafels (tafel_id, soort, landsdeel, boven_tafel) VALUES (?, ?, ?, ?)
             ON CONFLICT (tafel_id) DO UPDATE SET soort = excluded.soort, landsdeel = excluded.landsdeel, boven_tafel = excluded.boven_tafel`,
  tafel: `${TAFEL} WHERE t.id = ?`,
  tafels: `${TAFEL} ORDER BY t.naam`,
  insertLink: 'INSERT INTO koppelingen (id, van, naar, status, gevraagd_door, gewijzigd_op) VALUES (?, ?, ?, ?, ?, ?)',
  setStatus: 'UPDATE koppelingen SET status = ?, gewijzigd_op = ?, beeindigd_door = ? WHERE id = ?',
  link: `${LINK} WHERE id = ?`,
  between: `${LINK} WHERE status != 'beeindigd' AND ((van = ? AND naar = ?) OR (van = ? AND naar = ?))`,
  ofTafel: `${LINK} WHERE van = ? OR naar = ? ORDER BY gewijzigd_op`,
};

// Postgres hands BIGINT back as a string.
const linkRow = (r: KoppelingRow | undefined): KoppelingRow | undefined => (r ? { ...r, gewijzigdOp: Number(r.gewijzigdOp) } : undefined);

/** The reads, on the engine or inside a transaction. */
class Reads {
  constructor(protected readonly sql: ModuleSql) {}

  tafel(tafelId: string): Promise<NetwerkTafel | undefined> {
    return this.sql.get<NetwerkTafel>(SQL.tafel, [tafelId]);
  }

  tafels(): Promise<NetwerkTafel[]> {
    return this.sql.all<NetwerkTafel>(SQL.tafels);
  }

  async link(id: string): Promise<KoppelingRow | undefined> {
    return linkRow(await this.sql.get<KoppelingRow>(SQL.link, [id]));
  }

  async links(tafelId: string): Promise<KoppelingRow[]> {
    return (await this.sql.all<KoppelingRow>(SQL.ofTafel, [tafelId, tafelId])).map((r) => linkRow(r)!);
  }

  /** The open (asked or active) link between two tafels. */
  async between(a: string, b: string): Promise<KoppelingRow | undefined> {
    return linkRow(await this.sql.get<KoppelingRow>(SQL.between, [a, b, b, a]));
  }

  async isActive(a: string, b: string): Promise<boolean> {
    return (await this.between(a, b))?.status === 'actief';
  }

  /** The landelijke tafel a tafel is actively linked to, if any. */
  async landelijkeTafelVan(tafelId: string): Promise<NetwerkTafel | undefined> {
    for (const l of await this.links(tafelId)) {
      if (l.status !== 'actief') continue;
      const other = await this.tafel(l.van === tafelId ? l.naar : l.van);
      if (other?.soort === 'landelijk') return other;
    }
    return undefined;
  }
}

/** One link change, in its transaction. */
class Change extends Reads {
  async activate(l: KoppelingRow, now: number): Promise<void> {
    await this.sql.run(SQL.setStatus, ['actief', now, null, l.id]);
    await this.mirror(l.id, now);
    // Escalations and rapportages that found no link before may go now.
    await reopenUnlinkedIn(this.sql, l.van);
    await reopenUnlinkedIn(this.sql, l.naar);
  }

  async insert(van: string, naar: string, door: string, now: number): Promise<string> {
    const id = newId();
    await this.sql.run(SQL.insertLink, [id, van, naar, 'gevraagd', door, now]);
    return id;
  }

  async setStatus(id: string, status: KoppelingRow['status'], now: number, door: string | null): Promise<void> {
    await this.sql.run(SQL.setStatus, [status, now, door, id]);
  }

  async check(a: string, b: string): Promise<void> {
    if (a === b) throw new NetwerkError('same-tafel', 'a tafel cannot link to itself');
    if (!(await this.tafel(a)) || !(await this.tafel(b))) throw new NetwerkError('unknown-tafel', 'no such tafel');
    if (await this.between(a, b)) throw new NetwerkError('exists', 'these tafels are linked or asked already');
  }

  /** Puts the link's state, as each side sees it, in the outbox for both documents. */
  async mirror(id: string, now: number): Promise<void> {
    const l = (await this.link(id))!;
    for (const [self, other] of [
      [l.van, l.naar],
      [l.naar, l.van],
    ] as const) {
      const o = (await this.tafel(other))!;
      const status: KoppelingStatus =
        l.status === 'actief' ? 'actief' : l.status === 'beeindigd' ? 'beeindigd' : self === l.van ? 'verzoek verstuurd' : 'verzoek ontvangen';
      await enqueueIn(
        this.sql,
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

/** Records the kind of a tafel: a write of the transaction that creates it (server/tafels.ts). */
export function registerWrite(t: { tafelId: string; soort: Tafelsoort; landsdeel: Landsdeel | null; bovenTafel?: string | null }): ModuleWrite {
  const params = [t.tafelId, t.soort, t.landsdeel, t.bovenTafel ?? null];
  return {
    module: 'netwerk',
    sqlite: (db) => void db.prepare(SQL.register).run(...params),
    postgres: async (client) => void (await postgresSql(client).run(SQL.register, params)),
  };
}

export class Netwerk extends Reads {
  constructor(private readonly handle: StorageHandle) {
    super(readerOn(handle));
  }

  private change<T>(fn: (c: Change) => Promise<T>): Promise<T> {
    return transactionOn(this.handle, (sql) => fn(new Change(sql)));
  }

  /** A chair asks another tafel for a link. */
  ask(van: string, naar: string, door: string, now: number): Promise<KoppelingRow> {
    return this.change(async (c) => {
      await c.check(van, naar);
      const id = await c.insert(van, naar, door, now);
      await c.mirror(id, now);
      return (await c.link(id))!;
    });
  }

  /** The chair of the asked tafel accepts. */
  accept(id: string, tafelId: string, now: number): Promise<KoppelingRow> {
    return this.change(async (c) => {
      const l = await c.link(id);
      if (!l || (l.van !== tafelId && l.naar !== tafelId)) throw new NetwerkError('no-link', 'no such link at this tafel');
      if (l.status !== 'gevraagd') throw new NetwerkError('not-asked', 'this link is not waiting to be accepted');
      if (l.naar !== tafelId) throw new NetwerkError('not-yours', 'only the asked tafel accepts');
      await c.activate(l, now);
      return (await c.link(id))!;
    });
  }

  /** Either chair ends a link (or withdraws or declines a request). What passed stays, marked. */
  end(id: string, tafelId: string, door: string, now: number): Promise<KoppelingRow> {
    return this.change(async (c) => {
      const l = await c.link(id);
      if (!l || (l.van !== tafelId && l.naar !== tafelId)) throw new NetwerkError('no-link', 'no such link at this tafel');
      if (l.status === 'beeindigd') return l;
      await c.setStatus(id, 'beeindigd', now, door);
      await c.mirror(id, now);
      return (await c.link(id))!;
    });
  }

  /** The operator links two tafels directly (admin CLI, demo seed). */
  linkDirect(a: string, b: string, now: number): Promise<KoppelingRow> {
    return this.change(async (c) => {
      const open = await c.between(a, b);
      if (open?.status === 'actief') return open;
      if (open) {
        await c.activate(open, now);
        return (await c.link(open.id))!;
      }
      await c.check(a, b);
      const id = await c.insert(a, b, 'admin', now);
      await c.activate((await c.link(id))!, now);
      return (await c.link(id))!;
    });
  }
}
