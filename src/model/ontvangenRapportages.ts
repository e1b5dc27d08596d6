// At the landelijke tafel: the summaries of vastgestelde rapportages that linked regional tafels
// sent (docs/network.md, docs/rapportage.md), read-only, and the landsdeel lid's overview that sets
// each region's latest koersoordeel and key figures side by side.

import * as Y from 'yjs';
import { root } from './doc';
import { landsdeelOverzicht, type LandsdeelRegio } from './netwerkReads';
import type { Landsdeel } from './netwerk';
import type { RapportageSamenvatting } from './rapportage';
import { fieldsOf, type Fields } from './reads';

export interface OntvangenRapportage {
  readonly id: string;
  readonly bron: {
    readonly tafelId: string;
    readonly tafelNaam: string;
    readonly landsdeel: Landsdeel | null;
    readonly rapportageId: string;
    /** The chair who set it vastgesteld. */
    readonly vastgesteldDoor: string;
  };
  /** null when the stored summary has a shape this version does not know. */
  readonly samenvatting: RapportageSamenvatting | null;
  readonly ontvangenOp: number;
  readonly koppelingBeeindigd: number | null;
  readonly provenance: Fields['provenance'];
}

function build(id: string, f: Fields): OntvangenRapportage {
  const s = f.get<RapportageSamenvatting | null>('samenvatting', null);
  return {
    id,
    bron: f.get('bron', { tafelId: '', tafelNaam: '', landsdeel: null, rapportageId: id, vastgesteldDoor: '' }),
    samenvatting: s && s.versie === 1 ? s : null,
    ontvangenOp: f.get('ontvangenOp', 0),
    koppelingBeeindigd: f.get('koppelingBeeindigd', null),
    provenance: f.provenance,
  };
}

/** Newest half year first; within one, the latest arrival first. */
export function readOntvangenRapportages(doc: Y.Doc): OntvangenRapportage[] {
  const out: OntvangenRapportage[] = [];
  for (const [id, map] of root(doc, 'ontvangenRapportages').entries()) {
    if (map instanceof Y.Map) out.push(Object.freeze(build(id, fieldsOf('ontvangenRapportages', map))));
  }
  return out.sort((a, b) => (b.samenvatting?.periode ?? '').localeCompare(a.samenvatting?.periode ?? '') || b.ontvangenOp - a.ontvangenOp || a.id.localeCompare(b.id));
}

export function readOntvangenRapportage(doc: Y.Doc, id: string): OntvangenRapportage | undefined {
  const map = root(doc, 'ontvangenRapportages').get(id);
  return map instanceof Y.Map ? Object.freeze(build(id, fieldsOf('ontvangenRapportages', map))) : undefined;
}

/** The latest rapportage a tafel sent: the newest half year (a readable summary only). */
export function laatsteRapportageVan(doc: Y.Doc, tafelId: string): OntvangenRapportage | null {
  return readOntvangenRapportages(doc).find((r) => r.bron.tafelId === tafelId && r.samenvatting !== null) ?? null;
}

export interface LandsdeelKoers extends LandsdeelRegio {
  /** The region's latest vastgestelde rapportage; null: none arrived yet. */
  readonly rapportage: OntvangenRapportage | null;
}

/** The landsdeel lid's overview with each region's latest koersoordeel and key figures. */
export function landsdeelKoers(doc: Y.Doc, landsdeel: Landsdeel): LandsdeelKoers[] {
  const rapportages = readOntvangenRapportages(doc).filter((r) => r.samenvatting !== null);
  return landsdeelOverzicht(doc, landsdeel).map((regio) => ({
    ...regio,
    rapportage: rapportages.find((r) => r.bron.tafelId === regio.koppeling.andereTafelId) ?? null,
  }));
}
