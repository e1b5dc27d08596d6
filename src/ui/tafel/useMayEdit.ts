// Ownership questions for the UI: may this lid edit, create, remove? And who owns a field?
// Every editable control asks one of these before it offers an edit (nothing the relay would
// reject is ever offered).

import { useCallback } from 'react';
import type * as Y from 'yjs';
import { type RootName } from '../../model';
import { docRuleState } from '../../ownership/ruleState';
import { mayCreate, mayEditField, mayRemove, type Actor, type Decision } from '../../ownership/rulebook';
import { strings } from '../strings';
import { errorText } from '../codeText';
import { fieldOwner, type FieldOwner } from '../../ownership/rulebook';
import { useRead } from './useRead';
import { useTafel } from './useTafel';

const NO_ACTOR: Decision = { ok: false, code: 'not-a-member', message: 'not a lid of this tafel (yet)' };

const sameDecision = (a: Decision, b: Decision) =>
  a.ok === b.ok && (a.ok || b.ok || (a.code === b.code && a.message === b.message));

export function useMayEdit(root: RootName, entityId: string | null, key: string): Decision {
  const { actor } = useTafel();
  return useRead((doc) => (actor ? mayEditField(docRuleState(doc), actor, root, entityId, key) : NO_ACTOR), [actor, root, entityId, key], sameDecision);
}

export function useMayCreate(root: RootName): Decision {
  const { actor } = useTafel();
  return useRead((doc) => (actor ? mayCreate(docRuleState(doc), actor, root) : NO_ACTOR), [actor, root], sameDecision);
}

export function useMayRemove(root: RootName, entityId: string): Decision {
  const { actor } = useTafel();
  return useRead((doc) => (actor ? mayRemove(docRuleState(doc), actor, root, entityId) : NO_ACTOR), [actor, root, entityId], sameDecision);
}

const sameOwner = (a: FieldOwner, b: FieldOwner) => JSON.stringify(a) === JSON.stringify(b);

export function useFieldOwner(root: RootName, entityId: string | null, key: string): FieldOwner {
  return useRead((doc) => fieldOwner(docRuleState(doc), root, entityId, key), [root, entityId, key], sameOwner);
}

/**
 * Runs a model operation with the current doc and actor. Returns null when it was applied, or the
 * Dutch error message to show next to the control (the operation changed nothing then, and the
 * caller keeps what the user typed).
 */
export function useWrite(): (op: (doc: Y.Doc, actor: Actor) => void) => string | null {
  const { doc, actor } = useTafel();
  return useCallback(
    (op) => {
      if (!actor) return strings.errors.eigenaar['not-a-member'];
      try {
        op(doc, actor);
        return null;
      } catch (e) {
        return errorText(e);
      }
    },
    [doc, actor],
  );
}
