// Chaos (issue 11): eight tablets running the app's own sync layer (Device, Session, fake
// IndexedDB), several leden per partij, legitimate edits only (test/integration/helpers/
// legit-edits.ts), random network partitions, and the relay killed with SIGKILL three times and
// restarted on the same data. In the end every tablet equals the relay, every edit anyone made is
// there (none lost, acknowledged or not), the relay refused nothing (its audit has no rejection,
// no tablet rebuilt its document) and every conflict inbox is empty.
//
// Seeded and reproducible in what it does (CHAOS_SEED=<n> to replay another run; the seed is in
// the test name); it waits on conditions, never on the machine being fast.

import 'fake-indexeddb/auto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { DB_FILE } from '../../../server/storage';
import { Editor, type Choice, type SharedSlot } from '../helpers/legit-edits';
import { cleanupRelays, connectClient, createTafel, docState, inviteWhenKnown, redeem, startRelay, waitFor, type StartedRelay } from '../helpers/relay';
import { inSync, tablet, type Fixture, type Tablet } from './fixture';

const SEED = Number(process.env.CHAOS_SEED ?? 20261202);
const ROUNDS = 18;
/** Rounds after which the relay is killed (SIGKILL) and, some edits later, restarted. */
const KILLS = new Set([4, 9, 14]);

/** mulberry32: a small seeded PRNG, so a run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tablets: Tablet[] = [];
afterAll(async () => {
  for (const t of tablets) t.close();
  await cleanupRelays();
});

describe('chaos', () => {
  it(`loses nothing and refuses nothing legitimate through partitions and relay kills (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const int = (n: number) => Math.floor(random() * n);
    const choice = (): Choice => ({ kind: int(10), pick: int(1000), text: `r${int(100)}`, times: 1 + int(3) });

    // The tafel: a gemeente with three leden, a marktpartij and a corporatie with two each, the chair.
    let relay: StartedRelay = await startRelay();
    const t = await createTafel(relay, 'Versnellingstafel Chaos');
    const chairSession = await redeem(relay, t.code);
    const chair = connectClient(relay, t.tafelId, chairSession.token);
    await chair.synced();
    const c = M.actorForLid(chair.doc, chairSession.lidId)!;
    const gemeente = O.addPartij(chair.doc, c, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
    const markt = O.addPartij(chair.doc, c, { naam: 'Bouwbedrijf B', bloedgroep: 'markt' });
    const corporatie = O.addPartij(chair.doc, c, { naam: 'Woonstichting C', bloedgroep: 'corporatie' });
    const leden: { naam: string; lidId: string }[] = (
      [
        ['Gert', gemeente],
        ['Greet', gemeente],
        ['Guus', gemeente],
        ['Bea', markt],
        ['Bob', markt],
        ['Carla', corporatie],
        ['Cor', corporatie],
      ] as const
    ).map(([naam, partijId]) => ({ naam, lidId: O.addLid(chair.doc, c, { naam, partijId, rol: 'lid' }) }));
    leden.push({ naam: 'Vera', lidId: chairSession.lidId });
    const p1 = O.createProject(chair.doc, c, { naam: 'Parkzicht', publiekEigenaar: gemeente, privaatEigenaar: markt });
    const p2 = O.createProject(chair.doc, c, { naam: 'Havenkwartier', publiekEigenaar: gemeente, privaatEigenaar: corporatie });
    const vergadering = O.planVergadering(chair.doc, c, { titel: 'Kwartaaloverleg', datum: '2027-03-15' });
    const afspraak = O.recordAfspraak(chair.doc, c, { wat: 'Netbeheerder uitnodigen', partijId: markt });
    const knelpunt = O.raiseKnelpunt(chair.doc, c, { titel: 'Netcongestie', thema: 'capaciteit' });
    await inviteWhenKnown(relay, t.tafelId, chairSession.token, leden[6]!.lidId);
    expect(chair.rejections).toEqual([]);

    const fixture = { relay, tafelId: t.tafelId, chair } as unknown as Fixture;
    const text = (_n: number, s: string) => s;
    const one = <T>(list: readonly T[]) => (n: number) => list[n % list.length];
    const kwartaal = (from: number) => (n: number) => `${from + (n % 5)}-Q${1 + (n % 4)}`;
    const shared: Record<string, SharedSlot[]> = {
      Gert: [{ root: 'projecten', entityId: p1, key: 'naam', values: text }],
      Greet: [
        { root: 'projecten', entityId: p1, key: 'planstatus', values: one(M.PLANSTATUSSEN) },
        { root: 'projecten', entityId: p2, key: 'naam', values: text },
      ],
      Guus: [{ root: 'projecten', entityId: p1, key: 'locatie', values: text }],
      Bea: [
        { root: 'projecten', entityId: p1, key: 'startBouw', values: kwartaal(2027) },
        { root: 'afspraken', entityId: afspraak, key: 'status', values: one(M.AFSPRAAK_STATUSSEN) },
      ],
      Bob: [
        { root: 'projecten', entityId: p1, key: 'bouwstatus', values: one(M.BOUWSTATUSSEN) },
        { root: 'afspraken', entityId: afspraak, key: 'voortgang', values: text },
      ],
      Carla: [{ root: 'projecten', entityId: p2, key: 'startBouw', values: kwartaal(2028) }],
      Cor: [{ root: 'projecten', entityId: p2, key: 'bouwstatus', values: one(M.BOUWSTATUSSEN) }],
      Vera: [
        { root: 'vergaderingen', entityId: vergadering, key: 'locatie', values: text },
        { root: 'tafel', entityId: null, key: 'regio', values: text },
      ],
    };
    const world = { knelpunt, vergadering, gemeente };
    const editors: Editor[] = [];
    for (const { naam, lidId } of leden) {
      const tab = await tablet(fixture, lidId, `chaos-${naam}-${SEED}-${Date.now()}`);
      tablets.push(tab);
      editors.push(new Editor(naam, lidId, shared[naam]!, world, () => tab.session.doc));
    }
    await Promise.all(tablets.map((tab, i) => inSync(tab.session, `${leden[i]!.naam} to sync after joining`)));
    const firstDocs = tablets.map((tab) => tab.session.doc);

    const edit = (i: number) => {
      const n = int(4);
      for (let k = 0; k < n; k++) editors[i]!.edit(choice());
    };
    let down = false;
    for (let round = 1; round <= ROUNDS; round++) {
      for (let i = 0; i < tablets.length; i++) {
        const tab = tablets[i]!;
        // Partitions: a tablet drops off or comes back; one in three stays as it is.
        const r = random();
        if (r < 0.3) tab.network.setOnline(false);
        else if (r < 0.7) tab.network.setOnline(true);
        edit(i);
      }
      if (KILLS.has(round)) {
        await relay.kill('SIGKILL');
        down = true;
        for (let i = 0; i < tablets.length; i++) edit(i);
      } else if (down) {
        relay = await startRelay({ dataDir: relay.dataDir, port: relay.port });
        down = false;
      }
      // Let the messages of this round travel for a while (pacing only: nothing is asserted here).
      await new Promise((resolve) => setTimeout(resolve, 50 + int(250)));
    }
    if (down) relay = await startRelay({ dataDir: relay.dataDir, port: relay.port });

    // Everyone back online: every tablet equals the relay and holds every edit.
    for (const tab of tablets) tab.network.setOnline(true);
    const observer = connectClient(relay, t.tafelId, chairSession.token);
    await observer.synced();
    await waitFor(
      () => tablets.every((tab) => tab.session.status.connection === 'online' && !tab.session.status.recovering && tab.session.status.pending === 0),
      'every tablet to be online with nothing pending',
      120_000,
    );
    await waitFor(() => tablets.every((tab) => docState(tab.session.doc) === docState(observer.doc)), 'every tablet to equal the relay', 60_000);
    expect(editors.reduce((n, e) => n + e.ledger.size, 0)).toBeGreaterThan(100);
    expect(editors.flatMap((e) => e.missingIn(observer.doc))).toEqual([]);
    // Nothing refused: no tablet had to rebuild its document, the audit has no rejection, no conflicts.
    expect(tablets.filter((tab, i) => tab.session.doc !== firstDocs[i]).map((_, i) => leden[i]!.naam)).toEqual([]);
    const db = new Database(path.join(relay.dataDir, DB_FILE), { readonly: true });
    try {
      const refused = db.prepare('SELECT detail FROM audit WHERE accepted = 0').pluck().all();
      expect(refused).toEqual([]);
      // Offline periods arrive as one update each, so how many updates there were varies by timing.
      expect(db.prepare('SELECT COUNT(*) FROM audit WHERE accepted = 1').pluck().get()).toBeGreaterThan(10);
    } finally {
      db.close();
    }
    for (const tab of tablets) expect(await tab.device.listConflicts(t.tafelId)).toEqual([]);
    observer.close();
    chair.close();
  }, 300_000);
});
