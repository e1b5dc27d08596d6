import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { frozenTijden } from '../../../server/frozenTijden';

describe('relay: when frozen entries were accepted', () => {
  it('records the acceptance per tafel and entry, and a re-freeze after withdrawal replaces it', () => {
    const db = new Database(':memory:');
    const t = frozenTijden(db);
    expect(frozenTijden(db)).toBe(t);
    expect(t.acceptedAt('tafel1', 'peildata', 'peildatum-2026-10-01')).toBeUndefined();
    t.accepted('tafel1', 'peildata', 'peildatum-2026-10-01', 1000);
    expect(t.acceptedAt('tafel1', 'peildata', 'peildatum-2026-10-01')).toBe(1000);
    expect(t.acceptedAt('tafel2', 'peildata', 'peildatum-2026-10-01')).toBeUndefined();
    t.accepted('tafel1', 'peildata', 'peildatum-2026-10-01', 5000);
    expect(t.acceptedAt('tafel1', 'peildata', 'peildatum-2026-10-01')).toBe(5000);
    db.close();
  });
});
