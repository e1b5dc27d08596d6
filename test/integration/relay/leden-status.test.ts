// Issue 16, defect 13: the chair sees each lid's access: invited, joined and last seen, revoked.
// On both storage engines: a relay on SQLite and one on Postgres (helpers/postgres.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { api, cleanupRelays, demoLink, redeem, startRelay, type Session, type StartedRelay } from '../helpers/relay';

interface Status {
  lidId: string;
  invitedUntil: number | null;
  joinedAt: number | null;
  lastJoinAt: number | null;
  lastSeenAt: number | null;
  revoked: boolean;
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`relay: leden status (${engine})`, () => {
    let relay: StartedRelay;
    let vera: Session;
    const status = async (token: string) => {
      const r = await api(relay, 'GET', '/api/tafels/demo/leden/status', { token });
      return { code: r.status, leden: (r.json as { leden?: Status[] }).leden ?? [] };
    };

    let postgres: TestPostgres | undefined;

    beforeAll(async () => {
      if (engine === 'postgres') postgres = await startPostgres();
      const env: Record<string, string> = postgres ? { AAN_TAFEL_DATABASE_URL: await postgres.createDatabase() } : {};
      relay = await startRelay({ demo: true, env });
      vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
    });
    afterAll(async () => {
      await cleanupRelays();
      await postgres?.stop();
    });

    it('says invited before, joined after redeeming, and revoked after revoking', async () => {
      const gert = demoLink(relay, 'Gert Gemeente');
      const before = (await status(vera.token)).leden.find((s) => s.lidId === gert.lidId);
      expect(before).toMatchObject({ joinedAt: null, revoked: false });
      expect(before?.invitedUntil).toBeGreaterThan(Date.now());

      const session = await redeem(relay, gert.code);
      const after = (await status(vera.token)).leden.find((s) => s.lidId === gert.lidId);
      expect(after?.invitedUntil).toBeNull();
      expect(after?.joinedAt).toBeTypeOf('number');
      expect(after?.lastJoinAt).toBe(after?.joinedAt);
      expect(after?.lastSeenAt).toBeGreaterThanOrEqual(after!.joinedAt!);

      expect((await status(session.token)).code).toBe(403);

      await api(relay, 'POST', `/api/tafels/demo/leden/${gert.lidId}/revoke`, { token: vera.token });
      expect((await status(vera.token)).leden.find((s) => s.lidId === gert.lidId)?.revoked).toBe(true);
    });

    it('refuses without a token', async () => {
      expect((await api(relay, 'GET', '/api/tafels/demo/leden/status')).status).toBe(401);
    });
  });
}
