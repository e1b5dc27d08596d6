// Presence at a full tafel. Stock y-websocket clients send every awareness state they receive
// back to the relay; a tablet joining a tafel where more than 32 others are present echoes the
// whole list it is greeted with. The relay skips states a connection may not speak for, so
// nobody is disconnected however many are present; and the app's own client
// (src/sync/awareness-out.ts) sends only its own presence.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOwnAwarenessOnly } from '../../../src/sync/awareness-out';
import { MESSAGE_AWARENESS } from '../../../src/protocol/messages';
import { api, cleanupRelays, connectClient, createTafel, redeem, startRelay, waitFor, type StartedRelay, type TestClient } from '../helpers/relay';

const PRESENT = 40;
let relay: StartedRelay;
let tafelId: string;
let chair: { token: string; lidId: string };
const clients: TestClient[] = [];

/** A token for one more device of the chair (the devices of one lid each have their own). */
async function deviceToken(): Promise<string> {
  const r = await api(relay, 'POST', `/api/tafels/${tafelId}/invites`, { token: chair.token, body: { lidId: chair.lidId } });
  if (r.status !== 200 && r.status !== 201) throw new Error(`invite failed: ${r.status} ${JSON.stringify(r.json)}`);
  return (await redeem(relay, r.json.code as string)).token;
}

async function present(screen: string): Promise<TestClient> {
  const c = connectClient(relay, tafelId, await deviceToken());
  clients.push(c);
  await c.synced();
  c.provider.awareness.setLocalState({ plek: { screen } });
  return c;
}

/** Counts the awareness messages a client sends from now on. */
function countAwarenessSent(c: TestClient): () => number {
  const ws = c.provider.ws!;
  let sent = 0;
  const send = ws.send.bind(ws);
  ws.send = (data: Parameters<WebSocket['send']>[0]) => {
    if (data instanceof Uint8Array && data[0] === MESSAGE_AWARENESS) sent++;
    send(data);
  };
  return () => sent;
}

beforeAll(async () => {
  relay = await startRelay();
  const created = await createTafel(relay, 'Volle tafel');
  tafelId = created.tafelId;
  chair = await redeem(relay, created.code);
  for (let i = 0; i < PRESENT; i++) await present(`scherm ${i}`);
}, 120_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await cleanupRelays();
});

describe('presence at a full tafel', () => {
  it('keeps a stock client that joins and echoes everyone’s presence connected', async () => {
    const late = await present('laatkomer');
    await waitFor(() => late.provider.awareness.getStates().size >= PRESENT + 1, 'the late client to see everyone present');
    await waitFor(
      () => clients.every((c) => c.provider.awareness.getStates().size >= PRESENT + 1),
      'everyone to see the late client',
    );
    expect(clients.flatMap((c) => c.closes)).toEqual([]);
  });

  it('the app’s client sends only its own presence, a stock client echoes what it receives', async () => {
    const own = await present('eigen');
    sendOwnAwarenessOnly(own.provider);
    const stock = clients[0]!;
    const ownSent = countAwarenessSent(own);
    const stockSent = countAwarenessSent(stock);
    const mover = clients[1]!;
    mover.provider.awareness.setLocalState({ plek: { screen: 'vergadering' } });
    const moved = (c: TestClient) => (c.provider.awareness.getStates().get(mover.doc.clientID) as { plek?: { screen?: string } } | undefined)?.plek?.screen === 'vergadering';
    await waitFor(() => moved(own) && moved(stock), 'both to see the move');
    expect(stockSent()).toBeGreaterThan(0);
    expect(ownSent()).toBe(0);
    // Its own changes still go out.
    own.provider.awareness.setLocalState({ plek: { screen: 'dashboard' } });
    expect(ownSent()).toBe(1);
    await waitFor(
      () => (mover.provider.awareness.getStates().get(own.doc.clientID) as { plek?: { screen?: string } } | undefined)?.plek?.screen === 'dashboard',
      'the others to see the app client’s own move',
    );
  });
});
