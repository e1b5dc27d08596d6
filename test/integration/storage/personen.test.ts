// Personen (issue 16) on every storage engine, SQLite and Postgres alike: the rules the table keeps
// (one persoon per lid, one lid per tafel in a persoon), joining two personen, what a device may
// link (tokens of the person's own), and unlinking (a persoon of one links nothing and goes).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledenVanPersoon, linkLeden, rememberOwnToken, unlinkLid, type LidRef } from '../../../server/personen';
import type { RelayStorage } from '../../../server/storage';
import { postgresEngine, sqliteEngine, type Engine } from './engines';

const lid = (tafelId: string, lidId: string): LidRef => ({ tafelId, lidId });
const tafelsOf = async (storage: RelayStorage, l: LidRef) => (await ledenVanPersoon(storage.handle, l)).map((x) => `${x.tafelId}/${x.lidId}`).sort();

for (const engine of [sqliteEngine(), postgresEngine()] satisfies Engine[]) {
  describe(`personen storage: ${engine.name}`, () => {
    let storage: RelayStorage;

    beforeAll(async () => {
      await engine.start();
      storage = await (await engine.fresh()).open();
    });
    afterAll(async () => {
      await storage?.close();
      await engine.stop();
    });

    it('adds leden to a persoon, joins two personen, and refuses two leden of one tafel', async () => {
      const h = storage.handle;
      expect(await tafelsOf(storage, lid('a', 'x'))).toEqual(['a/x']);
      expect(await linkLeden(h, lid('a', 'x'), lid('b', 'x'), 1, 'admin')).toMatchObject({ ok: true });
      expect(await linkLeden(h, lid('c', 'x'), lid('b', 'x'), 2, 'admin')).toMatchObject({ ok: true });
      expect(await tafelsOf(storage, lid('c', 'x'))).toEqual(['a/x', 'b/x', 'c/x']);
      // Linking again changes nothing.
      expect(await linkLeden(h, lid('a', 'x'), lid('c', 'x'), 3, 'admin')).toMatchObject({ ok: true, leden: expect.arrayContaining([lid('b', 'x')]) });
      // Another lid of tafel a cannot join a persoon that has a lid at a.
      expect(await linkLeden(h, lid('a', 'y'), lid('b', 'x'), 4, 'admin')).toEqual({ ok: false, reason: 'same-tafel' });
      expect(await linkLeden(h, lid('a', 'y'), lid('a', 'x'), 4, 'admin')).toEqual({ ok: false, reason: 'same-tafel' });
      // Two personen become one; not when they share a tafel.
      await linkLeden(h, lid('d', 'z'), lid('e', 'z'), 5, 'admin');
      await linkLeden(h, lid('a', 'y'), lid('f', 'y'), 5, 'admin');
      expect(await linkLeden(h, lid('a', 'y'), lid('c', 'x'), 6, 'admin')).toEqual({ ok: false, reason: 'same-tafel' });
      expect(await linkLeden(h, lid('e', 'z'), lid('a', 'x'), 6, 'admin')).toMatchObject({ ok: true });
      expect(await tafelsOf(storage, lid('d', 'z'))).toEqual(['a/x', 'b/x', 'c/x', 'd/z', 'e/z']);
      expect(await tafelsOf(storage, lid('f', 'y'))).toEqual(['a/y', 'f/y']);
    });

    it('lets a device add to a persoon with other tafels only with a token of its own', async () => {
      const h = storage.handle;
      await linkLeden(h, lid('g', 'p'), lid('h', 'p'), 1, 'admin');
      const minted = { ...lid('g', 'p'), tokenHash: 'minted-by-another-chair' };
      const fresh = { ...lid('k', 'q'), tokenHash: 'k-chair-token' };
      expect(await linkLeden(h, fresh, minted, 2, 'device')).toEqual({ ok: false, reason: 'not-own' });
      expect(await tafelsOf(storage, lid('k', 'q'))).toEqual(['k/q']);
      // A lid in no persoon may be presented with any working token: a new persoon starts.
      expect(await linkLeden(h, fresh, { ...lid('m', 'q'), tokenHash: 'm-token' }, 2, 'device')).toMatchObject({ ok: true });
      await rememberOwnToken(h, 'own-token', lid('g', 'p'));
      await rememberOwnToken(h, 'own-token', lid('g', 'p'));
      // An own token of another lid does not count for this one.
      expect(await linkLeden(h, { ...lid('n', 'r'), tokenHash: 'n' }, { ...lid('g', 'p'), tokenHash: 'm-token' }, 3, 'device')).toEqual({ ok: false, reason: 'not-own' });
      expect(await linkLeden(h, { ...lid('n', 'r'), tokenHash: 'n' }, { ...lid('g', 'p'), tokenHash: 'own-token' }, 3, 'device')).toMatchObject({ ok: true });
      expect(await tafelsOf(storage, lid('n', 'r'))).toEqual(['g/p', 'h/p', 'n/r']);
    });

    it('unlinks a lid; a persoon left with one lid goes', async () => {
      const h = storage.handle;
      await linkLeden(h, lid('s', '1'), lid('t', '1'), 1, 'admin');
      await linkLeden(h, lid('s', '1'), lid('u', '1'), 1, 'admin');
      expect(await unlinkLid(h, lid('t', '1'))).toBe(true);
      expect(await tafelsOf(storage, lid('s', '1'))).toEqual(['s/1', 'u/1']);
      expect(await unlinkLid(h, lid('u', '1'))).toBe(true);
      expect(await tafelsOf(storage, lid('s', '1'))).toEqual(['s/1']);
      expect(await unlinkLid(h, lid('s', '1'))).toBe(false);
    });
  });
}
