// Whose is a field? The rulebook answers "may I?"; this answers "who may?", so a locked field can
// say whose it is ("Alleen Gemeente Zwolle kan dit wijzigen"). Derived from the schema's writer
// rule of the field and the owner fields of the entity, exactly as the rulebook reads them.

import { fieldSpec, type RootName } from '../../model';
import type { RuleState } from '../../ownership/rulebook';

export type FieldOwner =
  /** A partij (and, with orChair, also the voorzitter/secretaris). partijId null: not assigned yet. */
  | { readonly kind: 'partij'; readonly partijId: string | null; readonly orChair: boolean }
  | { readonly kind: 'chair' }
  | { readonly kind: 'iedereen' }
  | { readonly kind: 'system' }
  /** A comment: only whoever wrote it. */
  | { readonly kind: 'auteur' };

/** The entity field holding the owning partij, per writer rule. */
const OWNER_FIELD: Readonly<Record<string, { field: string; orChair: boolean }>> = {
  projectPubliek: { field: 'publiekEigenaar', orChair: false },
  projectPrivaat: { field: 'privaatEigenaar', orChair: false },
  eigenaarPrivaat: { field: 'publiekEigenaar', orChair: true },
  knelpuntIndiener: { field: 'ingediendDoor', orChair: false },
  knelpuntStatus: { field: 'ingediendDoor', orChair: true },
  agendapuntIndiener: { field: 'voorgesteldDoor', orChair: true },
  afspraakPartij: { field: 'partijId', orChair: true },
};

/** The entity field that names the partij owning `key` (e.g. a project's privaatEigenaar), or null. */
export function ownerFieldOf(root: RootName, key: string): string | null {
  const spec = fieldSpec(root, key);
  return spec ? (OWNER_FIELD[spec.writer]?.field ?? null) : null;
}

export function fieldOwner(state: RuleState, root: RootName, entityId: string | null, key: string): FieldOwner {
  const spec = fieldSpec(root, key);
  if (!spec) return { kind: 'system' };
  const rule = spec.writer;
  if (rule === 'chair') return { kind: 'chair' };
  if (rule === 'system') return { kind: 'system' };
  if (rule === 'iedereen') return { kind: 'iedereen' };
  if (rule === 'reactieAuteur') return { kind: 'auteur' };
  const owner = OWNER_FIELD[rule];
  if (!owner || entityId === null) return { kind: 'system' };
  const value = state.fieldValue(root, entityId, owner.field);
  return { kind: 'partij', partijId: typeof value === 'string' && value ? value : null, orChair: owner.orChair };
}
