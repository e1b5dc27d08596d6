// Issue 16, defect 2: a lid whose access the relay ended sees one clear state (revoked, nothing
// waiting, nothing "offline until"), and the tafel's local copy is deleted from the device (the
// token too), while the conflict inbox stays so the user can still copy what was not taken.
// Also: "last synced" is the moment the connection went, not the last confirmed edit.

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { api, waitFor } from '../helpers/relay';
import { inSync, tablet, tafelForThisFile, type Tablet } from './fixture';

const f = tafelForThisFile();
const tablets: Tablet[] = [];

afterEach(() => {
  for (const t of tablets.splice(0)) t.close();
});

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('access ended', () => {
  it('deletes the local copy and the token, keeps the conflict inbox, and says so once', async () => {
    const bea = await tablet(f, f.leden.bea);
    tablets.push(bea);
    await inSync(bea.session);
    const copy = await bea.device.store.localCopies.get(f.tafelId);
    expect(copy).toBeDefined();
    const copyName = `${bea.device.name}:tafel:${f.tafelId}:${copy!.generation}`;
    expect(await databases()).toContain(copyName);
    await bea.device.store.conflicts.put({
      id: 'c1',
      tafelId: f.tafelId,
      path: ['projecten', f.parkzicht, 'opmerkingen'],
      subject: { kind: 'field', root: 'projecten', naam: 'Parkzicht', key: 'privateOpmerkingen' },
      enteredValue: 'nog te kopiëren',
      currentValue: null,
      cause: { code: 'gone' },
      at: Date.now(),
    });

    const chairToken = f.chair.provider.params.token!;
    const r = await api(f.relay, 'POST', `/api/tafels/${f.tafelId}/leden/${f.leden.bea}/revoke`, { token: chairToken });
    expect(r.status).toBe(200);

    await waitFor(() => bea.session.status.revoked, 'Bea to be told');
    expect(bea.session.status.connection).toBe('offline');
    expect(bea.session.status.pending).toBe(0);
    await waitFor(async () => !(await databases()).includes(copyName), 'the local copy to be deleted');
    expect(await bea.device.store.localCopies.get(f.tafelId)).toBeUndefined();
    const joined = await bea.device.store.joined.get(f.tafelId);
    expect(joined?.token).toBe('');
    expect(joined?.accessEndedAt).toBeTypeOf('number');
    expect((await bea.device.listConflicts(f.tafelId)).map((c) => c.enteredValue)).toEqual(['nog te kopiëren']);

    // Opened again (a reload): the same state at once, no connection attempts, no copy made.
    bea.session.destroy();
    const again = bea.device.openTafelSession(joined!);
    bea.session = again;
    await waitFor(() => again.status.revoked, 'the reopened tafel to say access ended');
    expect(await bea.device.store.localCopies.get(f.tafelId)).toBeUndefined();
  });

  it('stamps the last sync time when an in-sync connection drops', async () => {
    const gert = await tablet(f, f.leden.gert);
    tablets.push(gert);
    await inSync(gert.session);
    await waitFor(() => gert.session.status.lastSyncedAt !== null, 'the first confirmation');
    // Nothing is edited from here on, so no confirmation moves the time; only the drop may.
    await new Promise((r) => setTimeout(r, 300));
    const before = gert.session.status.lastSyncedAt!;
    await new Promise((r) => setTimeout(r, 50));
    gert.network.setOnline(false);
    await waitFor(() => gert.session.status.connection === 'offline', 'Gert offline');
    expect(gert.session.status.lastSyncedAt).toBeGreaterThan(before);
  });
});
