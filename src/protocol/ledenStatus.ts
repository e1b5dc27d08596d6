// A lid's access as the relay knows it, as its HTTP API serves it (GET /api/tafels/:id/leden/status,
// chair only; docs/relay-api.md): one shape for the relay that builds it and the app that shows it.

export interface LidStatus {
  readonly lidId: string;
  /** an unused, unexpired invite exists; its expiry */
  readonly invitedUntil: number | null;
  /** when the first device of this lid joined (first token), null when never */
  readonly joinedAt: number | null;
  /** when a device of this lid joined last (an invite redeemed); null when never */
  readonly lastJoinAt: number | null;
  /** latest write accepted from this lid, or latest join; null when never */
  readonly lastSeenAt: number | null;
  /** every token of the lid is revoked */
  readonly revoked: boolean;
}
