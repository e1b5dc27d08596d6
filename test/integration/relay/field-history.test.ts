// Issue 16, section 2: the relay keeps a per-field history of every accepted write (from what to
// what, who, when) in the same transaction as the write, serves it to the leden of the tafel, and
// answers what a root looked like at a moment, with each field's first change after it (the
// planmonitor as of a date). On both storage
// engines: a relay on SQLite and one on Postgres (a throwaway cluster, helpers/postgres.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForLid, readProjecten } from '../../../src/model';
import { setPrivaatEigenaar, setProjectField } from '../../../src/operations';
import { startPostgres, type TestPostgres } from '../helpers/postgres';
import { api, cleanupRelays, connectClient, demoLink, redeem, startRelay, waitFor, type Session, type StartedRelay, type TestClient } from '../helpers/relay';

interface Entry {
  field: string;
  from: unknown;
  to: unknown;
  lidId: string;
  entityId: string;
  receivedAt: number;
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`relay: field history (${engine})`, () => {
    let relay: StartedRelay;
    let gert: Session;
    let vera: Session;
    let gertClient: TestClient;
    let veraClient: TestClient;
    let postgres: TestPostgres | undefined;

    beforeAll(async () => {
      if (engine === 'postgres') postgres = await startPostgres();
      const env: Record<string, string> = postgres ? { AAN_TAFEL_DATABASE_URL: await postgres.createDatabase() } : {};
      relay = await startRelay({ demo: true, env });
      gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
      vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
      gertClient = connectClient(relay, 'demo', gert.token);
      veraClient = connectClient(relay, 'demo', vera.token);
      await Promise.all([gertClient.synced(), veraClient.synced()]);
    });
    afterAll(async () => {
      gertClient.close();
      veraClient.close();
      await cleanupRelays();
      await postgres?.stop();
    });

    const history = async (token: string, query: string) => {
      const r = await api(relay, 'GET', `/api/tafels/demo/history?${query}`, { token });
      return { status: r.status, entries: ((r.json as { entries?: Entry[] }).entries ?? []) as Entry[] };
    };

    it('keeps every change of a field, from what to what, by whom, for every lid', async () => {
      const kade = readProjecten(gertClient.doc).find((p) => p.naam === 'De Kade')!;
      const voor = kade.locatie;
      const actor = actorForLid(gertClient.doc, gert.lidId)!;
      const voorAlles = Date.now() - 1;
      setProjectField(gertClient.doc, actor, kade.id, 'locatie', 'Kadeplein');
      await waitFor(async () => (await history(vera.token, `root=projecten&entity=${kade.id}&field=locatie`)).entries.length === 1, 'the first change');
      const tussen = Date.now();
      await new Promise((r) => setTimeout(r, 20));
      setProjectField(gertClient.doc, actor, kade.id, 'locatie', 'Kadeplein Noord');
      await waitFor(async () => (await history(vera.token, `root=projecten&entity=${kade.id}&field=locatie`)).entries.length === 2, 'the second change');

      // Vera (not the writer, and any lid) reads it, newest first.
      const { entries } = await history(vera.token, `root=projecten&entity=${kade.id}&field=locatie`);
      expect(entries.map((e) => [e.from, e.to, e.lidId])).toEqual([
        ['Kadeplein', 'Kadeplein Noord', gert.lidId],
        [voor, 'Kadeplein', gert.lidId],
      ]);

      // The whole project, the owner change by the chair included.
      setPrivaatEigenaar(veraClient.doc, actorForLid(veraClient.doc, vera.lidId)!, kade.id, kade.privaatEigenaar);
      const all = await history(gert.token, `root=projecten&entity=${kade.id}`);
      expect(all.entries.map((e) => e.field)).toContain('locatie');

      // As of a date: the value accepted by then.
      const asOf = await api(relay, 'GET', `/api/tafels/demo/history/as-of?root=projecten&at=${tussen}`, { token: gert.token });
      const locatie = (asOf.json as { entries: Entry[] }).entries.find((e) => e.entityId === kade.id && e.field === 'locatie');
      expect(locatie?.to).toBe('Kadeplein');
      // And each field's first change after it: what the monitor of that date rewinds today's value with.
      const next = (asOf.json as { next: Entry[] }).next.find((e) => e.entityId === kade.id && e.field === 'locatie');
      expect([next?.from, next?.to]).toEqual(['Kadeplein', 'Kadeplein Noord']);
      const eerder = await api(relay, 'GET', `/api/tafels/demo/history/as-of?root=projecten&at=${voorAlles}`, { token: gert.token });
      const body = eerder.json as { entries: Entry[]; next: Entry[] };
      expect(body.entries.find((e) => e.entityId === kade.id && e.field === 'locatie')).toBeUndefined();
      expect(body.next.find((e) => e.entityId === kade.id && e.field === 'locatie')?.from).toBe(voor);
    });

    it('refuses outsiders and bad queries without crashing', async () => {
      expect((await api(relay, 'GET', '/api/tafels/demo/history?root=projecten&entity=x')).status).toBe(401);
      expect((await history(vera.token, 'root=nietsbestaands&entity=x')).status).toBe(400);
      expect((await history(vera.token, 'root=projecten&entity=x&limit=0')).status).toBe(400);
      expect((await api(relay, 'GET', '/api/tafels/andere/history?root=projecten&entity=x', { token: vera.token })).status).toBe(403);
    });
  });
}
