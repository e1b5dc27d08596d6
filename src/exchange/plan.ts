// The preview of an import: per row what would be created, changed, left alone or refused, and
// why, computed against the tafel as it is and judged by the ownership rulebook for the lid who
// imports. Nothing is written here; apply.ts writes exactly the plan's changes (a dry run stops here).
//
// Matching: a row belongs to the project that carries its external id (source system + id); else
// to the one project with the same naam in the same gemeente (shown as "op naam" so the lid can
// check it before applying). Only values that differ from what the tafel holds are written, so an
// import of the same file a second time changes, and sends, nothing.

import type * as Y from 'yjs';
import { docRuleState } from '../ownership/ruleState';
import { fieldSpec, OPLEVERING_PREFIX, PLANNING_PREFIX } from '../model/schema';
import type { ExternId } from '../model/monitorValues';
import { entityIds } from '../model/doc';
import { readProject, readProjecten, type Project } from '../model/reads';
import { mayCreate, mayEditField, type Actor, type RuleState } from '../ownership/rulebook';
import type { ImportRij } from './mapRows';
import { IMPORT_VELDEN_PRIVAAT } from './columns';
import type { CellProblem, Refusal } from './problems';
import { AAN_TAFEL_BRON } from './export/rows';
import { inPlakken, type PlakOpties } from './slices';
import { woorden } from './words';

export type RijStatus = 'nieuw' | 'wijzigen' | 'ongewijzigd' | 'geweigerd';

export interface Wijziging {
  /** the document key: a field, "planning.<jaar>" or "oplevering.<jaar>" */
  readonly key: string;
  readonly oud: unknown;
  readonly nieuw: unknown;
}

export interface RijPlan {
  readonly nummer: number;
  readonly naam: string;
  readonly status: RijStatus;
  /** the matched project; null for a new one or a refused row without a match */
  readonly projectId: string | null;
  readonly gekoppeldOp: 'externId' | 'naam' | null;
  readonly wijzigingen: readonly Wijziging[];
  /** fields (or the whole row) the lid may not write: listed, never written */
  readonly geweigerd: readonly Refusal[];
  /** cells that could not be read */
  readonly problemen: readonly CellProblem[];
}

export interface ImportPlan {
  readonly bron: string;
  readonly rijen: readonly RijPlan[];
  readonly telling: Readonly<Record<RijStatus, number>>;
  /** rows with at least one refusal or unreadable cell */
  readonly metProblemen: number;
}

export interface PlanOpties {
  readonly bron: string;
  /** the public owner of new projects: the lid's own partij for a gemeente; the chair chooses */
  readonly publiekEigenaar: string;
  /** match on naam + gemeente when no external id matches (default true) */
  readonly koppelOpNaam?: boolean;
}

const PRIVAAT = new Set<string>(IMPORT_VELDEN_PRIVAAT);

function naamSleutel(naam: unknown, gemeente: unknown): string {
  return `${woorden(naam)}|${woorden(gemeente)}`;
}

function gelijk(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The value the document holds for a key, as the import would compare it. */
function huidig(p: Project, key: string): unknown {
  if (key.startsWith(PLANNING_PREFIX)) return p.planning[Number(key.slice(PLANNING_PREFIX.length))];
  if (key.startsWith(OPLEVERING_PREFIX)) return p.opleveringen[Number(key.slice(OPLEVERING_PREFIX.length))];
  return (p as unknown as Record<string, unknown>)[key];
}

/** The writes a row asks for (key -> value), before comparing or judging them. */
function gewenst(rij: ImportRij, p: Project | undefined, bron: string): Map<string, { waarde: unknown; kolom: string }> {
  const out = new Map<string, { waarde: unknown; kolom: string }>();
  for (const [veld, waarde] of Object.entries(rij.velden)) out.set(veld, { waarde, kolom: veld });
  for (const [jaar, cellen] of Object.entries(rij.planning)) {
    // The file's cells replace those it names; cells it does not name stay as the tafel has them.
    out.set(`${PLANNING_PREFIX}${jaar}`, { waarde: { ...(p?.planning[Number(jaar)] ?? {}), ...cellen }, kolom: `planning ${jaar}` });
  }
  for (const [jaar, n] of Object.entries(rij.opleveringen)) out.set(`${OPLEVERING_PREFIX}${jaar}`, { waarde: n, kolom: `oplevering ${jaar}` });
  if (rij.externId !== null && bron !== '' && !(bron === AAN_TAFEL_BRON && p?.id === rij.externId)) {
    const ids: ExternId[] = [...(p?.externeIds ?? [])];
    if (!ids.some((e) => e.bron === bron && e.id === rij.externId)) ids.push({ bron, id: rij.externId });
    out.set('externeIds', { waarde: ids, kolom: 'externId' });
  }
  return out;
}

function isPrivaat(key: string): boolean {
  return PRIVAAT.has(key) || key.startsWith(OPLEVERING_PREFIX);
}

/** Plans rows one at a time against projects made known to it one at a time (so the app can do both in slices). */
function maakPlanner(state: RuleState, actor: Actor, opties: PlanOpties) {
  const opExternId = new Map<string, Project>();
  const opNaam = new Map<string, Project[]>();
  const eigenId = new Map<string, Project>();
  const mayCreateProject = mayCreate(state, actor, 'projecten');
  const gezien = new Set<string>();
  const plannen: RijPlan[] = [];

  const kenProject = (p: Project) => {
    for (const e of p.externeIds) opExternId.set(`${e.bron}\u0000${e.id}`, p);
    const k = naamSleutel(p.naam, p.gemeente);
    const zelfdeNaam = opNaam.get(k);
    if (zelfdeNaam) zelfdeNaam.push(p);
    else opNaam.set(k, [p]);
    eigenId.set(p.id, p);
  };

  const planRij = (rij: ImportRij): RijPlan => {
    const naam = typeof rij.velden.naam === 'string' ? rij.velden.naam : '';
    let project: Project | undefined;
    let gekoppeldOp: RijPlan['gekoppeldOp'] = null;
    if (rij.externId !== null) {
      // An export of this tafel carries the projects' own ids.
      project = opExternId.get(`${opties.bron}\u0000${rij.externId}`) ?? (opties.bron === AAN_TAFEL_BRON ? eigenId.get(rij.externId) : undefined);
      if (project) gekoppeldOp = 'externId';
    }
    const base = { nummer: rij.nummer, problemen: rij.problemen };
    if (!project && naam !== '' && opties.koppelOpNaam !== false) {
      const kandidaten = opNaam.get(naamSleutel(naam, rij.velden.gemeente ?? '')) ?? [];
      if (kandidaten.length > 1) {
        return { ...base, naam, status: 'geweigerd', projectId: null, gekoppeldOp: null, wijzigingen: [], geweigerd: [{ code: 'meerdere-projecten' }] };
      }
      project = kandidaten[0];
      if (project) gekoppeldOp = 'naam';
    }
    const identiteit = project ? project.id : `nieuw:${naamSleutel(naam, rij.velden.gemeente ?? '')}`;
    if (gezien.has(identiteit)) {
      return { ...base, naam: naam || project?.naam || '', status: 'geweigerd', projectId: project?.id ?? null, gekoppeldOp, wijzigingen: [], geweigerd: [{ code: 'dubbel-in-bestand' }] };
    }
    gezien.add(identiteit);

    if (!project) {
      if (naam === '') return { ...base, naam, status: 'geweigerd', projectId: null, gekoppeldOp: null, wijzigingen: [], geweigerd: [{ code: 'naam-ontbreekt' }] };
      if (!mayCreateProject.ok) {
        const code = mayCreateProject.code === 'read-only' ? 'alleen-lezen' : 'mag-geen-project-maken';
        return { ...base, naam, status: 'geweigerd', projectId: null, gekoppeldOp: null, wijzigingen: [], geweigerd: [{ code }] };
      }
    }

    const wijzigingen: Wijziging[] = [];
    const geweigerd: Refusal[] = [];
    for (const [key, { waarde, kolom }] of gewenst(rij, project, opties.bron)) {
      const oud = project ? huidig(project, key) : undefined;
      if (project && gelijk(oud, waarde)) continue;
      const spec = fieldSpec('projecten', key);
      if (!spec || spec.kind !== 'plain' || spec.type.check(waarde) !== null) {
        geweigerd.push({ code: 'ongeldige-waarde', kolom });
        continue;
      }
      if (!project) {
        // A new project gets its public part from its creator; its private part has no owner yet.
        if (isPrivaat(key)) geweigerd.push({ code: 'geen-privaat-eigenaar', kolom });
        else wijzigingen.push({ key, oud: undefined, nieuw: waarde });
        continue;
      }
      const d = mayEditField(state, actor, 'projecten', project.id, key);
      if (d.ok) wijzigingen.push({ key, oud, nieuw: waarde });
      else if (d.code === 'read-only' || d.code === 'not-a-member') geweigerd.push({ code: 'alleen-lezen', kolom });
      else if (isPrivaat(key)) geweigerd.push({ code: project.privaatEigenaar ? 'niet-eigenaar-privaat' : 'geen-privaat-eigenaar', kolom });
      else geweigerd.push({ code: 'niet-eigenaar-publiek', kolom });
    }
    // The original texts go with the values that are written; a refused value is listed already.
    const bron = Object.entries(rij.bronwaarden).filter(([veld]) => wijzigingen.some((w) => w.key === veld));
    if (bron.length > 0) {
      const nieuw = { ...(project?.bronwaarden ?? {}), ...Object.fromEntries(bron) };
      if (!project || !gelijk(project.bronwaarden, nieuw)) wijzigingen.push({ key: 'bronwaarden', oud: project?.bronwaarden, nieuw });
    }
    const status: RijStatus = !project ? 'nieuw' : wijzigingen.length > 0 ? 'wijzigen' : geweigerd.length > 0 ? 'geweigerd' : 'ongewijzigd';
    return { ...base, naam: naam || project?.naam || '', status, projectId: project?.id ?? null, gekoppeldOp, wijzigingen, geweigerd };
  };

  return {
    kenProject,
    rij: (rij: ImportRij) => void plannen.push(planRij(rij)),
    plan(): ImportPlan {
      const telling: Record<RijStatus, number> = { nieuw: 0, wijzigen: 0, ongewijzigd: 0, geweigerd: 0 };
      for (const r of plannen) telling[r.status]++;
      return {
        bron: opties.bron,
        rijen: plannen,
        telling,
        metProblemen: plannen.filter((r) => r.geweigerd.length > 0 || r.problemen.length > 0).length,
      };
    },
  };
}

export function planImport(doc: Y.Doc, actor: Actor, rijen: readonly ImportRij[], opties: PlanOpties): ImportPlan {
  const planner = maakPlanner(docRuleState(doc), actor, opties);
  for (const p of readProjecten(doc)) planner.kenProject(p);
  for (const rij of rijen) planner.rij(rij);
  return planner.plan();
}

/**
 * The same plan, made in slices on the page's main thread (the tafel's document lives there): first
 * the tafel's projects are read, then the rows are planned, a few milliseconds at a time.
 */
export async function planImportInPlakken(doc: Y.Doc, actor: Actor, rijen: readonly ImportRij[], opties: PlanOpties, plakken: PlakOpties = {}): Promise<ImportPlan> {
  const planner = maakPlanner(docRuleState(doc), actor, opties);
  const ids = entityIds(doc, 'projecten');
  const totaal = ids.length + rijen.length;
  await inPlakken(
    totaal,
    (van, genoeg) => {
      let i = van;
      do {
        if (i < ids.length) {
          const p = readProject(doc, ids[i]!);
          if (p) planner.kenProject(p);
        } else planner.rij(rijen[i - ids.length]!);
        i++;
      } while (i < totaal && !genoeg());
      return i;
    },
    plakken,
  );
  return planner.plan();
}

/** The public owner new projects get by default: the lid's own partij when it is an overheid partij; the chair chooses. */
export function standaardEigenaar(state: RuleState, actor: Actor): string | null {
  return state.partijBloedgroep(actor.partijId) === 'overheid' ? actor.partijId : null;
}
