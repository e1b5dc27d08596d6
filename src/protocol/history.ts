// The relay's per-field history as its HTTP API serves it (GET /api/tafels/:id/history and
// /history/as-of, docs/relay-api.md): one shape for the relay that writes it and the app that reads it.

export interface HistoryEntry {
  readonly id: number;
  readonly root: string;
  /** '' for the tafel settings */
  readonly entityId: string;
  readonly field: string;
  /** the value before and after (null: empty or removed) */
  readonly from: unknown;
  readonly to: unknown;
  readonly lidId: string;
  readonly partijId: string | null;
  /** the writer's clock (as in the document's provenance) */
  readonly at: number;
  /** when the relay accepted it: what "as of a date" goes by */
  readonly receivedAt: number;
}
