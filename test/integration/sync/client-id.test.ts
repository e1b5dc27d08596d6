// Issue 11, case 4: clientID squatting. Every clientID is visible to every lid through presence.
// A lid who takes another device's clientID before that device's first write must not get it:
// the relay binds a clientID to the lid whose connection first uses it, in presence or in a write,
// so the squatter's writes are refused, its presence under that clientID goes nowhere, and the
// victim's offline edit arrives (it is neither dropped as "already known" nor refused).

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actorForLid, readProject } from '../../../src/model';
import { raiseKnelpunt, setProjectField } from '../../../src/operations';
import type { PresenceUser } from '../../../src/sync/presence';
import { connectClient, redeem, waitFor } from '../helpers/relay';
import { inSync, inviteCode, tablet, tafelForThisFile } from './fixture';

const f = tafelForThisFile();

describe('clientID binding', () => {
  it('never lets another lid take a clientID seen in presence, and the victim’s offline edit arrives', async () => {
    const bea = await tablet(f, f.leden.bea);
    await inSync(bea.session, 'Bea to sync after joining');
    // Cees reads Bea's clientID from the presence list (here: what the chair's client sees).
    const seenInPresence = () =>
      [...f.chair.provider.awareness.getStates()].find(([, s]) => (s.user as PresenceUser | undefined)?.lidId === f.leden.bea)?.[0];
    await waitFor(() => seenInPresence() !== undefined, 'Bea to appear in presence');
    const victim = seenInPresence()!;
    expect(victim).toBe(bea.session.doc.clientID);

    // Bea goes offline before her first write; Cees takes her clientID and writes under it.
    bea.network.setOnline(false);
    await waitFor(() => bea.session.status.connection === 'offline', 'Bea to be offline');
    const cees = await redeem(f.relay, await inviteCode(f, f.leden.cees));
    const squatDoc = new Y.Doc();
    squatDoc.clientID = victim;
    const squatter = connectClient(f.relay, f.tafelId, cees.token, squatDoc);
    await squatter.synced();
    squatter.provider.awareness.setLocalStateField('plek', { screen: 'planmonitor' });
    raiseKnelpunt(squatDoc, actorForLid(squatDoc, cees.lidId)!, { titel: 'Onder een andere vlag', thema: 'capaciteit' });
    await waitFor(() => squatter.rejections.length > 0, 'the squatter’s write to be refused');
    expect(squatter.rejections[0]!.violations.map((v) => v.code)).toContain('client-id-taken');
    // Its presence under Bea's clientID is not passed on either.
    await new Promise((r) => setTimeout(r, 300));
    const shown = f.chair.provider.awareness.getStates().get(victim);
    expect((shown?.user as PresenceUser | undefined)?.lidId ?? f.leden.bea).toBe(f.leden.bea);
    squatter.close();

    // Bea's offline edit reaches everyone; nothing of hers was refused.
    setProjectField(bea.session.doc, bea.actor(), f.parkzicht, 'startBouw', '2027-Q4');
    const docBefore = bea.session.doc;
    bea.network.setOnline(true);
    await inSync(bea.session, 'Bea to be in sync again');
    await waitFor(() => readProject(f.chair.doc, f.parkzicht)?.startBouw === '2027-Q4', 'the chair to receive Bea’s offline edit');
    expect(bea.session.doc).toBe(docBefore);
    expect(await bea.device.listConflicts(f.tafelId)).toEqual([]);
    bea.close();
  });
});
