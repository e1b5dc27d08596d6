// Joining with an invite: one device holds several tafels; a used, expired or unknown invite and
// an unreachable relay each give their own JoinError kind, which the UI turns into a clear message.
// Personen (issue 16): a device holding two tafels links them as the same person, and a new device
// gets both with one invite of the operator.

import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import { readTafel } from '../../../src/model';
import { Device } from '../../../src/sync/device';
import { JoinError } from '../../../src/sync/join';
import { cleanupRelays, createTafel, runAdmin, startRelay, waitFor, type StartedRelay } from '../helpers/relay';
import { inSync } from './fixture';

const INVITE_TTL_SECONDS = 2;
let relay: StartedRelay;
const devices: Device[] = [];

function device(): Device {
  const d = new Device({ name: `join-${devices.length}-${Date.now()}`, WebSocket: WS as unknown as typeof WebSocket });
  devices.push(d);
  return d;
}

async function joinError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof JoinError) return e.kind;
    throw e;
  }
  throw new Error('joining succeeded where it should have failed');
}

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  for (const d of devices) d.close();
  await cleanupRelays();
});

describe('joining', () => {
  it('links two tafels as one person, and a new device gets both with one invite', async () => {
    const oost = await createTafel(relay, 'Versnellingstafel Oost');
    const west = await createTafel(relay, 'Versnellingstafel West');
    const d = device();
    const a = await d.joinWithInvite(oost.code, relay.url);
    expect(a.naam).toBe('Versnellingstafel Oost');
    expect(await d.mayBeSamePersoon(a)).toEqual([]);
    const b = await d.joinWithInvite(west.code, relay.url);
    expect(b.ook).toEqual([]);
    expect((await d.mayBeSamePersoon(b)).map((t) => t.tafelId)).toEqual([oost.tafelId]);
    expect(await d.linkAsPersoon(west.tafelId, [oost.tafelId])).toEqual(new Map([[oost.tafelId, 'linked']]));

    const { code } = (await runAdmin(relay, ['invite', '--tafel', oost.tafelId, '--lid', oost.chairLidId])) as { code: string };
    const fresh = device();
    const joined = await fresh.joinWithInvite(code, relay.url);
    expect(joined.ook.map((t) => [t.tafelId, t.lidId, t.naam])).toEqual([[west.tafelId, west.chairLidId, 'Versnellingstafel West']]);
    expect((await fresh.listJoinedTafels()).map((t) => t.tafelId).sort()).toEqual([oost.tafelId, west.tafelId].sort());
    // What came along is not asked about again.
    expect(await fresh.mayBeSamePersoon(joined)).toEqual([]);
    const session = fresh.openTafelSession((await fresh.listJoinedTafels()).find((t) => t.tafelId === west.tafelId)!);
    await inSync(session);
    expect(readTafel(session.doc).naam).toBe('Versnellingstafel West');
  });

  it('holds several tafels on one device, opens each, and forgets one', async () => {
    const noord = await createTafel(relay, 'Versnellingstafel Noord');
    const zuid = await createTafel(relay, 'Versnellingstafel Zuid');
    const d = device();
    let changes = 0;
    const unsubscribe = d.subscribeJoinedTafels(() => changes++);
    const a = await d.joinWithInvite(`${relay.url}/join/${noord.code}`, relay.url);
    const b = await d.joinWithInvite(zuid.code, relay.url);
    expect(a).toMatchObject({ tafelId: noord.tafelId, lidId: noord.chairLidId, relayUrl: relay.url, lastSyncAt: null });
    expect((await d.listJoinedTafels()).map((t) => t.tafelId).sort()).toEqual([noord.tafelId, zuid.tafelId].sort());
    await waitFor(() => changes >= 3, 'the subscription to report both joins');

    const sa = d.openTafelSession(a);
    const sb = d.openTafelSession(b);
    await inSync(sa);
    await inSync(sb);
    expect(readTafel(sa.doc).naam).toBe('Versnellingstafel Noord');
    expect(readTafel(sb.doc).naam).toBe('Versnellingstafel Zuid');
    // In sync is not yet confirmed: the sync time is the relay's answer to the first barrier.
    await waitFor(() => sa.status.lastSyncedAt !== null && sb.status.lastSyncedAt !== null, 'both sessions to have a sync time');
    sa.destroy();
    let remembered = false;
    await waitFor(() => {
      void d.listJoinedTafels().then((l) => (remembered = l.every((t) => t.naam !== '' && t.lastSyncAt !== null)));
      return remembered;
    }, 'names and sync times to be remembered');
    const names = (await d.listJoinedTafels()).map((t) => t.naam).sort();
    expect(names).toEqual(['Versnellingstafel Noord', 'Versnellingstafel Zuid']);

    await d.forgetTafel(noord.tafelId);
    expect((await d.listJoinedTafels()).map((t) => t.tafelId)).toEqual([zuid.tafelId]);
    expect(await d.store.localCopies.get(noord.tafelId)).toBeUndefined();
    unsubscribe();
  });

  it('says when an invite was used, has expired or is unknown, or the relay cannot be reached', async () => {
    const t = await createTafel(relay, 'Versnellingstafel Oost');
    await device().joinWithInvite(t.code, relay.url);
    expect(await joinError(device().joinWithInvite(t.code, relay.url))).toBe('used');
    expect(await joinError(device().joinWithInvite('BESTAATNIET123', relay.url))).toBe('unknown');
    expect(await joinError(device().joinWithInvite(t.code, 'http://127.0.0.1:1'))).toBe('network');

    // The admin CLI issues the chair's first invite, with the TTL from its own environment.
    process.env.AAN_TAFEL_INVITE_TTL_SECONDS = String(INVITE_TTL_SECONDS);
    const late = await createTafel(relay, 'Versnellingstafel West');
    delete process.env.AAN_TAFEL_INVITE_TTL_SECONDS;
    await new Promise((r) => setTimeout(r, INVITE_TTL_SECONDS * 1000 + 300));
    expect(await joinError(device().joinWithInvite(late.code, relay.url))).toBe('expired');
  });
});
