// Issue 11, case 5: a sync step 1 is a read, so any lid (a gast too) may send one. A state vector
// naming millions of made-up clientIDs (12 MiB, inside the message limit) used to block the
// relay's event loop for seconds and its memory by hundreds of MB per message. A state vector can
// name at most the clientIDs the document knows plus a few new ones: beyond that the relay closes
// the connection with 4422 without decoding it, and everyone else carries on.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { syncMessage } from '../../../src/protocol/messages';
import { api, cleanupRelays, connectClient, demoLink, redeem, startRelay, tryUpgrade, type Session, type StartedRelay } from '../helpers/relay';

/** A sync step 1 whose state vector names `count` clientIDs (from `first` on), each at clock 1. */
function stepOne(count: number, first = 1_000_000): Uint8Array {
  const sv = encoding.encode((e) => {
    encoding.writeVarUint(e, count);
    for (let i = 0; i < count; i++) {
      encoding.writeVarUint(e, first + i);
      encoding.writeVarUint(e, 1);
    }
  });
  return syncMessage((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, sv);
  });
}

describe('relay: state vectors', () => {
  let relay: StartedRelay;
  let gert: Session;

  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    const link = demoLink(relay, 'Gert Gemeente');
    gert = await redeem(relay, link.code);
  });

  afterAll(cleanupRelays);

  it('closes a connection whose state vector names millions of made-up clientIDs with 4422', async () => {
    const huge = stepOne(3_000_000);
    expect(huge.byteLength).toBeGreaterThan(10 * 1024 * 1024);
    const url = `${relay.wsUrl}/sync/demo?token=${gert.token}`;
    const outcomes = await Promise.all([1, 2, 3].map(() => tryUpgrade(url, { frames: [huge], timeoutMs: 30_000 })));
    for (const o of outcomes) expect(o).toMatchObject({ closed: 4422 });
    const health = await api(relay, 'GET', '/health');
    expect(health.status).toBe(200);
  });

  it('answers a state vector with the document’s clientIDs and a few new ones', async () => {
    const reader = connectClient(relay, 'demo', gert.token);
    await reader.synced();
    const known = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
    const sv = encoding.encode((e) => {
      encoding.writeVarUint(e, known.size + 10);
      for (const [client, clock] of known) {
        encoding.writeVarUint(e, client);
        encoding.writeVarUint(e, clock);
      }
      for (let i = 0; i < 10; i++) {
        encoding.writeVarUint(e, 7_000_000 + i);
        encoding.writeVarUint(e, 3);
      }
    });
    const message = syncMessage((e) => {
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
      encoding.writeVarUint8Array(e, sv);
    });
    const outcome = await tryUpgrade(`${relay.wsUrl}/sync/demo?token=${gert.token}`, { frames: [message], timeoutMs: 1_500 });
    expect(outcome).toEqual({ open: true });
    reader.close();
  });
});
