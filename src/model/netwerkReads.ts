// Typed reads of the network parts of a tafel document (docs/network.md): where the tafel sits,
// its links, the escalations it sent up, and at the landelijke tafel the register of escalations
// it received, its cross-region rode draden and each landsdeel lid's overview.

import * as Y from 'yjs';
import { root } from './doc';
import { fieldsOf, readLeden, readProject, totaalWoningen, readKnelpunt, type Fields, type Lid } from './reads';
import { REACTIE_PREFIX, type RootName } from './schema';
import { EXTERN_PREFIX } from './netwerkSchema';
import {
  DEFAULT_LANDELIJKE_RODE_DRAAD_DREMPEL,
  landsdeelVan,
  OPEN_ESCALATIE_STATUSSEN,
  type EscalatieDoel,
  type EscalatieStatus,
  type KoppelingStatus,
  type Landsdeel,
  type Provincie,
  type Tafelsoort,
} from './netwerk';

export interface NetwerkPlek {
  readonly soort: Tafelsoort;
  readonly provincies: readonly Provincie[];
  readonly woondealregio: string;
  readonly bovenTafel: string;
  /** Follows from the provinces (regional and local tafels); null for the landelijke tafel. */
  readonly landsdeel: Landsdeel | null;
  readonly landelijkeRodeDraadDrempel: number;
}

export function readNetwerkPlek(doc: Y.Doc): NetwerkPlek {
  const f = fieldsOf('tafel', root(doc, 'tafel'));
  const soort = f.get<Tafelsoort>('soort', 'regionaal');
  const provincies = f.get<Provincie[]>('provincies', []);
  return Object.freeze({
    soort,
    provincies,
    woondealregio: f.get('woondealregio', ''),
    bovenTafel: f.get('bovenTafel', ''),
    landsdeel: soort === 'landelijk' ? null : landsdeelVan(provincies),
    landelijkeRodeDraadDrempel: f.get('landelijkeRodeDraadDrempel', DEFAULT_LANDELIJKE_RODE_DRAAD_DREMPEL),
  });
}

export interface Koppeling {
  readonly id: string;
  readonly andereTafelId: string;
  readonly andereNaam: string;
  readonly andereSoort: Tafelsoort;
  readonly andereLandsdeel: Landsdeel | null;
  readonly status: KoppelingStatus;
  readonly sinds: number;
}

function entities<T>(doc: Y.Doc, rootName: RootName, build: (id: string, f: Fields) => T): T[] {
  const out: T[] = [];
  for (const [id, map] of root(doc, rootName).entries()) if (map instanceof Y.Map) out.push(Object.freeze(build(id, fieldsOf(rootName, map))));
  return out;
}

const buildKoppeling = (id: string, f: Fields): Koppeling => ({
  id,
  andereTafelId: f.get('andereTafelId', ''),
  andereNaam: f.get('andereNaam', ''),
  andereSoort: f.get('andereSoort', 'regionaal'),
  andereLandsdeel: f.get('andereLandsdeel', null),
  status: f.get('status', 'beeindigd'),
  sinds: f.get('sinds', 0),
});

export function readKoppelingen(doc: Y.Doc): Koppeling[] {
  return entities(doc, 'koppelingen', buildKoppeling).sort((a, b) => a.andereNaam.localeCompare(b.andereNaam, 'nl'));
}

/** One message of the thread on an escalation: written here (a lid) or carried from the other tafel. */
export interface DraadBericht {
  readonly id: string;
  readonly tekst: string;
  readonly at: number;
  /** Written here: the lid's id. */
  readonly by: string | null;
  /** Carried from the other tafel: who and which tafel. */
  readonly extern: { readonly naam: string; readonly tafel: string } | null;
}

function draad(f: Fields): DraadBericht[] {
  const out: DraadBericht[] = [];
  for (const key of f.keys) {
    const prov = f.provenance[key];
    if (!prov) continue;
    if (key.startsWith(REACTIE_PREFIX)) {
      out.push({ id: key.slice(REACTIE_PREFIX.length), tekst: f.get(key, { tekst: '' }).tekst, at: prov.at, by: prov.by, extern: null });
    } else if (key.startsWith(EXTERN_PREFIX)) {
      const e = f.get(key, { tekst: '', naam: '', tafel: '', op: 0 });
      out.push({ id: key.slice(EXTERN_PREFIX.length), tekst: e.tekst, at: e.op, by: null, extern: { naam: e.naam, tafel: e.tafel } });
    }
  }
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export interface Terugmelding {
  readonly status: EscalatieStatus;
  readonly antwoord: string;
  readonly lid: string;
  readonly tafel: string;
  readonly op: number;
}

/** The relay's note at the source of what it carries up the ladder: arrived, or no link to carry it. */
export interface Bezorging {
  readonly status: 'bezorgd' | 'geen koppeling';
  readonly tafelId: string;
  readonly tafel: string;
  readonly op: number;
}

/** An escalation this tafel sent up the ladder. */
export interface Escalatie {
  readonly id: string;
  readonly knelpuntId: string;
  readonly niveau: EscalatieDoel;
  readonly gevraagd: string;
  readonly waarom: string;
  readonly gedeeld: string;
  readonly projecten: readonly string[];
  readonly handmatigeStatus: EscalatieStatus | null;
  readonly afsluiting: { readonly opgelost: boolean; readonly toelichting: string } | null;
  readonly bezorging: Bezorging | null;
  readonly terugmelding: Terugmelding | null;
  readonly koppelingBeeindigd: number | null;
  readonly draad: readonly DraadBericht[];
  readonly provenance: Fields['provenance'];
}

const buildEscalatie = (id: string, f: Fields): Escalatie => ({
  id,
  knelpuntId: f.get('knelpuntId', ''),
  niveau: f.get('niveau', 'landelijke versnellingstafel'),
  gevraagd: f.get('gevraagd', ''),
  waarom: f.get('waarom', ''),
  gedeeld: f.get('gedeeld', ''),
  projecten: f.get('projecten', []),
  handmatigeStatus: f.get('handmatigeStatus', null),
  afsluiting: f.get('afsluiting', null),
  bezorging: f.get('bezorging', null),
  terugmelding: f.get('terugmelding', null),
  koppelingBeeindigd: f.get('koppelingBeeindigd', null),
  draad: draad(f),
  provenance: f.provenance,
});

export function readEscalaties(doc: Y.Doc): Escalatie[] {
  return entities(doc, 'escalaties', buildEscalatie).sort((a, b) => (a.provenance.niveau?.at ?? 0) - (b.provenance.niveau?.at ?? 0));
}

export function readEscalatie(doc: Y.Doc, id: string): Escalatie | undefined {
  const map = root(doc, 'escalaties').get(id);
  return map instanceof Y.Map ? Object.freeze(buildEscalatie(id, fieldsOf('escalaties', map))) : undefined;
}

export function escalatiesVanKnelpunt(doc: Y.Doc, knelpuntId: string): Escalatie[] {
  return readEscalaties(doc).filter((e) => e.knelpuntId === knelpuntId);
}

/** The status an escalation has now: from the landelijke tafel, or as kept by hand. */
export function escalatieStatus(e: Escalatie): EscalatieStatus | null {
  return e.terugmelding?.status ?? e.handmatigeStatus ?? null;
}

export interface PubliekProject {
  readonly naam: string;
  readonly gemeente: string;
  readonly planstatus: string;
  readonly woningen: number;
}

/** An escalation as it arrived at the landelijke tafel. */
export interface OntvangenEscalatie {
  readonly id: string;
  readonly bron: { readonly tafelId: string; readonly tafelNaam: string; readonly landsdeel: Landsdeel | null; readonly escalatieId: string };
  readonly knelpunt: { readonly titel: string; readonly beschrijving: string; readonly thema: string };
  readonly gevraagd: string;
  readonly waarom: string;
  readonly gedeeld: string;
  readonly projecten: readonly PubliekProject[];
  readonly ontvangenOp: number;
  readonly status: EscalatieStatus;
  readonly afsluiting: { readonly opgelost: boolean; readonly toelichting: string; readonly naam: string; readonly op: number } | null;
  readonly koppelingBeeindigd: number | null;
  readonly draad: readonly DraadBericht[];
  readonly provenance: Fields['provenance'];
}

const buildOntvangen = (id: string, f: Fields): OntvangenEscalatie => ({
  id,
  bron: f.get('bron', { tafelId: '', tafelNaam: '', landsdeel: null, escalatieId: '' }),
  knelpunt: f.get('knelpunt', { titel: '', beschrijving: '', thema: '' }),
  gevraagd: f.get('gevraagd', ''),
  waarom: f.get('waarom', ''),
  gedeeld: f.get('gedeeld', ''),
  projecten: f.get('projecten', []),
  ontvangenOp: f.get('ontvangenOp', 0),
  status: f.get('status', 'ontvangen'),
  afsluiting: f.get('afsluiting', null),
  koppelingBeeindigd: f.get('koppelingBeeindigd', null),
  draad: draad(f),
  provenance: f.provenance,
});

/** The register, newest first. */
export function readOntvangenEscalaties(doc: Y.Doc): OntvangenEscalatie[] {
  return entities(doc, 'ontvangenEscalaties', buildOntvangen).sort((a, b) => b.ontvangenOp - a.ontvangenOp || a.id.localeCompare(b.id));
}

export function readOntvangenEscalatie(doc: Y.Doc, id: string): OntvangenEscalatie | undefined {
  const map = root(doc, 'ontvangenEscalaties').get(id);
  return map instanceof Y.Map ? Object.freeze(buildOntvangen(id, fieldsOf('ontvangenEscalaties', map))) : undefined;
}

/** The lid of the landelijke tafel who is the contact for a landsdeel (the first, if the chair named two). */
export function lidVoorLandsdeel(doc: Y.Doc, landsdeel: Landsdeel | null): Lid | undefined {
  if (landsdeel === null) return undefined;
  return readLeden(doc).find((l) => l.landsdeel === landsdeel);
}

export function isOpen(e: { readonly status: EscalatieStatus }): boolean {
  return OPEN_ESCALATIE_STATUSSEN.includes(e.status);
}

/** A theme escalated from at least N regions (N: landelijkeRodeDraadDrempel). */
export interface LandelijkeRodeDraad {
  readonly thema: string;
  readonly regios: readonly string[];
  readonly escalaties: readonly OntvangenEscalatie[];
}

export function landelijkeRodeDraden(doc: Y.Doc): LandelijkeRodeDraad[] {
  const drempel = readNetwerkPlek(doc).landelijkeRodeDraadDrempel;
  const perThema = new Map<string, OntvangenEscalatie[]>();
  for (const e of readOntvangenEscalaties(doc)) {
    if (!e.knelpunt.thema) continue;
    perThema.set(e.knelpunt.thema, [...(perThema.get(e.knelpunt.thema) ?? []), e]);
  }
  const out: LandelijkeRodeDraad[] = [];
  for (const [thema, escalaties] of perThema) {
    const regios = [...new Set(escalaties.map((e) => e.bron.tafelNaam || e.bron.tafelId))].sort((a, b) => a.localeCompare(b, 'nl'));
    if (new Set(escalaties.map((e) => e.bron.tafelId)).size >= drempel) out.push({ thema, regios, escalaties });
  }
  return out.sort((a, b) => b.regios.length - a.regios.length || a.thema.localeCompare(b.thema, 'nl'));
}

/**
 * A landsdeel lid's overview: the linked regional tafels of their landsdeel, each with its open
 * escalations. `landsdeelKoers` (src/model/ontvangenRapportages.ts) adds each tafel's latest
 * half-yearly koersoordeel and key figures to this row.
 */
export interface LandsdeelRegio {
  readonly koppeling: Koppeling;
  readonly openEscalaties: readonly OntvangenEscalatie[];
}

export function landsdeelOverzicht(doc: Y.Doc, landsdeel: Landsdeel): LandsdeelRegio[] {
  const escalaties = readOntvangenEscalaties(doc);
  return readKoppelingen(doc)
    .filter((k) => k.andereLandsdeel === landsdeel && k.andereSoort !== 'landelijk' && k.status !== 'verzoek ontvangen' && k.status !== 'verzoek verstuurd')
    .map((koppeling) => ({ koppeling, openEscalaties: escalaties.filter((e) => e.bron.tafelId === koppeling.andereTafelId && isOpen(e)) }));
}

const INLINE = new Set(['hardBreak']);

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return (node.toDelta() as { insert?: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
  if (node.nodeName === 'hardBreak') return '\n';
  const children = node.toArray().filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
  const blocks = children.some((c) => c instanceof Y.XmlElement && !INLINE.has(c.nodeName));
  const text = children.map(textOf).join(blocks ? '\n' : '');
  return node.nodeName === 'listItem' ? `- ${text}` : text;
}

/** Plain text of a rich text (the answer travels back as text): one line per block. */
export function platteTekst(fragment: Y.XmlFragment | undefined): string {
  if (!fragment) return '';
  return fragment
    .toArray()
    .filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText)
    .map(textOf)
    .join('\n')
    .trim();
}

/**
 * What leaves the tafel with an escalation: the knelpunt, the request, and of the chosen projects
 * only their public part (name, gemeente, planstatus, woningen). Nothing private is read here.
 */
export interface EscalatieBericht {
  readonly escalatieId: string;
  readonly niveau: EscalatieDoel;
  readonly knelpunt: { readonly titel: string; readonly beschrijving: string; readonly thema: string };
  readonly gevraagd: string;
  readonly waarom: string;
  readonly gedeeld: string;
  readonly projecten: readonly PubliekProject[];
}

export function escalatieBericht(doc: Y.Doc, escalatieId: string): EscalatieBericht | undefined {
  const e = readEscalatie(doc, escalatieId);
  if (!e) return undefined;
  const k = readKnelpunt(doc, e.knelpuntId);
  const projecten: PubliekProject[] = [];
  for (const id of e.projecten) {
    const p = readProject(doc, id);
    if (p) projecten.push({ naam: p.naam, gemeente: p.gemeente, planstatus: p.planstatus ?? '', woningen: totaalWoningen(p) });
  }
  return {
    escalatieId,
    niveau: e.niveau,
    knelpunt: { titel: k?.titel ?? '', beschrijving: k?.beschrijving ?? '', thema: k?.thema ?? '' },
    gevraagd: e.gevraagd,
    waarom: e.waarom,
    gedeeld: e.gedeeld,
    projecten,
  };
}
