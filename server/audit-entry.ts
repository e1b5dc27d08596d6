// One entry of the append-only audit: who wrote what, accepted or rejected (docs/relay-api.md,
// "Audit"). Its own file because both the storage interface and the batch of the rooms' writes
// speak of it.

export interface AuditEntry {
  readonly id: number;
  readonly tafelId: string;
  readonly lidId: string;
  readonly partijId: string | null;
  readonly at: number;
  readonly size: number;
  readonly accepted: boolean;
  /** 1: sync step 2, 2: update (y-protocols sync message types). */
  readonly messageType: number;
  /** Accepted: the paths written. Rejected: the violations. */
  readonly detail: unknown;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;
