// The relay's delivery of a vastgestelde rapportage into the landelijke tafel's document
// (src/operations/doorgifte.ts): written under the region's id with relay provenance, once;
// refused to every lid; marked when the link ends; and the landsdeel overview that picks each
// region's latest rapportage.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actorForLid, ensureRoots, landsdeelKoers, laatsteRapportageVan, readOntvangenRapportage, RELAY_AUTHOR, type Landsdeel, type RapportageSamenvatting } from '../../../src/model';
import { initTafel } from '../../../src/operations';
import { ontvangRapportage, spiegelKoppeling } from '../../../src/operations/doorgifte';
import { docRuleState } from '../../../src/ownership/ruleState';
import { decide } from '../../../src/ownership/rulebook';

function landelijk() {
  const doc = new Y.Doc();
  ensureRoots(doc);
  const chair = actorForLid(doc, initTafel(doc, { naam: 'Landelijke versnellingstafel', voorzitter: { naam: 'Lotte' } }).lidId)!;
  const link = (id: string, tafelId: string, naam: string, landsdeel: Landsdeel) =>
    spiegelKoppeling(doc, { koppelingId: id, andereTafelId: tafelId, andereNaam: naam, andereSoort: 'regionaal', andereLandsdeel: landsdeel, status: 'actief', sinds: 1 }, 1);
  link('KoppelingA000001', 'regio-a', 'Regio A', 'Zuidwest');
  link('KoppelingB000001', 'regio-b', 'Regio B', 'Zuidwest');
  link('KoppelingN000001', 'regio-n', 'Regio N', 'Noord');
  return { doc, chair };
}

/** A summary as rapportageSamenvatting makes it; only the fields these tests read are meaningful. */
const samenvatting = (rapportageId: string, periode: string, koersoordeel: RapportageSamenvatting['koersoordeel']): RapportageSamenvatting =>
  ({ versie: 1, rapportageId, tafelNaam: 'Regio', periode, peildatum: `${periode.slice(0, 4)}-06-30`, vastgesteldOp: `${periode.slice(0, 4)}-07-10`, koersoordeel, verwachtTotaal: 100, doelTotaal: 200 }) as RapportageSamenvatting;
const bron = (tafelId: string, landsdeel: Landsdeel = 'Zuidwest') => ({ tafelId, tafelNaam: tafelId, landsdeel, vastgesteldDoor: 'Vera' });

describe('a rapportage delivered to the landelijke tafel', () => {
  it('lands under its own id with relay provenance, once', () => {
    const { doc } = landelijk();
    expect(ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00001', '2026-H1', 'op koers'), 5)).toBe(true);
    const r = readOntvangenRapportage(doc, 'RapportageA00001')!;
    expect(r.bron).toEqual({ tafelId: 'regio-a', tafelNaam: 'regio-a', landsdeel: 'Zuidwest', vastgesteldDoor: 'Vera', rapportageId: 'RapportageA00001' });
    expect(r.ontvangenOp).toBe(5);
    expect(r.provenance.samenvatting).toEqual(expect.objectContaining({ by: RELAY_AUTHOR, at: 5 }));
    // Delivered again (a replay): nothing changes.
    expect(ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00001', '2026-H1', 'niet op koers'), 9)).toBe(false);
    expect(readOntvangenRapportage(doc, 'RapportageA00001')!.samenvatting!.koersoordeel).toBe('op koers');
  });

  it('is refused to every lid of the landelijke tafel, its chair too: no field, no creation, no removal', () => {
    const { doc, chair } = landelijk();
    ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00001', '2026-H1', 'op koers'), 5);
    const state = docRuleState(doc);
    for (const key of ['bron', 'samenvatting', 'ontvangenOp', 'koppelingBeeindigd']) {
      const stored = { v: key === 'samenvatting' ? samenvatting('RapportageA00001', '2026-H1', 'niet op koers') : 1, by: chair.lidId, p: chair.partijId, at: 1 };
      expect(decide(state, chair, { op: 'setField', root: 'ontvangenRapportages', entityId: 'RapportageA00001', key, stored, creating: false })).toEqual(
        expect.objectContaining({ ok: false, code: 'relay-only' }),
      );
    }
    expect(decide(state, chair, { op: 'createEntity', root: 'ontvangenRapportages', entityId: 'Abcdefghijklmnop' })).toEqual(expect.objectContaining({ ok: false, code: 'relay-only' }));
    expect(decide(state, chair, { op: 'deleteEntity', root: 'ontvangenRapportages', entityId: 'RapportageA00001' })).toEqual(expect.objectContaining({ ok: false }));
  });

  it('stays, marked, when the link it came over ends', () => {
    const { doc } = landelijk();
    ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00001', '2026-H1', 'op koers'), 5);
    ontvangRapportage(doc, bron('regio-b'), samenvatting('RapportageB00001', '2026-H1', 'op koers'), 5);
    spiegelKoppeling(doc, { koppelingId: 'KoppelingA000001', andereTafelId: 'regio-a', andereNaam: 'Regio A', andereSoort: 'regionaal', andereLandsdeel: 'Zuidwest', status: 'beeindigd', sinds: 7 }, 7);
    expect(readOntvangenRapportage(doc, 'RapportageA00001')).toEqual(expect.objectContaining({ koppelingBeeindigd: 7 }));
    expect(readOntvangenRapportage(doc, 'RapportageA00001')!.samenvatting!.koersoordeel).toBe('op koers');
    expect(readOntvangenRapportage(doc, 'RapportageB00001')!.koppelingBeeindigd).toBeNull();
  });
});

describe('the landsdeel overview with each region’s koers', () => {
  it('shows the latest half year per region of the landsdeel, and none for a region that has not reported', () => {
    const { doc } = landelijk();
    // Arrival order is not the order of the half years: the newest period wins.
    ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00002', '2026-H2', 'niet op koers'), 8);
    ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00001', '2026-H1', 'op koers'), 9);
    ontvangRapportage(doc, bron('regio-n', 'Noord'), samenvatting('RapportageN00001', '2026-H1', 'op koers'), 9);
    const zuidwest = landsdeelKoers(doc, 'Zuidwest');
    expect(zuidwest.map((r) => [r.koppeling.andereNaam, r.rapportage?.id ?? null])).toEqual([
      ['Regio A', 'RapportageA00002'],
      ['Regio B', null],
    ]);
    expect(landsdeelKoers(doc, 'Noord').map((r) => r.rapportage?.id)).toEqual(['RapportageN00001']);
  });

  it('skips a summary in a shape this version cannot read', () => {
    const { doc } = landelijk();
    ontvangRapportage(doc, bron('regio-a'), samenvatting('RapportageA00001', '2026-H1', 'op koers'), 5);
    ontvangRapportage(doc, bron('regio-a'), { ...samenvatting('RapportageA00009', '2027-H1', 'op koers'), versie: 2 } as unknown as RapportageSamenvatting, 6);
    expect(readOntvangenRapportage(doc, 'RapportageA00009')!.samenvatting).toBeNull();
    expect(laatsteRapportageVan(doc, 'regio-a')?.id).toBe('RapportageA00001');
    expect(landsdeelKoers(doc, 'Zuidwest')[0]!.rapportage?.id).toBe('RapportageA00001');
  });
});
