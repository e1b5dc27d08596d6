// Schema version 2 meets the version 1 world, through the real relay:
// - a tafel stored under version 1 (the demo included) is migrated when the relay loads it;
// - a tablet that still writes version 1 values offline loses nothing: the relay rejects the old
//   shape with code outdated-client, the app says it needs updating, and the refused edit lands
//   in the conflict inbox while its other offline edits go through.

import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readProject, readProjecten, readTafel } from '../../../src/model';
import { setProjectField } from '../../../src/operations';
import { conflictReasonText } from '../../../src/ui/codeText';
import { strings } from '../../../src/ui/strings';
import { SqliteStorage } from '../../../server/storage-sqlite';
import { cleanupRelays, connectClient, demoLink, redeem, startRelay, waitFor } from '../helpers/relay';
import { inSync, tablet, tafelForThisFile } from './fixture';

const f = tafelForThisFile();

describe('an old offline client', () => {
  it('gets its old-shape edit refused with outdated-client, is told to update, and finds the edit in the inbox', async () => {
    const gert = await tablet(f, f.leden.gert);
    await inSync(gert.session, 'Gert to sync after joining');
    gert.network.setOnline(false);
    await waitFor(() => gert.session.status.connection === 'offline', 'Gert to be offline');
    const actor = gert.actor();
    // What the version 1 app writes: the old planstatus word, in its own envelope.
    const project = gert.session.doc.getMap('projecten').get(f.havenkwartier) as Y.Map<unknown>;
    project.set('planstatus', { v: 'vastgesteld', by: actor.lidId, p: actor.partijId, at: Date.now() });
    setProjectField(gert.session.doc, actor, f.havenkwartier, 'woningenMiddenhuur', 40);
    expect(gert.session.status.updateNodig).toBeFalsy();

    const docBefore = gert.session.doc;
    gert.network.setOnline(true);
    await waitFor(() => gert.session.doc !== docBefore, 'Gert’s tablet to rebuild after the rejection');
    await inSync(gert.session, 'Gert to be in sync after the rebuild');

    expect(gert.session.status.updateNodig).toBe(true);
    const conflicts = await gert.device.listConflicts(f.tafelId);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ path: ['projecten', f.havenkwartier, 'planstatus'], enteredValue: 'vastgesteld' });
    expect(conflictReasonText(conflicts[0]!.cause)).toBe(strings.errors.eigenaar['outdated-client']);
    // The permitted edit made it; the old value never reached the relay.
    await waitFor(() => readProject(f.chair.doc, f.havenkwartier)?.woningenMiddenhuur === 40, 'the chair to get the permitted edit');
    expect(readProject(f.chair.doc, f.havenkwartier)?.planstatus).toBeNull();
    gert.close();
  });
});

describe('a tafel stored under schema version 1', () => {
  afterAll(cleanupRelays);

  it('is migrated to version 2 when the relay loads it, the demo included, nothing lost', async () => {
    let relay = await startRelay({ demo: true });
    const gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    await relay.stop();

    // Put the stored demo back into the version 1 shape, as an update in its log.
    const storage = SqliteStorage.open(relay.dataDir);
    const stored = (await storage.loadTafel('demo'))!;
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u.data);
    const v1: Record<string, string> = { '1A onherroepelijk': 'onherroepelijk', '2A vastgesteld': 'vastgesteld', '3 in voorbereiding': 'in voorbereiding', '4A visie': 'visie/potentie' };
    const oldByNaam = new Map<string, string>();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.transact(() => {
      const env = (m: Y.Map<unknown>, k: string) => m.get(k) as { v: unknown; by: string; p: string; at: number };
      const tafel = doc.getMap('tafel');
      tafel.set('schemaVersion', { ...env(tafel, 'schemaVersion'), v: 1 });
      tafel.set('realisatiekansen', { ...env(tafel, 'realisatiekansen'), v: { 'visie/potentie': 0.3, 'in voorbereiding': 0.5, 'ontwerp ter inzage': 0.7, vastgesteld: 0.85, onherroepelijk: 0.95 } });
      for (const p of doc.getMap('projecten').values()) {
        const m = p as Y.Map<unknown>;
        const e = env(m, 'planstatus');
        const old = v1[e.v as string]!;
        oldByNaam.set(env(m, 'naam').v as string, old);
        m.set('planstatus', { ...e, v: old });
      }
    });
    storage.db.prepare('INSERT INTO updates (tafel_id, data, at) VALUES (?, ?, ?)').run('demo', Buffer.from(Y.mergeUpdates(updates)), Date.now());
    await storage.close();
    expect(oldByNaam.size).toBeGreaterThan(5);

    relay = await startRelay({ dataDir: relay.dataDir, demo: true });
    const client = connectClient(relay, 'demo', gert.token);
    await client.synced();
    expect(readTafel(client.doc).schemaVersion).toBe(2);
    for (const p of readProjecten(client.doc)) {
      const old = oldByNaam.get(p.naam)!;
      expect(p.bronwaarden.planstatus).toBe(old);
      expect(p.planstatus).toBe(Object.entries(v1).find(([, o]) => o === old)![0]);
      expect(p.provenance.planstatus?.by).toBe(gert.lidId);
    }
    expect(readTafel(client.doc).realisatiekansen['2B vastgesteld, uitwerkingsplicht']).toBe(0.85);
    client.close();
  });
});
