// Group commit seen from outside, on a real relay process: a client that sends a burst of updates
// and then a sync step 1 (the barrier src/sync/connection.ts uses to learn that its updates are
// safe) gets the echoes and the answer in that order, and each of them only once it is on disk:
// at every message received, a second SQLite connection to the relay's file already sees the
// audit rows of every update acknowledged so far (they are committed with their updates).

import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { ensureRoots, readProjecten } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import { setProjectField } from '../../../src/operations';
import { MESSAGE_SYNC, syncMessage } from '../../../src/protocol/messages';
import { DB_FILE } from '../../../server/storage';
import { cleanupRelays, demoLink, redeem, startRelay, waitFor } from '../helpers/relay';

const BURST = 40;

describe('relay: group commit', () => {
  afterAll(cleanupRelays);

  it('acknowledges a burst and answers the barrier after it only once every update is on disk', async () => {
    const relay = await startRelay({ demo: true });
    const session = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    const ws = new WebSocket(`${relay.wsUrl}/sync/demo?token=${session.token}`);
    const doc = new Y.Doc();
    ensureRoots(doc);
    const db = new Database(path.join(relay.dataDir, DB_FILE), { readonly: true });
    const acceptedOnDisk = db.prepare('SELECT COUNT(*) FROM audit WHERE lid_id = ? AND accepted = 1').pluck();

    // What arrives after the burst was sent, with what was durable at that moment.
    const received: { kind: string; onDisk: number }[] = [];
    let burstSent = false;
    let synced = false;
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const syncType = decoding.readVarUint(decoder);
      if (!burstSent) {
        if (syncType === syncProtocol.messageYjsSyncStep2) {
          Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), 'relay');
          synced = true;
        }
        return;
      }
      const kind = syncType === syncProtocol.messageYjsSyncStep2 ? 'step2' : syncType === syncProtocol.messageYjsUpdate ? 'update' : 'other';
      received.push({ kind, onDisk: acceptedOnDisk.get(session.lidId) as number });
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)));
    await waitFor(() => synced, 'the first sync');
    const before = acceptedOnDisk.get(session.lidId) as number;

    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') updates.push(u);
    });
    const actor = actorForLid(doc, session.lidId)!;
    const project = readProjecten(doc)[0]!;
    for (let i = 1; i <= BURST; i++) setProjectField(doc, actor, project.id, 'publiekeOpmerkingen', `burst ${i}`);
    expect(updates).toHaveLength(BURST);
    burstSent = true;
    for (const u of updates) ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, u)));
    ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)));

    await waitFor(() => received.some((r) => r.kind === 'step2'), 'the answer to the barrier');
    ws.close();
    expect(received.map((r) => r.kind)).toEqual([...Array.from({ length: BURST }, () => 'update'), 'step2']);
    received.forEach((r, i) => expect(r.onDisk - before, `message ${i}`).toBeGreaterThanOrEqual(Math.min(i + 1, BURST)));
    db.close();
    await relay.stop();
  });
});
