// The device store: what this device knows besides the tafel documents themselves. One Dexie
// database per device (per browser profile): the tafels joined here with their tokens, which
// local copy (IndexedDB database) holds each tafel's document, the conflict inbox and local
// preferences. Dexie's liveQuery makes every tab see changes made in another tab.
//
// Schema versions: add a new `this.version(n + 1).stores(...)` with an `.upgrade(tx => ...)`
// below the existing ones; never change a released version (Dexie upgrades old devices in order).

import Dexie, { type EntityTable } from 'dexie';
import type { ConflictCause, ConflictSubject } from './codes';

/** A tafel this device has joined with an invite. */
export interface JoinedTafel {
  tafelId: string;
  /** http(s) origin of the relay, e.g. https://aantafel.example.nl */
  relayUrl: string;
  lidId: string;
  /** device token from the redeemed invite; identifies this lid at the relay */
  token: string;
  /** the tafel's name, as last read from its document ('' until first loaded) */
  naam: string;
  /** epoch ms of the last moment the relay confirmed this device's state */
  lastSyncAt: number | null;
}

/** Which local copy holds a tafel's document, and how much of it the relay has not confirmed. */
export interface LocalCopy {
  tafelId: string;
  /** names the y-indexeddb database; a rebuild writes a new generation and then switches */
  generation: string;
  /** local changes the relay had not confirmed when this was last written */
  unconfirmed: number;
  /** the state vector the relay confirmed last (Yjs encoding), to notice unrecorded changes */
  confirmedStateVector: Uint8Array | null;
}

/** A local change the relay did not take and that could not be re-applied. */
export interface ConflictEntry {
  id: string;
  tafelId: string;
  /** where in the document, e.g. ["projecten", "<id>", "startBouw"] */
  path: string[];
  /** what the change was about (the UI describes it in Dutch: src/ui/codeText.ts) */
  subject: ConflictSubject;
  /** what the user entered (a plain value, or the text of a rich text) */
  enteredValue: unknown;
  /** what the field holds now (null when unset or gone) */
  currentValue: unknown;
  /** why the change was not taken */
  cause: ConflictCause;
  /** epoch ms when the change landed in the inbox */
  at: number;
}

/** A conflict as stored before subject and cause were codes (Dutch label and reason). */
type StoredConflict = ConflictEntry | (Omit<ConflictEntry, 'subject' | 'cause'> & { label: string; reason: string });

/** Reads a stored conflict of any age: older entries keep their Dutch texts as stored. */
export function readConflict(stored: StoredConflict): ConflictEntry {
  if ('subject' in stored && 'cause' in stored) return stored;
  const { label, reason, ...rest } = stored as Extract<StoredConflict, { label: string }>;
  return { ...rest, subject: { kind: 'stored-text', label }, cause: { code: 'stored-text', text: reason } };
}

export interface Preference {
  key: string;
  value: unknown;
}

export class DeviceStore extends Dexie {
  joined!: EntityTable<JoinedTafel, 'tafelId'>;
  localCopies!: EntityTable<LocalCopy, 'tafelId'>;
  conflicts!: EntityTable<ConflictEntry, 'id'>;
  preferences!: EntityTable<Preference, 'key'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      joined: '&tafelId',
      localCopies: '&tafelId',
      conflicts: '&id, tafelId, at',
      preferences: '&key',
    });
  }
}
