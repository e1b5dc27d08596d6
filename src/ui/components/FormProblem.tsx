// The message of one form field (formCheck.ts), next to the field, announced when it appears;
// the message of a whole form (a write that failed), likewise; and the length hint of a text with
// a limit. Inputs point at a field's message and hint with aria-describedby.

import { lengthHint } from './formCheck';

export function FormProblem({ id, problem }: { id: string; problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p className="field-error" id={`${id}-err`} role="alert">
      {problem}
    </p>
  );
}

/** What went wrong with the form as a whole (a refused write), announced when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}

export function LengthHint({ id, value, max }: { id: string; value: string; max: number }) {
  const hint = lengthHint(value, max);
  return (
    <p className={`field-hint${value.trim().length > max ? ' is-over' : ''}`} id={`${id}-len`} aria-live="polite">
      {hint}
    </p>
  );
}

/** aria attributes for an input with a possible problem and length hint. */
export function problemAria(id: string, problem: string | undefined, withLength = false) {
  const describedBy = [problem ? `${id}-err` : '', withLength ? `${id}-len` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': problem ? true : undefined, ...(describedBy ? { 'aria-describedby': describedBy } : {}) } as const;
}
