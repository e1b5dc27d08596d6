// The planmonitor's projects with an outline as a GeoJSON FeatureCollection for the map, coloured
// by planstatus (harde plancapaciteit, in voorbereiding, zacht) or by knelpunt, with the same
// filters as the grid. Pure, so it is tested without a browser.

import { hardheid, type Knelpunt, type Project } from '../../../model';
import { buildRijen, filterRijen, type Filters } from '../planmonitor/planmonitorView';

export type Kleuring = 'planstatus' | 'knelpunt';

/**
 * The PDOK BRT achtergrondkaart's tiles. The service worker caches what matches its rule
 * (src/pwa/pwaOptions.ts, "pdok-brt-tegels"), so tiles seen before show offline; a unit test keeps
 * the two in step.
 */
export const BRT_TEGELS = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

/** Colours with at least 3:1 contrast against the light background; the legend names them too. */
export const KLEUREN = {
  hard: '#1b7837',
  voorbereiding: '#b35806',
  zacht: '#5e3c99',
  onbekend: '#555555',
  metKnelpunt: '#b2182b',
  zonderKnelpunt: '#2166ac',
} as const;
export type KleurKlasse = keyof typeof KLEUREN;

export function klasseVan(p: Project, openKnelpunten: number, kleuring: Kleuring): KleurKlasse {
  if (kleuring === 'knelpunt') return p.knelpunten.length > 0 || openKnelpunten > 0 ? 'metKnelpunt' : 'zonderKnelpunt';
  if (p.planstatus === null) return 'onbekend';
  // Zacht plancapaciteit is split: in voorbereiding (3) is close to hard, visie and idee are not.
  if (hardheid(p.planstatus) === 'hard') return 'hard';
  return p.planstatus === '3 in voorbereiding' ? 'voorbereiding' : 'zacht';
}

export interface KaartProject {
  readonly id: string;
  readonly naam: string;
  readonly klasse: KleurKlasse;
}

export function kaartData(projecten: readonly Project[], knelpunten: readonly Knelpunt[], filters: Filters, kleuring: Kleuring) {
  const rijen = filterRijen(buildRijen(projecten, knelpunten), filters);
  const byId = new Map(projecten.map((p) => [p.id, p]));
  const lijst: KaartProject[] = [];
  const features = [];
  let zonderContour = 0;
  for (const r of rijen) {
    const p = byId.get(r.id);
    if (!p) continue;
    if (!p.contour) {
      zonderContour++;
      continue;
    }
    const klasse = klasseVan(p, r.openKnelpunten, kleuring);
    lijst.push({ id: p.id, naam: p.naam, klasse });
    features.push({ type: 'Feature' as const, id: lijst.length, properties: { id: p.id, naam: p.naam, kleur: KLEUREN[klasse] }, geometry: p.contour });
  }
  return { geojson: { type: 'FeatureCollection' as const, features }, lijst, zonderContour };
}

/** [[west, south], [east, north]] of all outlines, or null when there are none. */
export function grenzen(fc: ReturnType<typeof kaartData>['geojson']): [[number, number], [number, number]] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) visit(f.geometry.coordinates);
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}
