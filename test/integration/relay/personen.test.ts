// Issue 16, tafels across devices: a persoon links leden of different tafels (server/personen.ts).
// A device holding two tokens links them; an invite of the operator (or the relay's demo, or the
// lid's own) then opens every tafel of the persoon on a new device, each with a token of its own
// tafel; a chair's invite for someone else's lid opens that tafel only, and its token cannot join
// the lid's persoon to anything; revoking at one tafel
// leaves the others; a token never reads another tafel, linked or not. On SQLite and Postgres.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { api, cleanupRelays, demoLink, redeem, runAdmin, startRelay, tryUpgrade, type StartedRelay } from '../helpers/relay';

interface Also {
  tafelId: string;
  lidId: string;
  naam: string;
  token: string;
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`relay: personen (${engine})`, () => {
    let relay: StartedRelay;
    let postgres: TestPostgres | undefined;
    let zuid: { tafelId: string; chairLidId: string; code: string };
    let west: { tafelId: string; chairLidId: string; code: string };
    let noord: { tafelId: string; chairLidId: string; code: string };
    const gert = () => demoLink(relay, 'Gert Gemeente');

    const redeemAll = async (code: string) => {
      const r = await api(relay, 'POST', '/api/invites/redeem', { body: { code } });
      expect(r.status).toBe(200);
      return r.json as { token: string; tafelId: string; lidId: string; naam: string; also: Also[] };
    };
    const adminInvite = async (tafelId: string, lidId: string) => ((await runAdmin(relay, ['invite', '--tafel', tafelId, '--lid', lidId])) as { code: string }).code;
    const me = async (token: string) => {
      const r = await api(relay, 'GET', '/api/me', { token });
      return { status: r.status, tafelId: (r.json as { tafelId?: string }).tafelId };
    };
    const readsHistory = async (token: string, tafelId: string) => (await api(relay, 'GET', `/api/tafels/${tafelId}/history?root=projecten&entity=x`, { token })).status;

    beforeAll(async () => {
      if (engine === 'postgres') postgres = await startPostgres();
      const env: Record<string, string> = postgres ? { AAN_TAFEL_DATABASE_URL: await postgres.createDatabase() } : {};
      relay = await startRelay({ demo: true, env });
      // Gert of the demo tafel chairs a new tafel Zuid: the operator links them while creating it.
      zuid = (await runAdmin(relay, ['create-tafel', '--name', 'Tafel Zuid', '--persoon', `demo:${gert().lidId}`])) as typeof zuid;
      west = (await runAdmin(relay, ['create-tafel', '--name', 'Tafel West'])) as typeof west;
      noord = (await runAdmin(relay, ['create-tafel', '--name', 'Tafel Noord'])) as typeof noord;
    }, 120_000);
    afterAll(async () => {
      await cleanupRelays();
      await postgres?.stop();
    });

    it('gives a new device every tafel of the persoon, each token listed at its own tafel, and links through a device holding both', async () => {
      // The relay's demo invite spans the persoon: Gert's device gets Zuid too, as its chair.
      const first = await redeemAll(gert().code);
      expect(first.also.map((t) => [t.tafelId, t.lidId, t.naam])).toEqual([[zuid.tafelId, zuid.chairLidId, 'Tafel Zuid']]);
      const zuidToken = first.also[0]!.token;
      expect(await me(zuidToken)).toEqual({ status: 200, tafelId: zuid.tafelId });
      // Listed under the chair's devices at Zuid: Zuid's leden status shows the lid joined.
      const status = await api(relay, 'GET', `/api/tafels/${zuid.tafelId}/leden/status`, { token: zuidToken });
      expect((status.json as { leden: { lidId: string; joinedAt: number | null }[] }).leden.find((l) => l.lidId === zuid.chairLidId)?.joinedAt).toBeTypeOf('number');

      // West: joined on the same device with its own invite; not linked yet.
      const westSession = await redeem(relay, west.code);
      expect(await readsHistory(westSession.token, 'demo')).toBe(403);
      const refused = await tryUpgrade(`${relay.wsUrl}/sync/demo?token=${encodeURIComponent(westSession.token)}`);
      expect('status' in refused && refused.status >= 400).toBe(true);

      // "This is also me": the device proves it holds both tokens.
      expect((await api(relay, 'POST', '/api/personen/link', { token: first.token, body: { token: westSession.token } })).status).toBe(200);
      const list = (await runAdmin(relay, ['persoon', 'list', '--tafel', 'demo', '--lid', gert().lidId])) as { leden: { tafelId: string }[] };
      expect(list.leden.map((l) => l.tafelId).sort()).toEqual(['demo', west.tafelId, zuid.tafelId].sort());
      // A token stays a token of its own tafel: linked or not, West's token does not read the demo tafel.
      expect(await readsHistory(westSession.token, 'demo')).toBe(403);
      expect(await readsHistory(first.token, 'demo')).toBe(200);

      // A new device with one operator invite gets all three.
      const fresh = await redeemAll(await adminInvite('demo', gert().lidId));
      expect(fresh.also.map((t) => t.tafelId).sort()).toEqual([west.tafelId, zuid.tafelId].sort());
      for (const t of fresh.also) expect(await me(t.token)).toEqual({ status: 200, tafelId: t.tafelId });
    });

    it("refuses a link within one tafel, and one without two working tokens", async () => {
      const vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
      const gertToken = (await redeemAll(await adminInvite('demo', gert().lidId))).token;
      expect((await api(relay, 'POST', '/api/personen/link', { token: gertToken, body: { token: vera.token } })).status).toBe(409);
      expect((await api(relay, 'POST', '/api/personen/link', { token: gertToken, body: { token: 'not-a-token' } })).status).toBe(401);
      expect((await api(relay, 'POST', '/api/personen/link', { body: { token: vera.token } })).status).toBe(401);
    });

    it("opens only its own tafel with an invite another chair made for the lid", async () => {
      const vera = await redeem(relay, (await runAdmin(relay, ['invite', '--tafel', 'demo', '--lid', demoLink(relay, 'Vera Voorzitter').lidId]) as { code: string }).code);
      const invite = await api(relay, 'POST', '/api/tafels/demo/invites', { token: vera.token, body: { lidId: gert().lidId } });
      expect(invite.status).toBe(201);
      const byChair = await redeemAll(String(invite.json.code));
      expect(byChair.tafelId).toBe('demo');
      expect(byChair.also).toEqual([]);
      // Nor can that token join Gert's persoon (with its other tafels) to a lid the chair holds elsewhere.
      const chairElsewhere = await redeem(relay, noord.code);
      const attempt = await api(relay, 'POST', '/api/personen/link', { token: chairElsewhere.token, body: { token: byChair.token } });
      expect([attempt.status, attempt.json.error]).toEqual([403, 'persoon-not-own']);
      const list = (await runAdmin(relay, ['persoon', 'list', '--tafel', noord.tafelId, '--lid', noord.chairLidId])) as { leden: unknown[] };
      expect(list.leden).toHaveLength(1);
    });

    it('revoking the lid at one tafel drops that tafel only, also for the next new device', async () => {
      const device = await redeemAll(await adminInvite('demo', gert().lidId));
      const zuidToken = device.also.find((t) => t.tafelId === zuid.tafelId)!.token;
      const westToken = device.also.find((t) => t.tafelId === west.tafelId)!.token;
      await runAdmin(relay, ['revoke-lid', '--tafel', zuid.tafelId, '--lid', zuid.chairLidId]);
      expect((await me(zuidToken)).status).toBe(401);
      expect(await me(device.token)).toEqual({ status: 200, tafelId: 'demo' });
      expect(await me(westToken)).toEqual({ status: 200, tafelId: west.tafelId });
      const next = await redeemAll(await adminInvite('demo', gert().lidId));
      expect(next.also.map((t) => t.tafelId)).toEqual([west.tafelId]);
      // The chair's revocation in the app does the same: West's chair is Gert, revoking himself there.
      const westNow = next.also[0]!.token;
      expect((await api(relay, 'POST', `/api/tafels/${west.tafelId}/leden/${west.chairLidId}/revoke`, { token: westNow })).status).toBe(200);
      expect((await me(westNow)).status).toBe(401);
      expect((await redeemAll(await adminInvite('demo', gert().lidId))).also).toEqual([]);
    });
  });
}
