import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readProjecten } from '../../../../src/model';
import { actorForLid } from '../../../../src/model';
import { addPartij, createProject, initTafel } from '../../../../src/operations';
import { type Actor } from '../../../../src/ownership/rulebook';
import { zoekProjecten } from '../../../../src/ui/screens/knelpunten/projectZoeken';

function monitor(n: number) {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'T', voorzitter: { naam: 'V' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente Zwolle', bloedgroep: 'overheid' });
  createProject(doc, chair, { naam: 'Oostadt Noord', publiekEigenaar: gemeente, publiek: { gemeente: 'Zwolle' } });
  createProject(doc, chair, { naam: 'Stationsgebied', publiekEigenaar: gemeente, publiek: { gemeente: 'Zwolle' } });
  createProject(doc, chair, { naam: 'Kampen Havenkwartier', publiekEigenaar: gemeente, publiek: { gemeente: 'Kampen', locatie: 'Stadsdeel IJsselmuiden' } });
  for (let i = 0; i < n; i++) createProject(doc, chair, { naam: `Inbreiding ${i}`, publiekEigenaar: gemeente, publiek: { gemeente: 'Deventer' } });
  return readProjecten(doc);
}

describe('zoekProjecten', () => {
  it('matches name, gemeente and locatie; names starting with the query first', () => {
    const p = monitor(0);
    expect(zoekProjecten(p, 'sta', []).projecten.map((x) => x.naam)).toEqual(['Stationsgebied', 'Kampen Havenkwartier', 'Oostadt Noord']);
    expect(zoekProjecten(p, 'zwolle', []).projecten.map((x) => x.naam)).toEqual(['Oostadt Noord', 'Stationsgebied']);
  });

  it('leaves out projects already chosen and shows nothing for an empty query', () => {
    const p = monitor(0);
    const station = p.find((x) => x.naam === 'Stationsgebied')!;
    expect(zoekProjecten(p, 'sta', [station.id]).projecten.map((x) => x.naam)).not.toContain('Stationsgebied');
    expect(zoekProjecten(p, '   ', [])).toEqual({ projecten: [], meer: 0 });
  });

  it('shows a short list and says how many more matched', () => {
    const p = monitor(30);
    const t = zoekProjecten(p, 'deventer', [], 8);
    expect(t.projecten).toHaveLength(8);
    expect(t.meer).toBe(22);
  });
});
