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

async function get(joined: JoinedTafel, path: string): Promise<Record<string, unknown>> {
  return (await relayJson(joined, path, {}, HistoryError, { 401: 'refused', 403: 'refused' })) as Record<string, unknown>;
}

const entriesOf = (v: unknown): HistoryEntry[] => (Array.isArray(v) ? (v as HistoryEntry[]) : []);

export async function fetchHistory(joined: JoinedTafel, root: string, entityId: string, field?: string): Promise<HistoryEntry[]> {
  const q = new URLSearchParams({ root, entity: entityId, ...(field ? { field } : {}) });
  return entriesOf((await get(joined, tafelPath(joined, `/history?${q}`))).entries);
}

/** Per field of `root`: the last change the relay had accepted at `at` (tot) and its first change after (na). */
export async function fetchStateAsOf(joined: JoinedTafel, root: string, at: number): Promise<{ tot: HistoryEntry[]; na: HistoryEntry[] }> {
  const q = new URLSearchParams({ root, at: String(at) });
  const body = await get(joined, tafelPath(joined, `/history/as-of?${q}`));
  return { tot: entriesOf(body.entries), na: entriesOf(body.next) };
}
