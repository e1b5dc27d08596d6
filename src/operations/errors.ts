// Typed errors of the model's operations. An operation that throws has changed nothing.

import type { ValueProblem } from '../model/values';
import type { ViolationCode } from '../ownership/rulebook';

/** The actor may not make this change (ownership, role, frozen data). */
export class OwnershipError extends Error {
  override readonly name = 'OwnershipError';
  constructor(
    readonly code: ViolationCode,
    message: string,
    readonly path: readonly string[],
  ) {
    super(`${path.join('/')}: ${message}`);
  }
}

/** The value is not allowed for this field (type, list, range, size); `problem` says what, as a code. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly problem: ValueProblem,
    readonly path: readonly string[],
  ) {
    super(`${path.join('/')}: ${problem.message}`);
  }
}

/** The entity the operation names does not exist (anymore). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(readonly path: readonly string[]) {
    super(`${path.join('/')}: not found`);
  }
}
