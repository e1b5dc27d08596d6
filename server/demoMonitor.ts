// The demo tafel's monitor fields of schema version 2, so the map, the planning grid beside the
// opleveringen and the exports have something to show: an outline, a plantype, a vertrouwelijkheid
// and the gemeente's planning grid for most projects, written by the gemeente's lid like real use.
// The fictional Voorbeeldstad lies near Zwolle.

import type * as Y from 'yjs';
import type { Actor, Contour } from '../src/model';
import { setProjectFields } from '../src/operations';

const CENTRUM: [number, number] = [6.09, 52.51];

/** A small rectangle around a point, about 300 x 200 m. */
function blok(dx: number, dy: number): Contour {
  const [lon, lat] = [CENTRUM[0] + dx, CENTRUM[1] + dy];
  const w = 0.0022;
  const h = 0.0009;
  const ring = [
    [lon, lat],
    [lon + w, lat],
    [lon + w, lat + h],
    [lon, lat + h],
    [lon, lat],
  ] as [number, number][];
  return { type: 'Polygon', coordinates: [ring] };
}

const PLANTYPES = ['verdichting', 'herstructurering', 'uitbreiding uitleg', 'pand transformatie', 'transformatiegebied'] as const;

export function vulMonitorVelden(doc: Y.Doc, gemeente: Actor, projecten: readonly string[]): void {
  projecten.forEach((id, i) => {
    if (i % 6 === 5) return; // a few projects without outline, as in real monitors
    const jaar = 2026 + (i % 3);
    setProjectFields(doc, gemeente, id, {
      contour: blok(((i % 4) - 1.5) * 0.012, (Math.floor(i / 4) - 1) * 0.008),
      plantype: PLANTYPES[i % PLANTYPES.length],
      vertrouwelijkheid: i % 3 === 0 ? 'openbaar' : i % 3 === 1 ? 'provincie' : 'gemeente',
      cbsGemeentecode: 'GM0193',
      sleutelproject: i === 0,
      knelpunten: i % 4 === 1 ? ['netcongestie / nutsvoorzieningen'] : i % 4 === 2 ? ['stikstof', 'capaciteit overheid'] : [],
      [`planning.${jaar}`]: { 'meergezins.huur1': 10 + i * 2, 'meergezins.huur3': 8, 'eengezins.koop2': 6 },
      [`planning.${jaar + 1}`]: { 'meergezins.koop4': 12, 'eengezins.koop_onb': 4 },
    } as Parameters<typeof setProjectFields>[3]);
  });
}
