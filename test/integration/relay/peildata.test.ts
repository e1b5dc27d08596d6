// Peildata at a real relay: the chair withdraws a snapshot the relay accepted minutes ago, and the
// withdrawal is in the relay's audit; a snapshot the relay has no acceptance time for (the demo's,
// seeded before any client) is never withdrawn, whatever the device's clock says.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { api, cleanupRelays, connectClient, demoLink, redeem, startRelay, waitFor, type Session, type StartedRelay, type TestClient } from '../helpers/relay';

describe('relay: peildata', () => {
  let relay: StartedRelay;
  let vera: Session;
  let client: TestClient;
  let second: TestClient;

  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
    client = connectClient(relay, 'demo', vera.token);
    second = connectClient(relay, 'demo', vera.token);
    await Promise.all([client.synced(), second.synced()]);
  });

  afterAll(async () => {
    client.close();
    second.close();
    await cleanupRelays();
  });

  const actor = () => M.actorForLid(client.doc, vera.lidId)!;

  it('accepts a withdrawal within 24 hours and keeps it in the audit', async () => {
    const datum = O.vandaag(new Date(Date.now() - 20 * 86_400_000));
    const id = O.freezePeildatum(client.doc, actor(), datum);
    await waitFor(() => M.readPeildata(second.doc).some((p) => p.id === id), 'the peildatum to reach the other tablet');
    O.withdrawPeildatum(client.doc, actor(), id);
    await waitFor(() => !M.readPeildata(second.doc).some((p) => p.id === id), 'the withdrawal to reach the other tablet');
    expect(client.rejections).toEqual([]);
    const audit = await api(relay, 'GET', '/api/tafels/demo/audit?limit=1000', { token: vera.token });
    const paths = (audit.json.entries as { accepted: boolean; detail: { paths?: string[] } }[]).filter((e) => e.accepted).flatMap((e) => e.detail.paths ?? []);
    expect(paths).toContain(`createEntity peildata ${id}`);
    expect(paths).toContain(`deleteEntity peildata ${id}`);
  });

  it('refuses to withdraw a snapshot the relay did not accept within the last 24 hours', async () => {
    const demo = M.readPeildata(client.doc).at(-1)!;
    // The device's own clock says it is fresh (the demo froze it minutes ago); the relay knows better.
    expect(O.mayWithdrawPeildatum(client.doc, actor(), demo.id)).toBe(true);
    O.withdrawPeildatum(client.doc, actor(), demo.id);
    await waitFor(() => client.rejections.length > 0, 'the relay to refuse the withdrawal');
    expect(client.rejections[0]!.violations.map((v) => v.code)).toContain('frozen');
    expect(M.readPeildata(second.doc).some((p) => p.id === demo.id)).toBe(true);
  });
});
