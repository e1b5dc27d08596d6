// Our relay as the fan-out contestant: a real relay process (gate and SQLite on, as shipped),
// a tafel created by the operator and built the way people would: the chair sets it up, each
// partij's contactpersoon fills in its own fields under its own token, and every bench client
// redeems an invite for its own lid.

import * as Y from 'yjs';
import type { SqliteSynchronous } from '../../../server/config';
import { actorForLid } from '../../../src/model';
import {
  connectClient,
  createTafel,
  inviteWhenKnown,
  redeem,
  startRelay,
  waitFor,
  type StartedRelay,
  type TestClient,
} from '../../integration/helpers/relay';
import { addBenchLeden, fillAsPartij, planTafel, type BenchTaak, type BenchTafel, type TafelOmvang } from '../fixtures/tafel';
import { connect } from './contestants';
import type { PreparedServer } from './run-fanout';

/**
 * The relay's defaults, except room for the bench's 200 clients plus the setup connections (the
 * default cap is exactly 200 connections per tafel).
 */
export const OUR_RELAY_ENV = { AAN_TAFEL_MAX_CONNECTIONS_PER_TAFEL: '1000' } as const;

/** BENCH_RELAY_PROFILE=<dir>: the fan-out relays also write a CPU profile there when they stop (node --cpu-prof). */
const profileArgs = (): string[] => (process.env.BENCH_RELAY_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_RELAY_PROFILE}`] : []);

/** A device token for a lid, as its tablet gets one by redeeming its invite. */
async function tokenFor(relay: StartedRelay, tafelId: string, chairToken: string, lidId: string): Promise<string> {
  const code = await inviteWhenKnown(relay, tafelId, chairToken, lidId, 60_000);
  // A busy relay may close an idle keep-alive socket just as fetch reuses it; that is retried.
  let token = '';
  await waitFor(async () => (token = (await redeem(relay, code)).token), `redeeming the invite of lid ${lidId}`, 60_000);
  return token;
}

/** Writes offline in a copy of `base`, then connects: one sync carries it all, as after a train ride. */
function writeThenSync(relay: StartedRelay, tafelId: string, token: string, base: Uint8Array, write: (doc: Y.Doc) => void): TestClient {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  write(doc);
  return connectClient(relay, tafelId, token, doc);
}

function assertAccepted(clients: readonly TestClient[]): void {
  for (const c of clients) {
    if (c.rejections.length > 0) throw new Error(`the relay rejected part of the bench tafel: ${JSON.stringify(c.rejections[0]).slice(0, 500)}`);
  }
}

export interface TafelOnRelay {
  readonly tafelId: string;
  readonly chairToken: string;
  readonly taken: readonly BenchTaak[];
  /** The whole tafel as the relay holds it. */
  readonly seed: Uint8Array;
}

/** Creates a tafel on a running relay and builds it through the gate: chair first, then each partij. */
export async function buildTafelOnRelay(relay: StartedRelay, omvang: TafelOmvang, clients: number, typisten: number): Promise<TafelOnRelay> {
  const open: TestClient[] = [];
  try {
    const created = await createTafel(relay, 'Benchtafel');
    const chair = await redeem(relay, created.code);
    const first = connectClient(relay, created.tafelId, chair.token);
    await first.synced();
    const base = Y.encodeStateAsUpdate(first.doc);
    const actor = actorForLid(first.doc, chair.lidId);
    first.close();
    if (!actor) throw new Error('the new tafel does not list its chair');

    let tafel: BenchTafel | undefined;
    let taken: BenchTaak[] = [];
    const chairClient = writeThenSync(relay, created.tafelId, chair.token, base, (doc) => {
      tafel = planTafel(doc, actor, omvang);
      taken = addBenchLeden(doc, tafel, clients, typisten);
    });
    open.push(chairClient);
    await chairClient.synced();
    const planned = tafel!;
    const afterChair = Y.encodeStateAsUpdate(chairClient.doc);
    // One partij after the other, each from its own device (its own Yjs clientID) and under its
    // own token. One document is reused with a fresh clientID per partij: copying a 2,000-project
    // tafel fifty times would make the setup slower than the benchmark.
    const endpoint = { url: `${relay.wsUrl}/sync`, room: created.tafelId };
    const writerDoc = new Y.Doc();
    Y.applyUpdate(writerDoc, afterChair);
    for (const c of planned.contactpersonen) {
      const token = await tokenFor(relay, created.tafelId, chair.token, c.lidId);
      writerDoc.clientID = crypto.getRandomValues(new Uint32Array(1))[0]!;
      fillAsPartij(writerDoc, planned, c);
      const clock = Y.getState(writerDoc.store, writerDoc.clientID);
      const writer = connect('ours', endpoint, writerDoc, token);
      try {
        await waitFor(
          () => {
            if (writer.rejected() > 0) throw new Error(`the relay rejected the fields of ${c.lidId}`);
            return Y.getState(chairClient.doc.store, writerDoc.clientID) >= clock;
          },
          `the relay to accept the fields of contactpersoon ${c.lidId}`,
          120_000,
        );
      } finally {
        writer.destroy();
      }
    }
    assertAccepted(open);
    return { tafelId: created.tafelId, chairToken: chair.token, taken, seed: Y.encodeStateAsUpdate(chairClient.doc) };
  } catch (e) {
    throw new Error(`building the bench tafel on the relay failed: ${e instanceof Error ? e.message : String(e)}\nrelay output:\n${relay.output().slice(-2000)}`, { cause: e });
  } finally {
    for (const c of open) c.close();
  }
}

export async function prepareOurRelay(omvang: TafelOmvang, clients: number, typisten: number, synchronous: SqliteSynchronous = 'FULL'): Promise<PreparedServer> {
  const relay = await startRelay({ env: { ...OUR_RELAY_ENV, AAN_TAFEL_SQLITE_SYNCHRONOUS: synchronous }, nodeArgs: profileArgs() });
  try {
    const built = await buildTafelOnRelay(relay, omvang, clients, typisten);
    const tokens: string[] = [];
    for (const t of built.taken) tokens.push(await tokenFor(relay, built.tafelId, built.chairToken, t.actor.lidId));
    return {
      server: { pid: relay.proc.pid!, endpoint: { url: `${relay.wsUrl}/sync`, room: built.tafelId }, stop: () => relay.stop() },
      seed: built.seed,
      taken: built.taken,
      tokens,
    };
  } catch (e) {
    await relay.stop();
    throw e;
  }
}
