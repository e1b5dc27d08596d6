// Issue 11, case 4, the client's half: a confirmation compares content, not only clocks. If the
// relay ever holds someone else's changes at this document's clientID and clocks (here put there
// behind the gate's back), the state vectors match though the content does not: the barrier must
// not report the offline edit as confirmed, and the connection reports it as refused instead (the
// session then rebuilds under a fresh clientID).

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

function open(r: InMemoryRelay, lidId: string, doc: Y.Doc, net: Network) {
  const seen = { state: 'connecting' as ConnectionState, confirmed: [] as number[], rejections: [] as Rejection[] };
  const conn = new RelayConnection({
    syncUrl: 'ws://in-memory/sync',
    tafelId: r.tafelId,
    token: 'in-memory',
    doc,
    tabChannel: `confirmation-${Math.random()}`,
    WebSocket: r.socketClass(lidId, net),
    events: {
      state: (s) => (seen.state = s),
      confirmed: (mark) => seen.confirmed.push(mark),
      rejected: (rej) => seen.rejections.push(rej),
      closed: () => undefined,
      attemptFailed: () => undefined,
    },
  });
  connections.push(conn);
  conn.connect();
  return { conn, seen };
}

describe('confirmation', () => {
  it('confirms own changes the relay holds as written, and never ones it holds differently', async () => {
    let gert = '';
    let project = '';
    relay = await InMemoryRelay.start((doc, chair) => {
      const c = M.actorForLid(doc, chair.lidId)!;
      const gemeente = O.addPartij(doc, c, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
      gert = O.addLid(doc, c, { naam: 'Gert', partijId: gemeente, rol: 'lid' });
      project = O.createProject(doc, c, { naam: 'Parkzicht', publiekEigenaar: gemeente });
    });
    const net = new Network();
    const doc = new Y.Doc({ gc: false });
    const { conn, seen } = open(relay, gert, doc, net);
    await waitFor(() => seen.state === 'online', 'the first sync');
    const actor = () => M.actorForLid(doc, gert)!;

    // A normal edit is confirmed.
    O.setProjectField(doc, actor(), project, 'locatie', 'Noord');
    await waitFor(() => conn.sendBarrier(1), 'a barrier to go out');
    await waitFor(() => seen.confirmed.includes(1), 'the first edit to be confirmed');

    // Offline, Gert edits again; meanwhile other changes land at the relay under his clientID and
    // the clocks his offline edit uses.
    net.setOnline(false);
    await waitFor(() => seen.state === 'offline', 'the tablet to be offline');
    const room = relay.room();
    const squat = new Y.Doc();
    Y.applyUpdate(squat, Y.encodeStateAsUpdate(room.doc));
    squat.clientID = doc.clientID;
    const squatActor = M.actorForLid(squat, gert)!;
    O.setProjectField(squat, squatActor, project, 'naam', 'Niet van Gert');
    O.setProjectField(squat, squatActor, project, 'planstatus', 'vastgesteld');
    room.commit(() => Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(squat, Y.encodeStateVector(room.doc))));
    O.setProjectField(doc, actor(), project, 'locatie', 'Zuid');
    O.setProjectField(doc, actor(), project, 'gemeente', 'Voorbeeldstad');

    net.setOnline(true);
    conn.provider.connect();
    await waitFor(() => seen.state === 'online', 'the tablet to be back');
    await waitFor(() => conn.sendBarrier(2), 'a barrier to go out');
    await waitFor(() => seen.rejections.length > 0 || seen.confirmed.includes(2), 'the barrier’s answer');
    expect(seen.confirmed).toEqual([1]);
    expect(seen.rejections.map((r) => r.violations.map((v) => v.code))).toEqual([['client-id-taken']]);
  });
});
