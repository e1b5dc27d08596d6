// Identity at the relay: invites work once and expire, tokens are checked at the upgrade (bad,
// expired, revoked, removed lid, wrong tafel, foreign Origin), readers sync and see presence but
// never write, and revocation closes live connections.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLid, readProjecten } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import { addLid, removeLid } from '../../../src/operations';
import {
  api,
  cleanupRelays,
  connectClient,
  createTafel,
  demoLink,
  redeem,
  runAdmin,
  startRelay,
  tryUpgrade,
  waitFor,
  type Session,
  type StartedRelay,
  type TestClient,
} from '../helpers/relay';

const syncUrl = (relay: StartedRelay, tafelId: string, token: string) => `${relay.wsUrl}/sync/${tafelId}?token=${encodeURIComponent(token)}`;

describe('relay: identity and membership', () => {
  let relay: StartedRelay;
  let vera: Session;
  let gert: Session;
  let veraClient: TestClient;
  let gertClient: TestClient;

  beforeAll(async () => {
    relay = await startRelay({ demo: true, env: { AAN_TAFEL_MEMBERSHIP_CHECK_MS: '200' } });
    vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
    gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    veraClient = connectClient(relay, 'demo', vera.token);
    gertClient = connectClient(relay, 'demo', gert.token);
    await Promise.all([veraClient.synced(), gertClient.synced()]);
  });

  afterAll(async () => {
    veraClient.close();
    gertClient.close();
    await cleanupRelays();
  });

  it('an invite works once; unknown and malformed codes are refused', async () => {
    const code = demoLink(relay, 'Carla Corporatie').code;
    const first = await api(relay, 'POST', '/api/invites/redeem', { body: { code: code.toLowerCase() } });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      tafelId: 'demo',
      lidId: demoLink(relay, 'Carla Corporatie').lidId,
      naam: 'Versnellingstafel Regio Voorbeeld',
      // Carla sits at no other tafel (docs/relay-api.md, "Personen").
      also: [],
    });
    const again = await api(relay, 'POST', '/api/invites/redeem', { body: { code } });
    expect(again.status).toBe(410);
    expect(again.json).toEqual({ error: 'invite-used', message: expect.stringContaining('al gebruikt') });
    const unknown = await api(relay, 'POST', '/api/invites/redeem', { body: { code: 'ABCDEFGHJKMNPQ' } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('invite-unknown');
    const missing = await api(relay, 'POST', '/api/invites/redeem', { body: { kode: code } });
    expect(missing.status).toBe(400);
  });

  it('refuses bad tokens, other tafels and foreign origins at the upgrade', async () => {
    expect(await tryUpgrade(syncUrl(relay, 'demo', 'not-a-token'))).toEqual(expect.objectContaining({ status: 401 }));
    expect(await tryUpgrade(`${relay.wsUrl}/sync/demo`)).toEqual(expect.objectContaining({ status: 401 }));
    const other = await tryUpgrade(syncUrl(relay, 'andere-tafel', gert.token));
    expect(other).toEqual(expect.objectContaining({ status: 401 }));
    expect(await tryUpgrade(`${relay.wsUrl}/elders?token=${gert.token}`)).toEqual(expect.objectContaining({ status: 404 }));
    const foreign = await tryUpgrade(syncUrl(relay, 'demo', gert.token), { origin: 'https://evil.example' });
    expect(foreign).toEqual(expect.objectContaining({ status: 403 }));
    const sameHost = await tryUpgrade(syncUrl(relay, 'demo', gert.token), { origin: relay.url, timeoutMs: 500 });
    expect(sameHost).toEqual({ open: true });
  });

  it('/api/me names the lid behind a token', async () => {
    const me = await api(relay, 'GET', '/api/me', { token: gert.token });
    expect(me.status).toBe(200);
    expect(me.json).toEqual(expect.objectContaining({ tafelId: 'demo', lidId: gert.lidId, rol: 'lid' }));
    expect((await api(relay, 'GET', '/api/me')).status).toBe(401);
    expect((await api(relay, 'GET', '/api/me', { token: 'x' })).status).toBe(401);
  });

  it('a reader (gast) syncs and sees presence but every write is rejected', async () => {
    const chair = actorForLid(veraClient.doc, vera.lidId)!;
    const gemeente = actorForLid(veraClient.doc, gert.lidId)!.partijId;
    const gastId = addLid(veraClient.doc, chair, { naam: 'Gijs Gast', partijId: gemeente, rol: 'gast' });
    await waitFor(() => readLid(gertClient.doc, gastId) !== undefined, 'the new lid to reach the relay');

    expect((await api(relay, 'POST', '/api/tafels/demo/invites', { token: gert.token, body: { lidId: gastId } })).status).toBe(403);
    const invite = await api(relay, 'POST', '/api/tafels/demo/invites', { token: vera.token, body: { lidId: gastId } });
    expect(invite.status).toBe(201);
    expect(invite.json).toEqual({ code: expect.any(String), url: `http://localhost:${relay.port}/join/${String(invite.json.code)}`, expiresAt: expect.any(Number) });
    const open = await api(relay, 'GET', '/api/tafels/demo/invites', { token: vera.token });
    expect(open.json.invites).toContainEqual(expect.objectContaining({ lidId: gastId, createdBy: vera.lidId }));
    expect((await api(relay, 'POST', '/api/tafels/demo/invites', { token: vera.token, body: { lidId: 'GeenLidMetDitId' } })).status).toBe(404);

    const gast = await redeem(relay, invite.json.code as string);
    const gastClient = connectClient(relay, 'demo', gast.token);
    await gastClient.synced();
    expect(readProjecten(gastClient.doc)).toHaveLength(12);

    gertClient.provider.awareness.setLocalState({ plek: { screen: 'planmonitor' } });
    await waitFor(
      () => [...gastClient.provider.awareness.getStates().values()].some((s) => (s.user as { lidId?: string } | undefined)?.lidId === gert.lidId),
      "Gert's presence to reach the gast",
    );

    const project = readProjecten(gastClient.doc)[0]!;
    const map = gastClient.doc.getMap('projecten').get(project.id) as Y.Map<unknown>;
    map.set('publiekeOpmerkingen', { v: 'gast schrijft', by: gastId, p: gemeente, at: Date.now() });
    await waitFor(() => gastClient.rejections.length === 1, 'the rejection of the gast');
    expect(gastClient.rejections[0]!.violations[0]!.code).toBe('read-only');
    await new Promise((r) => setTimeout(r, 200));
    expect(readLid(gertClient.doc, gastId)).toBeDefined();
    expect(JSON.stringify(gertClient.doc.getMap('projecten').toJSON())).not.toContain('gast schrijft');

    // The chair removes the gast from the leden list: the live connection goes, the token stops working.
    removeLid(veraClient.doc, chair, gastId);
    await waitFor(() => gastClient.closes.includes(4401), 'the removed lid to be disconnected with 4401');
    expect(await tryUpgrade(syncUrl(relay, 'demo', gast.token))).toEqual(expect.objectContaining({ status: 401 }));
    gastClient.close();
  });

  it('revoking a lid closes its connections with 4401 and refuses its token afterwards', async () => {
    const dirk = await redeem(relay, demoLink(relay, 'Dirk Ontwikkelaar').code);
    const dirkClient = connectClient(relay, 'demo', dirk.token);
    await dirkClient.synced();
    expect((await api(relay, 'POST', `/api/tafels/demo/leden/${dirk.lidId}/revoke`, { token: gert.token })).status).toBe(403);
    const r = await api(relay, 'POST', `/api/tafels/demo/leden/${dirk.lidId}/revoke`, { token: vera.token });
    expect(r.json).toEqual({ revoked: 1, closed: 1 });
    await waitFor(() => dirkClient.closes.includes(4401), 'the revoked connection to close with 4401');
    // 44xx is final for a stock WebsocketProvider: it stops reconnecting.
    expect(dirkClient.provider.shouldConnect).toBe(false);
    const refused = await tryUpgrade(syncUrl(relay, 'demo', dirk.token));
    expect(refused).toEqual(expect.objectContaining({ status: 401 }));
    expect((refused as { body: string }).body).toContain('token-revoked');
    expect((await api(relay, 'GET', '/api/me', { token: dirk.token })).status).toBe(401);
    dirkClient.close();
  });

  it('the admin CLI, while the relay runs, creates a tafel the relay picks up, invites, and revokes tokens of live connections', async () => {
    const t = await createTafel(relay, 'Tafel van de beheerder');
    const first = await redeem(relay, t.code);
    const firstClient = connectClient(relay, t.tafelId, first.token);
    await firstClient.synced();
    const invite = await runAdmin(relay, ['invite', '--tafel', t.tafelId, '--lid', t.chairLidId]) as { code: string; naam: string };
    expect(invite.naam).toBe('Voorzitter');
    const second = await redeem(relay, invite.code);
    const secondClient = connectClient(relay, t.tafelId, second.token);
    await secondClient.synced();

    expect(await runAdmin(relay, ['revoke-token', '--token', first.token])).toEqual({ revoked: true });
    await waitFor(() => firstClient.closes.includes(4401), 'the revoked device to be disconnected');
    expect(secondClient.provider.wsconnected).toBe(true);
    expect(await runAdmin(relay, ['revoke-lid', '--tafel', t.tafelId, '--lid', t.chairLidId])).toEqual({ revoked: 1, unlinked: false });
    await waitFor(() => secondClient.closes.includes(4401), 'the other device of the lid to be disconnected');
    firstClient.close();
    secondClient.close();
  });
});

describe('relay: expiry', () => {
  afterAll(cleanupRelays);

  it('refuses expired tokens at the upgrade and expired invites at redemption', async () => {
    const relay = await startRelay({ demo: true, env: { AAN_TAFEL_TOKEN_TTL_SECONDS: '1', AAN_TAFEL_INVITE_TTL_SECONDS: '1' } });
    const gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    await new Promise((r) => setTimeout(r, 1_200));
    const refused = await tryUpgrade(syncUrl(relay, 'demo', gert.token));
    expect(refused).toEqual(expect.objectContaining({ status: 401 }));
    expect((refused as { body: string }).body).toContain('token-expired');
    const late = await api(relay, 'POST', '/api/invites/redeem', { body: { code: demoLink(relay, 'Carla Corporatie').code } });
    expect(late.status).toBe(410);
    expect(late.json.error).toBe('invite-expired');
    await relay.stop();
  });
});
