// The relay's per-field history (GET /api/tafels/:id/history and /history/as-of, docs/relay-api.md),
// read with the device token of the tafel. Needs a connection; fails with a kind the UI turns into
// Dutch. Network I/O lives here in the sync layer; the screens call it through src/sync/index.ts.

import type { HistoryEntry } from '../protocol/history';
import type { JoinedTafel } from './store';

export class HistoryError extends Error {
  constructor(readonly kind: 'offline' | 'refused' | 'server') {
    super(kind);
  }
}

async function get(joined: JoinedTafel, path: string): Promise<HistoryEntry[]> {
  let res: Response;
  try {
    res = await fetch(new URL(path, joined.relayUrl || globalThis.location?.origin).toString(), { headers: { Authorization: `Bearer ${joined.token}` } });
  } catch {
    throw new HistoryError('offline');
  }
  if (res.status === 401 || res.status === 403) throw new HistoryError('refused');
  if (!res.ok) throw new HistoryError('server');
  const body = (await res.json()) as { entries?: unknown };
  return Array.isArray(body.entries) ? (body.entries as HistoryEntry[]) : [];
}

export function fetchHistory(joined: JoinedTafel, root: string, entityId: string, field?: string): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ root, entity: entityId, ...(field ? { field } : {}) });
  return get(joined, `/api/tafels/${encodeURIComponent(joined.tafelId)}/history?${q}`);
}

export function fetchStateAsOf(joined: JoinedTafel, root: string, at: number): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ root, at: String(at) });
  return get(joined, `/api/tafels/${encodeURIComponent(joined.tafelId)}/history/as-of?${q}`);
}
