// Codes from the layers below, as the Dutch the user reads: thrown errors of the operations,
// the sync layer's notices and the causes and subjects of conflict entries. The one place where
// codes become text; the layers below speak codes (and English for logs).

import type { RootName } from '../model';
import type { ValueProblem } from '../model/values';
import { NotFoundError, OwnershipError, ValidationError } from '../operations';
import type { ConflictCause, ConflictSubject, SyncNotice } from '../sync';
import { strings } from './strings';
import { labelOfPath } from './fieldLabels';

const W = strings.errors.waarde;

/** What is wrong with a value (src/model/values.ts), as the user reads it next to the field. */
export function valueProblemText(p: ValueProblem): string {
  switch (p.code) {
    case 'empty':
      return W.leeg;
    case 'too-long':
      return W.teLang(p.params?.max ?? 0);
    case 'not-count':
      return W.geenGetal;
    case 'not-between':
      return W.tussen(p.params?.min ?? 0, p.params?.max ?? 0);
    case 'not-jaarschijf':
      return W.geenJaar;
    case 'not-quarter':
      return W.geenKwartaal;
    case 'not-date':
      return W.geenDatum;
    case 'not-probability':
      return W.geenKans;
    case 'too-many-entries':
    case 'bad-entries':
      return W.tekeens;
    case 'not-allowed':
      return W.algemeen;
  }
}

export function errorText(e: unknown): string {
  if (e instanceof OwnershipError) return strings.errors.eigenaar[e.code] ?? strings.errors.onverwacht;
  if (e instanceof ValidationError) return valueProblemText(e.problem);
  if (e instanceof NotFoundError) return strings.errors.nietGevonden;
  return strings.errors.onverwacht;
}

/** A sync notice (src/sync/codes.ts) as the banner says it. */
export function noticeText(n: SyncNotice): string {
  const h = strings.herstel;
  switch (n.code) {
    case 'copy-repaired':
      return h.kopieHersteld;
    case 'no-storage':
      return h.geenOpslag;
    case 'access-revoked':
      return h.toegangIngetrokken;
    case 'unknown-tafel':
      return h.tafelOnbekend;
    case 'connection-refused':
      return h.verbindingGeweigerd;
    case 'rejected-carried-over':
      return h.naWeigering(n.reapplied, n.conflicts);
    case 'unexpected':
      return strings.errors.onverwacht;
  }
}

/** Why a change landed in the conflict inbox, in Dutch. */
export function conflictReasonText(c: ConflictCause): string {
  const h = strings.herstel;
  switch (c.code) {
    case 'gone':
      return h.verwijderd;
    case 'rejected-again':
      return h.opnieuwGeweigerd;
    case 'concurrent':
      return h.tegelijkGewijzigd;
    case 'text-not-merged':
      return h.tekstNietSamengevoegd;
    case 'unreadable':
      return h.onleesbaar;
    case 'stored-text':
      return c.text;
    default:
      return strings.errors.eigenaar[c.code];
  }
}

function soort(root: RootName): string {
  return strings.herstel.soorten[root] ?? root;
}

/** "Project “Parkzicht”", or "Project" when it has no name. */
function entityText(root: RootName, naam: string | null): string {
  return naam === null ? soort(root) : `${soort(root)} “${naam}”`;
}

/** What a conflict is about, e.g. "Project “Parkzicht”: Start bouw" or "Nieuw: Knelpunt “Grond”". */
export function conflictSubjectText(s: ConflictSubject): string {
  switch (s.kind) {
    case 'field':
      return `${entityText(s.root, s.naam)}: ${labelOfPath(s.root, s.key)}`;
    case 'setting':
      return `${soort(s.root)}: ${labelOfPath(s.root, s.key)}`;
    case 'new':
      return strings.herstel.nieuw(entityText(s.root, s.naam));
    case 'removal':
      return strings.herstel.verwijderen(entityText(s.root, s.naam));
    case 'list':
      return soort(s.root);
    case 'local-changes':
      return strings.herstel.lokaleWijzigingen;
    case 'stored-text':
      return s.label;
  }
}
