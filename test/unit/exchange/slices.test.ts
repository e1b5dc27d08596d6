// Work on the main thread in slices: every item done once and in order, progress after each slice,
// fewer items per slice when items (or what a slice sets off) are slow; and the import's plan made
// in slices is the same plan as made in one go.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { inPlakken, leesBestand, mapRijen, pasImportToe, planImport, planImportInPlakken, stelKoppelingVoor } from '../../../src/exchange';
import { diwiXlsx, tafel } from './fixtures';

afterEach(() => vi.restoreAllMocks());

describe('inPlakken', () => {
  it('does every item once, in order, and reports progress after each slice', async () => {
    // A clock that moves 3 ms per reading: a 10 ms slice holds a few items, never all 20.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    const gedaan: number[] = [];
    const voortgang: number[] = [];
    await inPlakken(
      20,
      (van, genoeg) => {
        let i = van;
        do gedaan.push(i++);
        while (i < 20 && !genoeg());
        return i;
      },
      { budgetMs: 10, voortgang: (n) => voortgang.push(n) },
    );
    expect(gedaan).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(voortgang.length).toBeGreaterThan(3);
    expect(voortgang.at(-1)).toBe(20);
    expect([...voortgang].sort((a, b) => a - b)).toEqual(voortgang);
  });

  it('puts fewer items in a slice when the slices took longer than their budget', async () => {
    // Each item costs 1 ms of clock, and each slice's aftermath 20 ms more (the transaction's update).
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const perPlak: number[] = [];
    await inPlakken(
      200,
      (van, genoeg) => {
        let i = van;
        do {
          i++;
          now += 1;
        } while (i < 200 && !genoeg());
        now += 20;
        perPlak.push(i - van);
        return i;
      },
      { budgetMs: 10 },
    );
    // The first slice fills a quarter of its 10 ms (its aftermath is unknown); once the 20 ms
    // aftermath is known, slices hold fewer items still.
    expect(perPlak[0]).toBe(3);
    expect(Math.max(...perPlak.slice(1))).toBeLessThanOrEqual(3);
  });

  it('refuses a slice that does nothing (it would loop forever)', async () => {
    await expect(inPlakken(3, (van) => van)).rejects.toThrow('a slice did no work');
  });
});

describe('planImportInPlakken', () => {
  it('makes the same plan as planImport, against a tafel that already holds some of the projects', async () => {
    const t = tafel();
    const tabel = leesBestand('monitor.xlsx', diwiXlsx(12));
    const k = { ...stelKoppelingVoor(tabel.kolommen), bron: 'DIWI' };
    const rijen = mapRijen(tabel, k);
    const opties = { bron: 'DIWI', publiekEigenaar: t.partij.gemeente };
    // Import half, so the plan has projects to match as well as new ones.
    await pasImportToe(t.doc, t.gert, planImport(t.doc, t.gert, rijen.slice(0, 6), opties), { publiekEigenaar: t.partij.gemeente });
    const inEen = planImport(t.doc, t.gert, rijen, opties);
    const voortgang: number[] = [];
    const inPlakkenGemaakt = await planImportInPlakken(t.doc, t.gert, rijen, opties, { budgetMs: 0.01, voortgang: (n) => voortgang.push(n) });
    expect(inPlakkenGemaakt).toEqual(inEen);
    expect(inEen.telling).toMatchObject({ nieuw: 6, ongewijzigd: 6 });
    expect(voortgang.length).toBeGreaterThan(1);
  });
});
