// Property (issue 11): every legitimate offline change is accepted and all replicas converge.
// Random sequences of permitted edits by random leden (create, the same field written repeatedly,
// remove, propose and withdraw, comment; test/integration/helpers/legit-edits.ts), grouped into
// offline periods of random length, with edits typed while a tablet reconnects, sent exactly as
// the app's sync layer sends them: the app's RelayConnection (y-websocket provider and our
// additions) against the real relay code (rooms, gate, validator, SQLite) behind in-memory
// sockets. Devices keep deleted content (as the app's sessions do) or collect it (as a stock Yjs
// client does), at random. No update may be rejected; in the end every replica equals the relay
// and holds every edit.

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { RelayConnection, type ConnectionState } from '../../../src/sync/connection';
import type { Rejection } from '../../../src/protocol/messages';
import { docState } from '../../integration/helpers/doc-state';
import { Editor, type Choice, type SharedSlot } from '../../integration/helpers/legit-edits';
import { waitFor } from '../../integration/helpers/relay';
import { InMemoryRelay, Network } from './in-memory-relay';

interface Tablet {
  readonly editor: Editor;
  readonly doc: Y.Doc;
  readonly net: Network;
  readonly conn: RelayConnection;
  readonly rejections: Rejection[];
  state: ConnectionState;
}

type Step =
  | { readonly tablet: number; readonly action: 'edit'; readonly choice: Choice }
  | { readonly tablet: number; readonly action: 'offline' }
  /** back online; `typed` edits are made the moment the socket opens, before the handshake */
  | { readonly tablet: number; readonly action: 'online'; readonly typed: readonly Choice[] }
  | { readonly tablet: number; readonly action: 'wait' };

const choiceArb: fc.Arbitrary<Choice> = fc.record({
  kind: fc.nat({ max: 9 }),
  pick: fc.nat({ max: 1000 }),
  text: fc.string({ maxLength: 12 }),
  times: fc.integer({ min: 1, max: 3 }),
});

const TABLETS = 6;
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ tablet: fc.nat({ max: TABLETS - 1 }), action: fc.constant('edit' as const), choice: choiceArb }) },
  { weight: 2, arbitrary: fc.record({ tablet: fc.nat({ max: TABLETS - 1 }), action: fc.constant('offline' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      tablet: fc.nat({ max: TABLETS - 1 }),
      action: fc.constant('online' as const),
      typed: fc.oneof(fc.constant([]), fc.array(choiceArb, { minLength: 1, maxLength: 2 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ tablet: fc.nat({ max: TABLETS - 1 }), action: fc.constant('wait' as const) }) },
);

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

let relay: InMemoryRelay | undefined;
let tablets: Tablet[] = [];

afterEach(async () => {
  for (const t of tablets) t.conn.destroy();
  tablets = [];
  await relay?.stop();
  relay = undefined;
});

/** A tafel with a gemeente (two leden), a marktpartij (two leden), a corporatie and the chair. */
async function setUp(gcPerTablet: readonly boolean[]): Promise<Tablet[]> {
  const ids = {} as Record<'gemeente' | 'markt' | 'corporatie' | 'p1' | 'p2' | 'knelpunt' | 'vergadering' | 'afspraak', string>;
  const leden: { name: string; lidId: string }[] = [];
  relay = await InMemoryRelay.start((doc, chair) => {
    const c = M.actorForLid(doc, chair.lidId)!;
    ids.gemeente = O.addPartij(doc, c, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
    ids.markt = O.addPartij(doc, c, { naam: 'Bouwbedrijf B', bloedgroep: 'markt' });
    ids.corporatie = O.addPartij(doc, c, { naam: 'Woonstichting C', bloedgroep: 'corporatie' });
    for (const [name, partijId] of [
      ['Gert', ids.gemeente],
      ['Greet', ids.gemeente],
      ['Bea', ids.markt],
      ['Bob', ids.markt],
      ['Carla', ids.corporatie],
    ] as const) {
      leden.push({ name, lidId: O.addLid(doc, c, { naam: name, partijId, rol: 'lid' }) });
    }
    leden.push({ name: 'Vera', lidId: chair.lidId });
    ids.p1 = O.createProject(doc, c, { naam: 'Parkzicht', publiekEigenaar: ids.gemeente, privaatEigenaar: ids.markt });
    ids.p2 = O.createProject(doc, c, { naam: 'Havenkwartier', publiekEigenaar: ids.gemeente, privaatEigenaar: ids.corporatie });
    ids.vergadering = O.planVergadering(doc, c, { titel: 'Kwartaaloverleg', datum: '2027-03-15' });
    ids.afspraak = O.recordAfspraak(doc, c, { wat: 'Netbeheerder uitnodigen', partijId: ids.markt });
    const bea = M.actorForLid(doc, leden[2]!.lidId)!;
    ids.knelpunt = O.raiseKnelpunt(doc, bea, { titel: 'Netcongestie', thema: 'capaciteit' });
  });
  const text = (n: number, t: string) => t;
  const pickFrom = <T>(list: readonly T[]) => (n: number) => list[n % list.length];
  const shared: Record<string, SharedSlot[]> = {
    Gert: [
      { root: 'projecten', entityId: ids.p1, key: 'naam', values: text },
      { root: 'projecten', entityId: ids.p1, key: 'planstatus', values: pickFrom(M.PLANSTATUSSEN) },
    ],
    Greet: [
      { root: 'projecten', entityId: ids.p1, key: 'locatie', values: text },
      { root: 'projecten', entityId: ids.p2, key: 'naam', values: text },
    ],
    Bea: [
      { root: 'projecten', entityId: ids.p1, key: 'startBouw', values: (n) => `${2027 + (n % 5)}-Q${1 + (n % 4)}` },
      { root: 'knelpunten', entityId: ids.knelpunt, key: 'titel', values: text },
      { root: 'afspraken', entityId: ids.afspraak, key: 'status', values: pickFrom(M.AFSPRAAK_STATUSSEN) },
    ],
    Bob: [
      { root: 'projecten', entityId: ids.p1, key: 'bouwstatus', values: pickFrom(M.BOUWSTATUSSEN) },
      { root: 'afspraken', entityId: ids.afspraak, key: 'voortgang', values: text },
    ],
    Carla: [{ root: 'projecten', entityId: ids.p2, key: 'startBouw', values: (n) => `${2028 + (n % 4)}-Q${1 + (n % 4)}` }],
    Vera: [
      { root: 'vergaderingen', entityId: ids.vergadering, key: 'locatie', values: text },
      { root: 'tafel', entityId: null, key: 'regio', values: text },
    ],
  };
  const world = { knelpunt: ids.knelpunt, vergadering: ids.vergadering, gemeente: ids.gemeente };
  return leden.map(({ name, lidId }, i) => {
    const doc = new Y.Doc({ gc: gcPerTablet[i] ?? false });
    const net = new Network();
    const rejections: Rejection[] = [];
    const tablet: Tablet = {
      editor: new Editor(name, lidId, shared[name]!, world, () => doc),
      doc,
      net,
      rejections,
      state: 'connecting',
      conn: new RelayConnection({
        syncUrl: 'ws://in-memory/sync',
        tafelId: relay!.tafelId,
        token: 'in-memory',
        doc,
        tabChannel: `property-${name}-${Math.random()}`,
        WebSocket: relay!.socketClass(lidId, net),
        events: {
          state: (s) => (tablet.state = s),
          confirmed: () => undefined,
          rejected: (r) => rejections.push(r),
          closed: () => undefined,
          attemptFailed: () => undefined,
        },
      }),
    };
    tablet.conn.awareness.setLocalStateField('plek', { screen: 'home' });
    tablet.conn.connect();
    return tablet;
  });
}

/** Back online now (the provider would retry on its own after its backoff). */
function reconnect(t: Tablet, typed: readonly Choice[]): void {
  t.net.setOnline(true);
  if (typed.length > 0) {
    const typeWhenOpen = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      t.conn.provider.off('status', typeWhenOpen);
      // Before the relay's sync step 1 arrives: the edits travel behind the offline ones.
      queueMicrotask(() => typed.forEach((c) => t.editor.edit(c)));
    };
    t.conn.provider.on('status', typeWhenOpen);
  }
  if (t.conn.provider.ws === null) t.conn.provider.connect();
}

describe('offline periods (property)', () => {
  it('accepts every legitimate change of random offline periods, and every replica converges with every edit in it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: TABLETS, maxLength: TABLETS }), fc.array(stepArb, { minLength: 5, maxLength: 40 }), async (gc, steps) => {
        tablets = await setUp(gc);
        try {
          await waitFor(() => tablets.every((t) => t.state === 'online'), 'every tablet to sync first');
          for (const step of steps) {
            const t = tablets[step.tablet]!;
            if (step.action === 'edit') t.editor.edit(step.choice);
            else if (step.action === 'offline') t.net.setOnline(false);
            else if (step.action === 'online') {
              if (!t.net.online) reconnect(t, step.typed);
            } else await turns(4);
          }
          for (const t of tablets) if (!t.net.online || t.conn.provider.ws === null) reconnect(t, []);
          const room = relay!.room();
          await waitFor(
            () => tablets.some((t) => t.rejections.length > 0) || tablets.every((t) => t.state === 'online' && docState(t.doc) === docState(room.doc)),
            'every tablet to converge with the relay',
          );
          expect(tablets.flatMap((t) => t.rejections.map((r) => `${t.editor.name}: ${JSON.stringify(r.violations)}`))).toEqual([]);
          expect(tablets.flatMap((t) => t.editor.missingIn(room.doc))).toEqual([]);
          expect(relay!.errors).toEqual([]);
        } finally {
          for (const t of tablets) t.conn.destroy();
          tablets = [];
          await relay?.stop();
          relay = undefined;
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
