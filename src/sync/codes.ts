// What the sync layer tells the UI, as codes with parameters: the notices in a session's status
// and the cause and subject of a conflict entry. The UI turns them into Dutch (src/ui/codeText.ts),
// so a wording fix reaches conflicts stored on the device long ago.

import type { RootName } from '../model/schema';
import type { ViolationCode } from '../ownership/rulebook';

/** Something noteworthy the session tells the user about, shown until it changes. */
export type SyncNotice =
  /** the local copy was damaged and has been fetched again from the relay */
  | { readonly code: 'copy-repaired' }
  /** this browser cannot keep the tafel on the device */
  | { readonly code: 'no-storage' }
  /** the relay revoked this device's access (close code or refused upgrades) */
  | { readonly code: 'access-revoked' }
  /** the relay does not know this tafel */
  | { readonly code: 'unknown-tafel' }
  /** the relay refused the connection for now (rate limit, too large, full) */
  | { readonly code: 'connection-refused' }
  /** the relay rejected a change; the local changes were carried over */
  | { readonly code: 'rejected-carried-over'; readonly reapplied: number; readonly conflicts: number }
  /** the rebuild after a rejection failed unexpectedly */
  | { readonly code: 'unexpected' };

/** Why a local change landed in the conflict inbox. */
export type ConflictCause =
  /** the rulebook's answer now */
  | { readonly code: ViolationCode }
  /** the entity was removed meanwhile */
  | { readonly code: 'gone' }
  /** the relay rejected the carried-over changes too */
  | { readonly code: 'rejected-again' }
  /** someone else wrote the field at the same time and their value stands */
  | { readonly code: 'concurrent' }
  /** a rich text could not be merged automatically */
  | { readonly code: 'text-not-merged' }
  /** the local changes could not be read at all; kept whole */
  | { readonly code: 'unreadable' }
  /** an entry stored before causes were codes: its Dutch sentence as stored */
  | { readonly code: 'stored-text'; readonly text: string };

/**
 * What a conflict is about. `naam` is the name people know the entity by (its naam, titel, wat or
 * datum) at the time of the conflict, or null when it has none.
 */
export type ConflictSubject =
  | { readonly kind: 'field'; readonly root: RootName; readonly naam: string | null; readonly key: string }
  | { readonly kind: 'setting'; readonly root: RootName; readonly key: string }
  | { readonly kind: 'new'; readonly root: RootName; readonly naam: string | null }
  | { readonly kind: 'removal'; readonly root: RootName; readonly naam: string | null }
  | { readonly kind: 'list'; readonly root: RootName }
  /** every local change at once (unreadable) */
  | { readonly kind: 'local-changes' }
  /** an entry stored before subjects were codes: its Dutch label as stored */
  | { readonly kind: 'stored-text'; readonly label: string };
