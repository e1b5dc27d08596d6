// Issue 11, case 3: an edit typed while the tablet reconnects must not reach the relay before the
// sync step that carries the offline changes it builds on. The app's RelayConnection against the
// real relay code in this process (in-memory sockets, test/unit/sync/in-memory-relay.ts).

import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { RelayConnection, type ConnectionState } from '../../../src/sync/connection';
import type { Rejection } from '../../../src/protocol/messages';
import { waitFor } from '../../integration/helpers/relay';
import { InMemoryRelay, Network } from './in-memory-relay';

let relay: InMemoryRelay | undefined;
const connections: RelayConnection[] = [];

afterEach(async () => {
  for (const c of connections.splice(0)) c.destroy();
  await relay?.stop();
  relay = undefined;
});

describe('reconnecting with offline changes', () => {
  it('sends an edit typed during the handshake only after the offline changes it builds on', async () => {
    let gemeente = '';
    let gert = '';
    let project = '';
    relay = await InMemoryRelay.start((doc, chair) => {
      const c = M.actorForLid(doc, chair.lidId)!;
      gemeente = O.addPartij(doc, c, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
      gert = O.addLid(doc, c, { naam: 'Gert', partijId: gemeente, rol: 'lid' });
      project = O.createProject(doc, c, { naam: 'Parkzicht', publiekEigenaar: gemeente });
    });
    const net = new Network();
    const doc = new Y.Doc({ gc: false });
    const rejections: Rejection[] = [];
    let state: ConnectionState = 'connecting';
    const conn = new RelayConnection({
      syncUrl: 'ws://in-memory/sync',
      tafelId: relay.tafelId,
      token: 'in-memory',
      doc,
      tabChannel: `reconnect-order-${Date.now()}`,
      WebSocket: relay.socketClass(gert, net),
      events: {
        state: (s) => (state = s),
        confirmed: () => undefined,
        rejected: (r) => rejections.push(r),
        closed: () => undefined,
        attemptFailed: () => undefined,
      },
    });
    connections.push(conn);
    conn.awareness.setLocalStateField('plek', { screen: 'home' });
    conn.connect();
    await waitFor(() => state === 'online', 'the first sync');
    const actor = () => M.actorForLid(doc, gert)!;

    net.setOnline(false);
    await waitFor(() => state === 'offline', 'the tablet to be offline');
    O.setProjectField(doc, actor(), project, 'locatie', 'Achter het station');

    // The moment the socket opens, before the relay's sync step 1 has arrived: the user types.
    const typeWhenOpen = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      conn.provider.off('status', typeWhenOpen);
      queueMicrotask(() => O.setProjectField(doc, actor(), project, 'locatie', 'Achter het station, oostzijde'));
    };
    conn.provider.on('status', typeWhenOpen);
    net.setOnline(true);
    await waitFor(() => rejections.length > 0 || (state === 'online' && M.readProject(relay!.room().doc, project)?.locatie === 'Achter het station, oostzijde'), 'both edits to reach the relay');
    expect(rejections).toEqual([]);
    expect(M.readProject(relay.room().doc, project)?.locatie).toBe('Achter het station, oostzijde');
  });
});
