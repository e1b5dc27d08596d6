// Durability: the relay is SIGKILLed in the middle of a burst of edits; after a restart every
// update any client saw broadcast is still there, and the edits made during the outage sync when
// the clients reconnect. And: a restart (or an idle unload with compaction) restores every tafel.
// Both on the embedded SQLite file and on Postgres (a throwaway cluster, helpers/postgres.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPartijen, readProject, readProjecten, readTafel } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import { addPartij, editTafel, setOplevering, setProjectField } from '../../../src/operations';
import {
  api,
  cleanupRelays,
  connectClient,
  createTafel,
  demoLink,
  docState,
  redeem,
  runAdmin,
  startRelay,
  waitFor,
  type Session,
  type TestClient,
} from '../helpers/relay';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const engine of ['sqlite', 'postgres'] as const) describe(`relay: durability (${engine})`, () => {
  let postgres: TestPostgres | undefined;
  /** A fresh store: the default data folder for SQLite, a new database for Postgres. */
  const storeEnv = async (): Promise<Record<string, string>> =>
    postgres ? { AAN_TAFEL_DATABASE_URL: await postgres.createDatabase() } : {};
  beforeAll(async () => {
    if (engine === 'postgres') postgres = await startPostgres();
  });
  afterAll(async () => {
    await cleanupRelays();
    await postgres?.stop();
  });

  it('loses nothing that was broadcast when killed mid-burst, and syncs the outage edits afterwards', async () => {
    let relay = await startRelay({ demo: true, env: await storeEnv() });
    const names = ['Gert Gemeente', 'Carla Corporatie', 'Dirk Ontwikkelaar'] as const;
    const sessions: Session[] = [];
    const clients: TestClient[] = [];
    for (const naam of names) {
      const s = await redeem(relay, demoLink(relay, naam).code);
      sessions.push(s);
      clients.push(connectClient(relay, 'demo', s.token));
    }
    const vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
    await Promise.all(clients.map((c) => c.synced()));

    // Everything each client receives from the relay is, by the relay's promise, durable.
    const received: Uint8Array[] = [];
    for (const c of clients) {
      c.doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === c.provider) received.push(u);
      });
    }

    const [gert, carla, dirk] = clients as [TestClient, TestClient, TestClient];
    const actor = (i: number) => actorForLid(clients[i]!.doc, sessions[i]!.lidId)!;
    const projecten = readProjecten(gert.doc);
    const eigen = (i: number) => projecten.filter((p) => p.privaatEigenaar === actor(i).partijId).map((p) => p.id);
    const gertProject = projecten[0]!.id;
    const carlaProject = eigen(1)[0]!;
    const dirkProject = eigen(2)[0]!;

    let running = true;
    const counters = [0, 0, 0];
    const burst = async (i: number, edit: (n: number) => void) => {
      while (running) {
        edit(++counters[i]!);
        await pause(2);
      }
    };
    const bursts = Promise.all([
      burst(0, (n) => setProjectField(gert.doc, actor(0), gertProject, 'publiekeOpmerkingen', `opmerking ${n}`)),
      burst(1, (n) => setOplevering(carla.doc, actor(1), carlaProject, 2029, n)),
      burst(2, (n) => setOplevering(dirk.doc, actor(2), dirkProject, 2030, n)),
    ]);

    await waitFor(() => received.length >= 30, 'the burst to be under way');
    await relay.kill('SIGKILL');
    // Keep the clients away until we have looked at what the relay kept on its own.
    for (const c of clients) c.provider.disconnect();
    const seenBeforeCrash = received.length;
    await pause(150); // edits continue offline
    running = false;
    await bursts;
    expect(seenBeforeCrash).toBeGreaterThan(0);

    relay = await startRelay({ dataDir: relay.dataDir, port: relay.port, demo: true, env: relay.env });
    const observer = connectClient(relay, 'demo', vera.token);
    await observer.synced();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(observer.doc));
    const before = docState(stored);
    const svBefore = Y.encodeStateVector(stored);
    for (const u of received.slice(0, seenBeforeCrash)) Y.applyUpdate(stored, u);
    expect(docState(stored)).toBe(before);
    expect(Y.encodeStateVector(stored)).toEqual(svBefore);

    // The clients come back; their outage edits arrive at the relay and at each other.
    for (const c of clients) c.provider.connect();
    await Promise.all(clients.map((c) => c.synced()));
    const final = counters.slice();
    await waitFor(
      () =>
        readProject(observer.doc, gertProject)?.publiekeOpmerkingen === `opmerking ${final[0]}` &&
        readProject(observer.doc, carlaProject)?.opleveringen[2029] === final[1] &&
        readProject(observer.doc, dirkProject)?.opleveringen[2030] === final[2],
      'the outage edits to reach the relay',
    );
    await waitFor(() => new Set([observer, ...clients].map((c) => docState(c.doc))).size === 1, 'everyone to converge');
    for (const c of clients) expect(c.rejections).toEqual([]);

    observer.close();
    for (const c of clients) c.close();
    await relay.stop();
  }, 120_000);

  it('restores every tafel after a restart, and after idle unloading with compaction', async () => {
    const env = { AAN_TAFEL_COMPACT_EVERY: '3', AAN_TAFEL_ROOM_IDLE_MS: '300', ...(await storeEnv()) };
    let relay = await startRelay({ env });
    const tafels = [];
    for (const i of [1, 2, 3]) tafels.push(await createTafel(relay, `Tafel ${i}`));
    const chairs: Session[] = [];
    for (const [i, t] of tafels.entries()) {
      const chair = await redeem(relay, t.code);
      chairs.push(chair);
      const client = connectClient(relay, t.tafelId, chair.token);
      await client.synced();
      const actor = actorForLid(client.doc, chair.lidId)!;
      editTafel(client.doc, actor, { naam: `Versnellingstafel ${i + 1}`, regio: `Regio ${i + 1}` });
      for (let p = 0; p < 4; p++) addPartij(client.doc, actor, { naam: `Partij ${i + 1}.${p}`, bloedgroep: 'markt' });
      const seen = connectClient(relay, t.tafelId, chair.token);
      await seen.synced();
      await waitFor(() => readPartijen(seen.doc).length === 5, 'the edits to be stored');
      seen.close();
      client.close();
    }
    // Rooms unload when idle (compacting their log); connecting again loads them from disk.
    await waitFor(async () => (await api(relay, 'GET', '/health')).json.rooms === 0, 'rooms to unload');
    expect(((await runAdmin(relay, ['list-tafels'])) as { logEntries: number }[]).map((t) => t.logEntries)).toEqual([0, 0, 0]);

    await relay.stop();
    relay = await startRelay({ dataDir: relay.dataDir, env });
    const listed = await runAdmin(relay, ['list-tafels']) as { id: string; naam: string }[];
    expect(listed.map((t) => t.naam).sort()).toEqual(['Versnellingstafel 1', 'Versnellingstafel 2', 'Versnellingstafel 3']);
    for (const [i, t] of tafels.entries()) {
      // Device tokens survive the restart too.
      const client = connectClient(relay, t.tafelId, chairs[i]!.token);
      await client.synced();
      expect(readTafel(client.doc)).toEqual(expect.objectContaining({ naam: `Versnellingstafel ${i + 1}`, regio: `Regio ${i + 1}` }));
      expect(readPartijen(client.doc).map((p) => p.naam).sort()).toEqual(
        ['Onafhankelijk voorzitterschap', ...[0, 1, 2, 3].map((p) => `Partij ${i + 1}.${p}`)].sort(),
      );
      client.close();
    }
    await relay.stop();
  }, 120_000);
});
