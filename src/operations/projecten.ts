// Operations on the planmonitor's projects.

import type * as Y from 'yjs';
import type { Actor } from '../ownership/rulebook';
import { ValidationError } from './errors';
import { OPLEVERING_PREFIX, PLANNING_PREFIX, PROJECT_PRIVAAT_FIELDS, PROJECT_PUBLIEK_FIELDS } from '../model/schema';
import { isJaarschijf, problem } from '../model/values';
import { JAARSCHIJF_MAX, JAARSCHIJF_MIN } from '../model/vocabulary';
import { createEntity, deleteEntity, deleteFields, setFields } from './core';

export type ProjectPubliekVeld = keyof typeof PROJECT_PUBLIEK_FIELDS;
export type ProjectPrivaatVeld = keyof typeof PROJECT_PRIVAAT_FIELDS;
export type ProjectVeld = ProjectPubliekVeld | ProjectPrivaatVeld;

export interface NewProject {
  readonly naam: string;
  /** An overheid partij; a lid of an overheid partij may only name their own. */
  readonly publiekEigenaar: string;
  readonly privaatEigenaar?: string | null;
  readonly publiek?: Partial<Record<ProjectPubliekVeld, unknown>>;
}

export function createProject(doc: Y.Doc, actor: Actor, p: NewProject): string {
  return createEntity(doc, actor, 'projecten', {
    ...p.publiek,
    naam: p.naam,
    publiekEigenaar: p.publiekEigenaar,
    ...(p.privaatEigenaar !== undefined ? { privaatEigenaar: p.privaatEigenaar } : {}),
  });
}

export function setProjectField(doc: Y.Doc, actor: Actor, projectId: string, field: ProjectVeld, value: unknown): void {
  setFields(doc, actor, 'projecten', projectId, { [field]: value });
}

export function setProjectFields(doc: Y.Doc, actor: Actor, projectId: string, values: Partial<Record<ProjectVeld, unknown>>): void {
  setFields(doc, actor, 'projecten', projectId, values);
}

/** Planned opleveringen for one jaarschijf; null removes the year from the planning. */
export function setOplevering(doc: Y.Doc, actor: Actor, projectId: string, jaarschijf: number, woningen: number | null): void {
  if (!isJaarschijf(jaarschijf)) throw new ValidationError(problem('not-jaarschijf', 'not a jaarschijf', { min: JAARSCHIJF_MIN, max: JAARSCHIJF_MAX }), ['projecten', projectId, `${OPLEVERING_PREFIX}${jaarschijf}`]);
  const key = `${OPLEVERING_PREFIX}${jaarschijf}`;
  if (woningen === null) deleteFields(doc, actor, 'projecten', projectId, [key]);
  else setFields(doc, actor, 'projecten', projectId, { [key]: woningen });
}

/**
 * The gemeente's planning grid for one jaartal (cell -> homes; cells left out are zero, so zeros
 * are not stored); null removes the year. Written as one value, so one edit is one undo step.
 * Only the project's public owner may write it (the rulebook: the grid is part of the public part).
 */
export function setPlanningJaar(doc: Y.Doc, actor: Actor, projectId: string, jaar: number, cellen: Readonly<Record<string, number>> | null): void {
  const key = `${PLANNING_PREFIX}${jaar}`;
  if (!isJaarschijf(jaar)) throw new ValidationError(problem('not-jaarschijf', 'not a jaarschijf', { min: JAARSCHIJF_MIN, max: JAARSCHIJF_MAX }), ['projecten', projectId, key]);
  if (cellen === null) return deleteFields(doc, actor, 'projecten', projectId, [key]);
  setFields(doc, actor, 'projecten', projectId, { [key]: Object.fromEntries(Object.entries(cellen).filter(([, n]) => n !== 0)) });
}

/** The chair moves a project to another public owner. */
export function setPubliekEigenaar(doc: Y.Doc, actor: Actor, projectId: string, partijId: string): void {
  setFields(doc, actor, 'projecten', projectId, { publiekEigenaar: partijId });
}

/** The chair or the public owner assigns (or clears, with null) the developing partij. */
export function setPrivaatEigenaar(doc: Y.Doc, actor: Actor, projectId: string, partijId: string | null): void {
  setFields(doc, actor, 'projecten', projectId, { privaatEigenaar: partijId });
}

export function removeProject(doc: Y.Doc, actor: Actor, projectId: string): void {
  deleteEntity(doc, actor, 'projecten', projectId);
}
