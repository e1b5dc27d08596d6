// When the relay accepted each frozen entry (peildata, besluitnummers), by the relay's clock. The
// rulebook lets the chair withdraw a peildatum within a day of this moment; the client's own
// clock and the envelope's time play no part, so a device with a wrong clock cannot stretch it.
// Written in the same batched transaction as the update that creates the entry.

import type Database from 'better-sqlite3';
import type { RootName } from '../src/model/schema';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS frozen_accepted (
  tafel_id TEXT NOT NULL,
  root TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (tafel_id, root, entity_id)
);
`;

export class FrozenTijden {
  private readonly upsert: Database.Statement;
  private readonly find: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(SCHEMA_SQL);
    // A withdrawn peildatum may be frozen again under the same date: the new time replaces the old.
    this.upsert = db.prepare('INSERT OR REPLACE INTO frozen_accepted (tafel_id, root, entity_id, at) VALUES (?, ?, ?, ?)');
    this.find = db.prepare('SELECT at FROM frozen_accepted WHERE tafel_id = ? AND root = ? AND entity_id = ?').pluck();
  }

  /** Records the acceptance; call inside the batched write that applies the update. */
  accepted(tafelId: string, root: RootName, entityId: string, at: number): void {
    this.upsert.run(tafelId, root, entityId, at);
  }

  acceptedAt(tafelId: string, root: RootName, entityId: string): number | undefined {
    const at = this.find.get(tafelId, root, entityId) as number | undefined;
    return at;
  }
}

const perDb = new WeakMap<Database.Database, FrozenTijden>();

/** One instance per database handle (the relay has one). */
export function frozenTijden(db: Database.Database): FrozenTijden {
  let t = perDb.get(db);
  if (!t) {
    t = new FrozenTijden(db);
    perDb.set(db, t);
  }
  return t;
}
