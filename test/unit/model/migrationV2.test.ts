// Schema version 1 -> 2: a tafel written by the version 1 app reads the same after the migration,
// in the national vocabulary, with the old values kept and the lid's provenance intact.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addLid, addPartij, createProject, initTafel, setOplevering } from '../../../src/operations';
import {
  actorForLid,
  readPeildata,
  readProject,
  readTafel,
  SCHEMA_VERSION,
  verwachteProductie,
  type Actor,
} from '../../../src/model';
import { MIGRATIONS, pendingMigrations } from '../../../src/model/migrations';

const V1_KANSEN = { 'visie/potentie': 0.3, 'in voorbereiding': 0.5, 'ontwerp ter inzage': 0.7, vastgesteld: 0.85, onherroepelijk: 0.95 };

/** A tafel as the version 1 app left it: built with today's operations, then its v2 values put back to v1. */
function v1Tafel() {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'Oude tafel', voorzitter: { naam: 'Voorzitter' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente', bloedgroep: 'overheid' });
  const markt = addPartij(doc, chair, { naam: 'Bouwer', bloedgroep: 'markt' });
  const gert = actorForLid(doc, addLid(doc, chair, { naam: 'Gert', partijId: gemeente, rol: 'lid' })) as Actor;
  const dirk = actorForLid(doc, addLid(doc, chair, { naam: 'Dirk', partijId: markt, rol: 'lid' })) as Actor;
  const ids: Record<string, string> = {};
  for (const status of Object.keys(V1_KANSEN)) {
    ids[status] = createProject(doc, gert, { naam: `Plan ${status}`, publiekEigenaar: gemeente, privaatEigenaar: markt });
    setOplevering(doc, dirk, ids[status]!, 2028, 100);
  }
  const zonder = createProject(doc, gert, { naam: 'Zonder status', publiekEigenaar: gemeente });
  const env = (v: unknown, by: string, p: string, at = 1_700_000_000_000) => ({ v, by, p, at });
  doc.transact(() => {
    const tafel = doc.getMap('tafel');
    tafel.set('schemaVersion', env(1, 'systeem', 'systeem'));
    tafel.set('realisatiekansen', env(V1_KANSEN, chair.lidId, chair.partijId));
    tafel.set('woondealDoelen', env({ '2028': 400 }, chair.lidId, chair.partijId));
    for (const [status, id] of Object.entries(ids)) {
      (doc.getMap('projecten').get(id) as Y.Map<unknown>).set('planstatus', env(status, gert.lidId, gert.partijId));
    }
    doc.getMap('peildata').set('peildatum1', env({ datum: '2025-01-01', projecten: { [ids.vastgesteld!]: { naam: 'Plan vastgesteld', planstatus: 'vastgesteld', publiekEigenaar: gemeente, privaatEigenaar: markt, woningen: 0, opleveringen: { '2028': 100 } } } }, chair.lidId, chair.partijId));
  });
  return { doc, ids, zonder, gert };
}

function migrate(doc: Y.Doc): void {
  doc.transact(() => pendingMigrations(doc).forEach((m) => m(doc)));
}

describe('migration v1 -> v2', () => {
  it('has one step per version', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(MIGRATIONS).toHaveLength(1);
  });

  it('maps every v1 planstatus to the national list, keeps the old value and the lid’s provenance', () => {
    const { doc, ids, gert } = v1Tafel();
    expect(pendingMigrations(doc)).toHaveLength(1);
    migrate(doc);
    expect(readTafel(doc).schemaVersion).toBe(2);
    const expected: Record<string, string> = {
      'visie/potentie': '4A visie',
      'in voorbereiding': '3 in voorbereiding',
      'ontwerp ter inzage': '3 in voorbereiding',
      vastgesteld: '2A vastgesteld',
      onherroepelijk: '1A onherroepelijk',
    };
    for (const [old, id] of Object.entries(ids)) {
      const p = readProject(doc, id)!;
      expect(p.planstatus).toBe(expected[old]);
      expect(p.bronwaarden.planstatus).toBe(old);
      expect(p.provenance.planstatus).toEqual({ by: gert.lidId, p: gert.partijId, at: 1_700_000_000_000 });
    }
    expect(pendingMigrations(doc)).toEqual([]);
  });

  it('keeps the expected production the same, "ontwerp ter inzage" included', () => {
    const { doc, ids } = v1Tafel();
    migrate(doc);
    const kansen = readTafel(doc).realisatiekansen;
    expect(kansen['1A onherroepelijk']).toBe(0.95);
    expect(kansen['2C vastgesteld, wijzigingsbevoegdheid']).toBe(0.85);
    expect(kansen['3 in voorbereiding']).toBe(0.5);
    expect(kansen['4A visie']).toBe(0.3);
    expect(kansen['5B ambtelijk zonder locatie']).toBeLessThanOrEqual(0.3);
    expect(readProject(doc, ids['ontwerp ter inzage']!)!.realisatiekans).toBe(0.7);
    const [row] = verwachteProductie(
      Object.values(ids).map((id) => readProject(doc, id)!),
      readTafel(doc),
    );
    // v1: 100 x (0.3 + 0.5 + 0.7 + 0.85 + 0.95)
    expect(row!.verwacht).toBeCloseTo(330, 9);
  });

  it('leaves frozen peildata as they are and reads their old statuses in the national list', () => {
    const { doc, ids } = v1Tafel();
    const before = JSON.stringify(doc.getMap('peildata').toJSON());
    migrate(doc);
    expect(JSON.stringify(doc.getMap('peildata').toJSON())).toBe(before);
    expect(readPeildata(doc)[0]!.projecten[ids.vastgesteld!]!.planstatus).toBe('2A vastgesteld');
  });
});
