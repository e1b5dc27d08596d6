import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FROZEN_ACCEPTED_MODULE, frozenAcceptedWrite, loadFrozenTijden } from '../../../server/frozenTijden';

describe('relay: when frozen entries were accepted', () => {
  it('records the acceptance per tafel and entry, and a re-freeze after withdrawal replaces it', async () => {
    const db = new Database(':memory:');
    for (const m of FROZEN_ACCEPTED_MODULE.sqliteMigrations) db.exec(m);
    const handle = { engine: 'sqlite' as const, db };
    expect((await loadFrozenTijden(handle, 'tafel1')).acceptedAt('peildata', 'peildatum-2026-10-01')).toBeUndefined();
    frozenAcceptedWrite('tafel1', 'peildata', 'peildatum-2026-10-01', 1000).sqlite(db);
    expect((await loadFrozenTijden(handle, 'tafel1')).acceptedAt('peildata', 'peildatum-2026-10-01')).toBe(1000);
    expect((await loadFrozenTijden(handle, 'tafel2')).acceptedAt('peildata', 'peildatum-2026-10-01')).toBeUndefined();
    frozenAcceptedWrite('tafel1', 'peildata', 'peildatum-2026-10-01', 5000).sqlite(db);
    const tijden = await loadFrozenTijden(handle, 'tafel1');
    expect(tijden.acceptedAt('peildata', 'peildatum-2026-10-01')).toBe(5000);
    // What the room remembers after a commit is what the gate asks next.
    tijden.remember('besluitnummers', '2026-001', 7000);
    expect(tijden.acceptedAt('besluitnummers', '2026-001')).toBe(7000);
    db.close();
  });
});
