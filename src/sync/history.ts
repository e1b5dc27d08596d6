// The relay's per-field history (GET /api/tafels/:id/history and /history/as-of, docs/relay-api.md),
// read with the device token of the tafel. Needs a connection; fails with a kind the UI turns into
// Dutch. Network I/O lives here in the sync layer; the screens call it through src/sync/index.ts.

import type { HistoryEntry } from '../protocol/history';
import { relayJson, tafelPath } from './relay-api';
import type { JoinedTafel } from './store';

export class HistoryError extends Error {
  constructor(readonly kind: 'offline' | 'refused' | 'server') {
    super(kind);
  }
}

async function get(joined: JoinedTafel, path: string): Promise<HistoryEntry[]> {
  const body = (await relayJson(joined, path, {}, HistoryError, { 401: 'refused', 403: 'refused' })) as { entries?: unknown };
  return Array.isArray(body.entries) ? (body.entries as HistoryEntry[]) : [];
}

export function fetchHistory(joined: JoinedTafel, root: string, entityId: string, field?: string): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ root, entity: entityId, ...(field ? { field } : {}) });
  return get(joined, tafelPath(joined, `/history?${q}`));
}

export function fetchStateAsOf(joined: JoinedTafel, root: string, at: number): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ root, at: String(at) });
  return get(joined, tafelPath(joined, `/history/as-of?${q}`));
}
