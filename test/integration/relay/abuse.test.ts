// Hostile input: garbage frames, truncated sync messages, text frames, an oversized message, a
// flood, undecodable updates and bad HTTP requests. Each closes (or answers) only the offending
// connection with its documented code; the relay stays up and other tafels carry on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { readPartijen } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import { addPartij } from '../../../src/operations';
import { decodeRejection, MESSAGE_REJECTED, syncMessage } from '../../../src/protocol/messages';
import {
  api,
  cleanupRelays,
  connectClient,
  createTafel,
  demoLink,
  redeem,
  startRelay,
  tryUpgrade,
  waitFor,
  type Session,
  type StartedRelay,
  type TestClient,
} from '../helpers/relay';

const MAX_MESSAGE = 64 * 1024;

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  return syncMessage((encoder) => syncProtocol.writeUpdate(encoder, update));
}

describe('relay: hostile input', () => {
  let relay: StartedRelay;
  let gert: Session;
  let url: string;
  let other: { a: TestClient; b: TestClient; chair: Session; tafelId: string };

  beforeAll(async () => {
    relay = await startRelay({
      demo: true,
      env: { AAN_TAFEL_MAX_MESSAGE_BYTES: String(MAX_MESSAGE), AAN_TAFEL_MESSAGES_PER_SECOND: '20', AAN_TAFEL_MESSAGE_BURST: '50' },
    });
    gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    url = `${relay.wsUrl}/sync/demo?token=${gert.token}`;
    const t = await createTafel(relay, 'Andere tafel');
    const chair = await redeem(relay, t.code);
    other = { a: connectClient(relay, t.tafelId, chair.token), b: connectClient(relay, t.tafelId, chair.token), chair, tafelId: t.tafelId };
    await Promise.all([other.a.synced(), other.b.synced()]);
  });

  afterAll(async () => {
    other.a.close();
    other.b.close();
    await cleanupRelays();
  });

  it('closes garbage, truncated and text frames with 4400', async () => {
    expect(await tryUpgrade(url, { frames: [new Uint8Array([7, 1, 2, 3])] })).toEqual(expect.objectContaining({ closed: 4400 }));
    expect(await tryUpgrade(url, { frames: [new Uint8Array([0, 9, 1, 1])] })).toEqual(expect.objectContaining({ closed: 4400 }));
    expect(await tryUpgrade(url, { frames: [new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255])] })).toEqual(
      expect.objectContaining({ closed: 4400 }),
    );
    // A real update, cut in half: the length prefix promises more bytes than arrive.
    const doc = new Y.Doc();
    doc.getMap('x').set('k', 'v'.repeat(100));
    const whole = syncUpdateMessage(Y.encodeStateAsUpdate(doc));
    expect(await tryUpgrade(url, { frames: [whole.slice(0, whole.length >> 1)] })).toEqual(expect.objectContaining({ closed: 4400 }));
    // A truncated awareness message.
    expect(await tryUpgrade(url, { frames: [new Uint8Array([1, 10, 1, 5])] })).toEqual(expect.objectContaining({ closed: 4400 }));
    expect(await tryUpgrade(url, { frames: ['hallo'] })).toEqual(expect.objectContaining({ closed: 4400 }));
  });

  it('closes an oversized message with 4413 and a flood with 4408', async () => {
    expect(await tryUpgrade(url, { frames: [new Uint8Array(MAX_MESSAGE + 1000)] })).toEqual(expect.objectContaining({ closed: 4413 }));
    const flood = Array.from({ length: 300 }, () => new Uint8Array([3]));
    expect(await tryUpgrade(url, { frames: flood })).toEqual(expect.objectContaining({ closed: 4408 }));
  });

  it('answers an undecodable update with a rejection and keeps the connection', async () => {
    const ws = new WebSocket(url);
    const messages: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
    await new Promise((r) => ws.once('open', r));
    ws.send(syncUpdateMessage(new Uint8Array([5, 200, 7, 7, 7, 7])));
    await waitFor(() => messages.some((m) => m[0] === MESSAGE_REJECTED), 'a rejection');
    const decoder = decoding.createDecoder(messages.find((m) => m[0] === MESSAGE_REJECTED)!);
    decoding.readVarUint(decoder);
    expect(decodeRejection(decoder)).toEqual(expect.objectContaining({ messageType: 2, violations: [expect.objectContaining({ code: 'malformed' })] }));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it("drops awareness states for another connection's clientID", async () => {
    const victim = connectClient(relay, 'demo', gert.token);
    await victim.synced();
    victim.provider.awareness.setLocalState({ plek: { screen: 'planmonitor' } });
    const watcher = connectClient(relay, 'demo', gert.token);
    await watcher.synced();
    const clientId = victim.doc.clientID;
    await waitFor(() => watcher.provider.awareness.getStates().get(clientId)?.plek !== undefined, "the victim's presence");

    const forger = new Y.Doc();
    forger.clientID = clientId;
    const forged = new awarenessProtocol.Awareness(forger);
    forged.setLocalState({ plek: { screen: 'vervalst' } });
    forged.setLocalState({ plek: { screen: 'vervalst' } }); // a clock ahead of the victim's
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(forged, [clientId]));
    const outcome = await tryUpgrade(url, { frames: [encoding.toUint8Array(encoder)], timeoutMs: 500 });
    expect(outcome).toEqual({ open: true });
    expect(watcher.provider.awareness.getStates().get(clientId)?.plek).toEqual({ screen: 'planmonitor' });
    forged.destroy();
    victim.close();
    watcher.close();
  });

  it('stays up, and other tafels are unaffected', async () => {
    const health = await api(relay, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.json.ok).toBe(true);
    const actor = actorForLid(other.a.doc, other.chair.lidId)!;
    addPartij(other.a.doc, actor, { naam: 'Na de aanval', bloedgroep: 'corporatie' });
    await waitFor(() => readPartijen(other.b.doc).some((p) => p.naam === 'Na de aanval'), 'the other tafel to keep syncing');
    expect(other.a.closes).toEqual([]);
    expect(other.b.closes).toEqual([]);
    // The attacked tafel itself still serves well-behaved clients.
    const fresh = connectClient(relay, 'demo', gert.token);
    await fresh.synced();
    expect(readPartijen(fresh.doc).length).toBe(4);
    fresh.close();
  });

  it('validates HTTP requests: content type, JSON, size, routes, methods', async () => {
    const post = (body: string, type = 'application/json') =>
      fetch(`${relay.url}/api/invites/redeem`, { method: 'POST', headers: { 'Content-Type': type }, body });
    expect((await post('{"code":"x"}', 'text/plain')).status).toBe(415);
    expect((await post('{"code":')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    expect((await post(JSON.stringify({ code: 'x'.repeat(20_000) }))).status).toBe(413);
    const unknown = await api(relay, 'GET', '/api/bestaat-niet');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ error: 'not-found', message: expect.any(String) });
    expect((await api(relay, 'GET', '/api/invites/redeem')).status).toBe(405);
    expect((await api(relay, 'DELETE', '/health')).status).toBe(405);
  });

  it('puts security headers on every response', async () => {
    for (const path of ['/health', '/api/me', '/tafel/demo/planmonitor']) {
      const res = await fetch(`${relay.url}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('relay: capacity limits', () => {
  afterAll(cleanupRelays);

  it('refuses connections beyond the per-tafel limit and rooms beyond the memory limit with 503', async () => {
    const relay = await startRelay({ demo: true, env: { AAN_TAFEL_MAX_ROOMS: '1', AAN_TAFEL_MAX_CONNECTIONS_PER_TAFEL: '2', AAN_TAFEL_ROOM_IDLE_MS: '600000' } });
    const t = await createTafel(relay, 'Tweede tafel');
    const chair = await redeem(relay, t.code);
    const gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    const demoUrl = `${relay.wsUrl}/sync/demo?token=${gert.token}`;
    const first = connectClient(relay, 'demo', gert.token);
    const second = connectClient(relay, 'demo', gert.token);
    await Promise.all([first.synced(), second.synced()]);

    const third = await tryUpgrade(demoUrl);
    expect(third).toEqual(expect.objectContaining({ status: 503 }));
    expect((third as { body: string }).body).toContain('tafel-full');
    // The one room slot is taken by a tafel in use: another tafel cannot be loaded now...
    const full = await tryUpgrade(`${relay.wsUrl}/sync/${t.tafelId}?token=${chair.token}`);
    expect(full).toEqual(expect.objectContaining({ status: 503 }));
    expect((full as { body: string }).body).toContain('relay-full');

    // ...until it is idle: then the idle room is unloaded to make room.
    first.close();
    second.close();
    await waitFor(async () => (await api(relay, 'GET', '/health')).json.connections === 0, 'the connections to close');
    const other = connectClient(relay, t.tafelId, chair.token);
    await other.synced();
    expect(readPartijen(other.doc)).toHaveLength(1);
    expect((await api(relay, 'GET', '/health')).json.rooms).toBe(1);
    other.close();
    await relay.stop();
  });
});
