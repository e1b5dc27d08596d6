// The relay calls the screens make (src/sync/relay-api.ts and the APIs on it): one way of sending
// with the device token, but each API words the relay's statuses its own way, and the UI's Dutch
// texts are keyed on those kinds.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchHistory, HistoryError } from '../../../src/sync/history';
import { createInvite, fetchLedenStatus, LedenApiError, revokeLid } from '../../../src/sync/leden-api';
import { aanvaardKoppeling, leesNetwerk, NetwerkApiError, vraagKoppeling } from '../../../src/sync/netwerk-api';
import type { JoinedTafel } from '../../../src/sync/store';

const joined: JoinedTafel = { tafelId: 't/1', relayUrl: 'https://relay.example.nl', lidId: 'lid1', token: 'tok', naam: '', lastSyncAt: null };

function answering(status: number, body: unknown = {}) {
  const f = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', f);
  return f;
}

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HistoryError || e instanceof LedenApiError || e instanceof NetwerkApiError) return `${e.constructor.name}:${e.kind}`;
    throw e;
  }
  throw new Error('no failure');
}

afterEach(() => vi.unstubAllGlobals());

describe('calls to the relay with the device token', () => {
  it('sends the token, and the body as JSON only when there is one', async () => {
    const f = answering(200, { leden: [] });
    await fetchLedenStatus(joined);
    expect(f.mock.calls[0]![0]).toBe('https://relay.example.nl/api/tafels/t%2F1/leden/status');
    expect(f.mock.calls[0]![1]).toMatchObject({ method: 'GET', headers: { Authorization: 'Bearer tok' }, body: undefined });
    await revokeLid(joined, 'lid 2');
    expect(f.mock.calls[1]![0]).toBe('https://relay.example.nl/api/tafels/t%2F1/leden/lid%202/revoke');
    expect(f.mock.calls[1]![1]).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok' }, body: '{}' });
    await aanvaardKoppeling(joined, 'k1');
    expect(f.mock.calls[2]![1]).toEqual({ method: 'POST', headers: { Authorization: 'Bearer tok' }, body: undefined });
  });

  it('fails as offline in the error of the API that was called when the relay cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await kindOf(fetchHistory(joined, 'projecten', 'p1'))).toBe('HistoryError:offline');
    expect(await kindOf(createInvite(joined, 'lid1'))).toBe('LedenApiError:offline');
    expect(await kindOf(leesNetwerk(joined))).toBe('NetwerkApiError:offline');
  });

  it('words 404 per API: a lid the relay does not know yet, a link that changed', async () => {
    answering(404);
    expect(await kindOf(createInvite(joined, 'lid1'))).toBe('LedenApiError:not-on-server');
    expect(await kindOf(fetchLedenStatus(joined))).toBe('LedenApiError:not-on-server');
    expect(await kindOf(vraagKoppeling(joined, 't2'))).toBe('NetwerkApiError:conflict');
    expect(await kindOf(fetchHistory(joined, 'projecten', 'p1'))).toBe('HistoryError:server');
    answering(409);
    expect(await kindOf(aanvaardKoppeling(joined, 'k1'))).toBe('NetwerkApiError:conflict');
    expect(await kindOf(revokeLid(joined, 'lid1'))).toBe('LedenApiError:server');
  });

  it('refuses on 401 and 403, and calls anything else not ok a server failure', async () => {
    answering(403);
    expect(await kindOf(fetchHistory(joined, 'projecten', 'p1'))).toBe('HistoryError:refused');
    expect(await kindOf(revokeLid(joined, 'lid1'))).toBe('LedenApiError:refused');
    expect(await kindOf(leesNetwerk(joined))).toBe('NetwerkApiError:refused');
    answering(500);
    expect(await kindOf(fetchLedenStatus(joined))).toBe('LedenApiError:server');
    expect(await kindOf(leesNetwerk(joined))).toBe('NetwerkApiError:server');
  });

  it('takes an invite only when the relay sent all of it', async () => {
    answering(200, { code: 'ABC', url: 'https://relay.example.nl/join/ABC' });
    expect(await kindOf(createInvite(joined, 'lid1'))).toBe('LedenApiError:server');
  });
});
