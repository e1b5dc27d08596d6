// Two relay processes on one Postgres: each tafel is served by the process holding its lease;
// the other forwards the tafel's websockets there; a revocation by the admin CLI reaches the
// holder through LISTEN/NOTIFY.
// Failover: the holder is SIGKILLed while clients write; the other process takes the lease within
// seconds, the clients reconnect, and every update any client saw acknowledged is still there,
// none was accepted twice, and no two processes accepted updates for the tafel at the same time.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actorForLid, readProject, readProjecten } from '../../../src/model';
import { setOplevering, setProjectField } from '../../../src/operations';
import { CLOSE } from '../../../src/protocol/closeCodes';
import {
  api,
  cleanupRelays,
  connectClient,
  demoLink,
  docState,
  inviteWhenKnown,
  redeem,
  runAdmin,
  startRelay,
  waitFor,
  type Session,
  type TestClient,
} from '../helpers/relay';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LEASE_MS = 3000;

describe('relay: two processes on one Postgres', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    await cleanupRelays();
    await postgres?.stop();
  });

  it('serves each tafel from its lease holder, fails over on SIGKILL, and loses or doubles no acknowledged update', async () => {
    const url = await postgres.createDatabase();
    // No periodic membership check: a revocation must arrive through the bus.
    const env = { AAN_TAFEL_DATABASE_URL: url, AAN_TAFEL_LEASE_MS: String(LEASE_MS), AAN_TAFEL_COMPACT_EVERY: '1000000', AAN_TAFEL_MEMBERSHIP_CHECK_MS: '3600000' };
    // A seeds the demo tafel and, issuing its invites, takes the tafel's lease.
    const a = await startRelay({ demo: true, env });
    const b = await startRelay({ env });
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    db.on('error', () => undefined);
    const holder = async () => (await db.query<{ holder: string }>("SELECT holder FROM tafel_leases WHERE tafel_id = 'demo'")).rows[0]?.holder;

    const names = ['Gert Gemeente', 'Carla Corporatie', 'Dirk Ontwikkelaar'] as const;
    const sessions: Session[] = [];
    for (const naam of names) sessions.push(await redeem(b, demoLink(a, naam).code));
    const vera = await redeem(a, demoLink(a, 'Vera Voorzitter').code);
    // Gert talks to A directly, Carla and Dirk to B, which forwards them to A.
    const clients: TestClient[] = [
      connectClient(a, 'demo', sessions[0]!.token),
      connectClient(b, 'demo', sessions[1]!.token),
      connectClient(b, 'demo', sessions[2]!.token),
    ];
    await Promise.all(clients.map((c) => c.synced()));
    const holderA = await holder();
    expect(holderA).toBeTruthy();
    expect((await api(a, 'GET', '/health')).json.connections).toBe(3);
    expect((await api(b, 'GET', '/health')).json.rooms).toBe(0);

    // A second device of Gert's, through B; the admin CLI revokes its token: A, holding the
    // tafel, hears of it (NOTIFY) and closes that connection, and only that one.
    const second = await inviteWhenKnown(b, 'demo', vera.token, sessions[0]!.lidId);
    const device2 = await redeem(b, second);
    const spare = connectClient(b, 'demo', device2.token);
    await spare.synced();
    await runAdmin(b, ['revoke-token', '--token', device2.token]);
    await waitFor(() => spare.closes.includes(CLOSE.revoked), 'the revoked device to be closed');
    spare.close();
    expect(clients.every((c) => c.closes.length === 0)).toBe(true);

    // Everything a client receives from a relay was committed first: acknowledged.
    const received: Uint8Array[] = [];
    for (const c of clients) {
      c.doc.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin === c.provider) received.push(u);
      });
    }
    const actor = (i: number) => actorForLid(clients[i]!.doc, sessions[i]!.lidId)!;
    const projecten = readProjecten(clients[0]!.doc);
    const eigen = (i: number) => projecten.filter((p) => p.privaatEigenaar === actor(i).partijId).map((p) => p.id)[0]!;
    const [gertProject, carlaProject, dirkProject] = [projecten[0]!.id, eigen(1), eigen(2)];
    let running = true;
    const counters = [0, 0, 0];
    const burst = async (i: number, edit: (n: number) => void) => {
      while (running) {
        edit(++counters[i]!);
        await pause(5);
      }
    };
    const writeAll = () =>
      Promise.all([
        burst(0, (n) => setProjectField(clients[0]!.doc, actor(0), gertProject, 'publiekeOpmerkingen', `opmerking ${n}`)),
        burst(1, (n) => setOplevering(clients[1]!.doc, actor(1), carlaProject, 2029, n)),
        burst(2, (n) => setOplevering(clients[2]!.doc, actor(2), dirkProject, 2030, n)),
      ]);
    let bursts = writeAll();
    await waitFor(() => received.length >= 60, 'the burst to be under way');

    await a.kill('SIGKILL');
    const killedAt = Date.now();
    // The clients go on editing for a moment without a relay, then wait for one.
    await pause(150);
    running = false;
    await bursts;
    // Gert's route to A is gone: like a proxy would, his tablet now reaches B (same document).
    const gertDoc = clients[0]!.doc;
    clients[0]!.provider.destroy();
    clients[0] = connectClient(b, 'demo', sessions[0]!.token, gertDoc);
    await waitFor(async () => (await holder()) !== undefined && (await holder()) !== holderA, 'B to take the lease', 30_000);
    const takeoverMs = Date.now() - killedAt;
    await Promise.all(clients.map((c) => c.synced()));
    // And they write on, now served by B.
    const before = received.length;
    running = true;
    bursts = writeAll();
    await waitFor(() => received.length >= before + 30, 'B to acknowledge new edits');
    running = false;
    await bursts;

    // Everything converges on B, with every edit made before, during and after the failover.
    const observer = connectClient(b, 'demo', vera.token);
    await observer.synced();
    const final = counters.slice();
    await waitFor(
      () =>
        readProject(observer.doc, gertProject)?.publiekeOpmerkingen === `opmerking ${final[0]}` &&
        readProject(observer.doc, carlaProject)?.opleveringen[2029] === final[1] &&
        readProject(observer.doc, dirkProject)?.opleveringen[2030] === final[2],
      'every edit to reach B',
      30_000,
    );
    await waitFor(() => new Set([observer, ...clients].map((c) => docState(c.doc))).size === 1, 'everyone to converge');
    for (const c of clients) expect(c.rejections).toEqual([]);

    // Every acknowledged update is in the stored tafel: applying them again changes nothing.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(observer.doc));
    const sv = Y.encodeStateVector(stored);
    for (const u of received) Y.applyUpdate(stored, u);
    expect(Y.encodeStateVector(stored)).toEqual(sv);

    // The log: no struct accepted twice, and A's entries all come before B's (never both at once).
    const log = await db.query<{ seq: string; data: Buffer; relay: string }>("SELECT seq, data, relay FROM updates WHERE tafel_id = 'demo' ORDER BY seq");
    const seen = new Map<number, [number, number][]>();
    for (const row of log.rows) {
      const { from, to } = Y.parseUpdateMeta(new Uint8Array(row.data));
      for (const [client, start] of from) {
        const end = to.get(client) ?? start;
        if (end === start) continue;
        const ranges = seen.get(client) ?? [];
        for (const [s, e] of ranges) expect(start >= e || end <= s, `client ${client} ${start}-${end} overlaps ${s}-${e}`).toBe(true);
        ranges.push([start, end]);
        seen.set(client, ranges);
      }
    }
    const relays = log.rows.map((r) => r.relay);
    const firstB = relays.findIndex((r) => r !== holderA);
    expect(firstB).toBeGreaterThan(0);
    expect(relays.slice(firstB).every((r) => r === relays[firstB])).toBe(true);
    expect(new Set(relays).size).toBe(2);

    console.log(`failover: B took the lease ${takeoverMs} ms after the SIGKILL (lease ${LEASE_MS} ms); ${received.length} acknowledged updates checked`);
    observer.close();
    for (const c of clients) c.close();
    await db.end();
    await b.stop();
  }, 180_000);
});
