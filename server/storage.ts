// The relay's storage, as an interface with two engines behind it: SQLite (one file, embedded, the
// default: server/storage-sqlite.ts) and Postgres (chosen with AAN_TAFEL_DATABASE_URL=postgres://...,
// server/storage-postgres.ts). What is stored: tafels, their snapshots and update logs, device tokens
// and invites (both hashed), clientID bindings and the append-only audit; other modules add their
// own tables through the slot in server/storage-modules.ts (the escalation outbox, field history).
//
// Asynchronous, so a network database fits. The durability promise is the same for both engines:
// nothing is broadcast or acknowledged before it is committed. The rooms never write themselves:
// they record their writes in the open batch (server/groupcommit.ts), which one engine call
// commits as one transaction, and only then are the batch's messages sent. Everything else (API,
// admin CLI, loading a room) is a transaction of its own.
//
// Every implementation passes the one contract suite in test/integration/storage/.

import type { AuditEntry } from './audit-entry';
import type { GroupCommit } from './groupcommit';
import type { StorageHandle } from './storage-modules';

export const DB_FILE = 'aan-tafel.sqlite';

export interface TafelRow {
  readonly id: string;
  readonly naam: string;
  readonly createdAt: number;
}

export interface StoredTafel {
  /** The name list-tafels shows. */
  readonly naam: string;
  readonly snapshot: Uint8Array | null;
  readonly snapshotSeq: number;
  readonly updates: readonly { readonly seq: number; readonly data: Uint8Array }[];
  /** clientID -> lid, as persisted (read in the same transaction as the document). */
  readonly bindings: Map<number, string>;
}

export interface TokenRow {
  readonly tafelId: string;
  readonly lidId: string;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

export interface NewToken {
  readonly hash: string;
  readonly expiresAt: number;
}

export interface InviteRow {
  readonly tafelId: string;
  readonly lidId: string;
  readonly expiresAt: number;
  readonly usedAt: number | null;
}

export type RedeemOutcome =
  | { readonly ok: true; readonly tafelId: string; readonly lidId: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'used' | 'expired' };

export interface OpenInvite {
  readonly lidId: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface NewInvite {
  readonly hash: string;
  readonly tafelId: string;
  readonly lidId: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export type { AuditEntry, NewAuditEntry } from './audit-entry';

/** What a backup wrote. */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly engine: StorageEngine;
}

export type StorageEngine = 'sqlite' | 'postgres';

export interface RelayStorage {
  readonly engine: StorageEngine;
  /** The engine itself, for the reads of other modules' tables (server/storage-modules.ts). */
  readonly handle: StorageHandle;
  /** The open batch of the rooms' writes; see server/groupcommit.ts. */
  readonly batch: GroupCommit;
  /** Commits what is batched, then closes the engine. */
  close(): Promise<void>;

  // --- tafels, snapshots and logs
  /** The tafel, its first snapshot and its chair's first invite, in one transaction. */
  createTafel(id: string, naam: string, snapshot: Uint8Array, now: number, chairInvite: NewInvite): Promise<void>;
  tafelExists(id: string): Promise<boolean>;
  listTafels(): Promise<(TafelRow & { readonly logEntries: number })[]>;
  /** Snapshot, log and bindings as committed, after every batch written so far. */
  loadTafel(id: string): Promise<StoredTafel | undefined>;

  // --- device tokens (only their sha256 is stored)
  insertToken(hash: string, tafelId: string, lidId: string, now: number, expiresAt: number): Promise<void>;
  findToken(hash: string): Promise<TokenRow | undefined>;
  revokeToken(hash: string, now: number): Promise<boolean>;
  /** Revokes every token of a lid; returns how many were still valid. */
  revokeLid(tafelId: string, lidId: string, now: number): Promise<number>;

  // --- invites (only their sha256 is stored)
  insertInvite(invite: NewInvite): Promise<void>;
  findInvite(hash: string): Promise<InviteRow | undefined>;
  /**
   * Marks the invite used and stores the device token it buys (none when `token` is null), in one
   * transaction, if the invite may still be used: an invite works once.
   */
  redeemInvite(hash: string, now: number, token: NewToken | null): Promise<RedeemOutcome>;
  openInvites(tafelId: string, now: number): Promise<OpenInvite[]>;

  // --- audit
  /** Newest first; `before` is an audit id to page backwards from. Only committed entries. */
  readAudit(tafelId: string, limit: number, before?: number): Promise<AuditEntry[]>;

  // --- backups (server/backup.ts)
  backup(file: string): Promise<BackupResult>;
}
