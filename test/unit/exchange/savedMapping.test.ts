// The column mapping saved per partij in the tafel document: the next import of a file with the
// same columns, by a colleague of the same partij (another device, the CLI), starts from it; other
// partijen neither see it applied nor may write it; saving the same mapping again writes nothing.

import { describe, expect, it } from 'vitest';
import { actorForLid, importKoppeling, importKoppelingSleutel, IMPORT_KOPPELING_PREFIX, readImportKoppelingen, type Actor } from '../../../src/model';
import { addLid } from '../../../src/operations';
import { docRuleState } from '../../../src/ownership/ruleState';
import { decide } from '../../../src/ownership/rulebook';
import { bewaarKoppeling, kiesOpgeslagen, leesBestand, opgeslagenKoppeling, stelKoppelingVoor } from '../../../src/exchange';
import { semicolonCsv1252, tafel } from './fixtures';

describe('saved import mapping', () => {
  it('a colleague of the same partij gets the mapping a lid chose; another partij does not', () => {
    const t = tafel();
    const kolommen = leesBestand('plannen.csv', semicolonCsv1252()).kolommen;
    // Gert maps "Opmerkingen" by hand to the private remarks instead of the public ones.
    const gekozen = { ...stelKoppelingVoor(kolommen), bron: 'Excel gemeente' };
    const handmatig = { ...gekozen, kolommen: { ...gekozen.kolommen, Opmerkingen: 'negeren' } };
    expect(bewaarKoppeling(t.doc, t.gert, handmatig)).toBe(true);

    const collega = actorForLid(t.doc, addLid(t.doc, t.chair, { naam: 'Collega', partijId: t.partij.gemeente, rol: 'lid' })) as Actor;
    const voorCollega = stelKoppelingVoor(kolommen, opgeslagenKoppeling(t.doc, collega, kolommen));
    expect(voorCollega).toEqual(handmatig);
    // Another gemeente starts from the recognised headers, not from Gert's choice.
    expect(stelKoppelingVoor(kolommen, opgeslagenKoppeling(t.doc, t.bert, kolommen)).kolommen.Opmerkingen).toBe('veld:publiekeOpmerkingen');
  });

  it('saving the same mapping again writes nothing (a second import sends nothing)', () => {
    const t = tafel();
    const k = { bron: 'DIWI', kolommen: { Projectnaam: 'veld:naam', Gemeente: 'veld:gemeente' } };
    expect(bewaarKoppeling(t.doc, t.gert, k)).toBe(true);
    const updates: Uint8Array[] = [];
    t.doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(bewaarKoppeling(t.doc, t.gert, { bron: 'DIWI', kolommen: { Gemeente: 'veld:gemeente', Projectnaam: 'veld:naam' } })).toBe(false);
    expect(updates).toEqual([]);
    expect(readImportKoppelingen(t.doc, t.partij.gemeente)).toHaveLength(1);
  });

  it('keeps one mapping per layout of file, and picks the exact layout first, else the one sharing most columns', () => {
    const diwi = { bron: 'DIWI', kolommen: { Projectnaam: 'veld:naam', 'Project id': 'externId', Fase: 'veld:projectfase' } };
    const excel = { bron: 'Excel', kolommen: { Projectnaam: 'veld:naam', Kern: 'veld:locatie' } };
    const t = tafel();
    bewaarKoppeling(t.doc, t.gert, diwi);
    bewaarKoppeling(t.doc, t.gert, excel);
    const opgeslagen = readImportKoppelingen(t.doc, t.partij.gemeente);
    expect(opgeslagen.map((k) => k.bron).sort()).toEqual(['DIWI', 'Excel']);
    expect(kiesOpgeslagen(['Kern', ' projectnaam '], opgeslagen)?.bron).toBe('Excel');
    expect(kiesOpgeslagen(['Projectnaam', 'Project id', 'Nieuw'], opgeslagen)?.bron).toBe('DIWI');
    // One column in common out of four: its choices help, its source name does not come along.
    expect(kiesOpgeslagen(['Project id', 'Naam', 'Status', 'Gemeente'], opgeslagen)).toEqual({ bron: '', kolommen: diwi.kolommen });
    expect(kiesOpgeslagen(['Iets anders'], opgeslagen)).toBeUndefined();
    expect(importKoppelingSleutel(['B', 'a'])).toBe(importKoppelingSleutel(['A ', 'b']));
  });

  it('the rulebook gives a partij’s mappings to its own leden only: not another partij, not the chair, not a gast', () => {
    const t = tafel();
    const state = docRuleState(t.doc);
    const key = `${IMPORT_KOPPELING_PREFIX}${importKoppelingSleutel(['Projectnaam'])}`;
    const write = (a: Actor) =>
      decide(state, a, {
        op: 'setField',
        root: 'partijen',
        entityId: t.partij.gemeente,
        key,
        stored: { v: { bron: 'x', kolommen: { Projectnaam: 'veld:naam' } }, by: a.lidId, p: a.partijId, at: 1 },
        creating: false,
      });
    expect(write(t.gert).ok).toBe(true);
    expect(write(t.bert)).toMatchObject({ ok: false, code: 'not-owner' });
    expect(write(t.chair)).toMatchObject({ ok: false, code: 'not-owner' });
    expect(write(t.gast)).toMatchObject({ ok: false, code: 'read-only' });
    expect(bewaarKoppeling(t.doc, t.gast, { bron: '', kolommen: { Projectnaam: 'veld:naam' } })).toBe(false);
  });

  it('the value type takes only known kinds of target', () => {
    expect(importKoppeling.check({ bron: 'DIWI', kolommen: { a: 'veld:naam', b: 'planning:2027:meergezins.huur1', c: 'oplevering:2028', d: 'externId', e: 'negeren' } })).toBeNull();
    expect(importKoppeling.check({ bron: 'DIWI', kolommen: { a: '=HYPERLINK()' } })?.code).toBe('not-allowed');
    expect(importKoppeling.check({ bron: 'DIWI', kolommen: { '': 'negeren' } })?.code).toBe('not-allowed');
    expect(importKoppeling.check({ bron: 'DIWI' })?.code).toBe('not-allowed');
  });
});

