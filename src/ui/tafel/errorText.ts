// A thrown error of a model operation, as a Dutch sentence for next to the field. The model's
// messages are English (for logs and tests); the user reads these.

import { NotFoundError, OwnershipError, ValidationError } from '../../model';
import { strings } from '../strings';

const W = strings.errors.waarde;

/** Maps the model's value-check messages (src/model/values.ts) to Dutch. */
function validationText(message: string): string {
  if (/must not be empty|at least \d+ characters|required/.test(message)) return W.leeg;
  const tooLong = /longer than (\d+) characters/.exec(message);
  if (tooLong) return W.teLang(Number(tooLong[1]));
  if (/non-negative integer|is not a count|expected an integer/.test(message)) {
    const between = /integer (\d+)\.\.(\d+)/.exec(message);
    return between ? W.tussen(Number(between[1]), Number(between[2])) : W.geenGetal;
  }
  if (/jaarschijf|years 2000-2100/.test(message)) return W.geenJaar;
  if (/quarter/.test(message)) return W.geenKwartaal;
  if (/date/.test(message)) return W.geenDatum;
  if (/probabilit|number 0\.\.1/.test(message)) return W.geenKans;
  if (/CBS gemeentecode/.test(message)) return strings.monitor.geenCbsCode;
  if (/entries|non-empty strings/.test(message)) return W.tekeens;
  return W.algemeen;
}

export function errorText(e: unknown): string {
  if (e instanceof OwnershipError) return strings.errors.eigenaar[e.code] ?? strings.errors.onverwacht;
  if (e instanceof ValidationError) return validationText(e.message);
  if (e instanceof NotFoundError) return strings.errors.nietGevonden;
  return strings.errors.onverwacht;
}
