// The map's data: the same filters as the planmonitor grid, colour by planstatus (harde
// plancapaciteit 1A-2C, in voorbereiding 3, zacht 4A-5B) or by knelpunt, projects without an
// outline counted apart; and the tile URL the map asks for is one the service worker caches.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { pwaOptions } from '../../../../src/pwa/pwaOptions';
import { BRT_TEGELS, grenzen, kaartData } from '../../../../src/ui/screens/kaart/kaartData';
import { GEEN_FILTERS } from '../../../../src/ui/screens/planmonitor/planmonitorView';
import { makeUiTafel } from '../tafelFixture';

const vlak = (x: number, y: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] });

function tafel() {
  const t = makeUiTafel();
  const { doc, actor, partij } = t;
  const maak = (naam: string, planstatus: M.Planstatus, contour: ReturnType<typeof vlak> | null) =>
    O.createProject(doc, actor.gemeente, { naam, publiekEigenaar: partij.gemeente, publiek: { gemeente: 'Kampen', planstatus, ...(contour ? { contour } : {}) } });
  const hard = maak('Hard', '2C vastgesteld, wijzigingsbevoegdheid', vlak(5.9, 52.5));
  const voorbereiding = maak('Voorbereiding', '3 in voorbereiding', vlak(5.95, 52.55));
  const zacht = maak('Zacht', '5A ambtelijk met locatie', vlak(6.0, 52.6));
  maak('Zonder contour', '1A onherroepelijk', null);
  O.raiseKnelpunt(doc, actor.markt, { titel: 'Netcongestie', thema: 'energietransitie', projecten: [zacht] });
  return { ...t, hard, voorbereiding, zacht, projecten: M.readProjecten(doc), knelpunten: M.readKnelpunten(doc) };
}

describe('the map of the planmonitor', () => {
  it('colours by planstatus, counts projects without an outline, and fits the outlines', () => {
    const t = tafel();
    const d = kaartData(t.projecten, t.knelpunten, { ...GEEN_FILTERS, gemeente: 'Kampen' }, 'planstatus');
    const klasse = Object.fromEntries(d.lijst.map((p) => [p.naam, p.klasse]));
    expect(klasse).toEqual({ Hard: 'hard', Voorbereiding: 'voorbereiding', Zacht: 'zacht' });
    expect(d.zonderContour).toBe(1);
    expect(d.geojson.features).toHaveLength(3);
    expect(grenzen(d.geojson)).toEqual([
      [5.9, 52.5],
      [6.01, 52.61],
    ]);
  });

  it('colours by knelpunt and takes the grid’s filters', () => {
    const t = tafel();
    const perKnelpunt = kaartData(t.projecten, t.knelpunten, { ...GEEN_FILTERS, gemeente: 'Kampen' }, 'knelpunt');
    expect(Object.fromEntries(perKnelpunt.lijst.map((p) => [p.naam, p.klasse]))).toEqual({ Hard: 'zonderKnelpunt', Voorbereiding: 'zonderKnelpunt', Zacht: 'metKnelpunt' });
    const gefilterd = kaartData(t.projecten, t.knelpunten, { ...GEEN_FILTERS, knelpunt: 'ja' }, 'planstatus');
    expect(gefilterd.lijst.map((p) => p.id)).toEqual([t.zacht]);
    expect(kaartData(t.projecten, t.knelpunten, { ...GEEN_FILTERS, zoek: 'voorbereiding' }, 'planstatus').lijst.map((p) => p.id)).toEqual([t.voorbereiding]);
    expect(grenzen(kaartData(t.projecten, t.knelpunten, { ...GEEN_FILTERS, zoek: 'niets' }, 'planstatus').geojson)).toBeNull();
  });

  it('asks for tiles the service worker keeps for offline use', () => {
    const regel = pwaOptions.workbox?.runtimeCaching?.find((r) => r.options?.cacheName === 'pdok-brt-tegels');
    expect(regel?.handler).toBe('CacheFirst');
    const tegel = BRT_TEGELS.replace('{z}', '12').replace('{x}', '2100').replace('{y}', '1350');
    expect((regel!.urlPattern as RegExp).test(tegel)).toBe(true);
  });
});
