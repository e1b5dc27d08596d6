// The relay's per-field history as its HTTP API serves it (GET /api/tafels/:id/history and
// /history/as-of, docs/relay-api.md): one shape for the relay that writes it and the app that reads it.

import type { VeldWijziging } from '../model';

export interface HistoryEntry extends VeldWijziging {
  readonly id: number;
  readonly root: string;
  /** when the relay accepted it: what "as of a date" goes by */
  readonly receivedAt: number;
}
