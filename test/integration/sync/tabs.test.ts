// Several tabs with the same tafel on one device: they stay in sync with each other, and when a
// rejection makes them rebuild, they end on one local copy equal to the relay's, with one inbox.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../src/model';
import { setPrivaatEigenaar, setProjectField } from '../../../src/operations';
import { actorForLid } from '../../../src/model';
import { docState, waitFor } from '../helpers/relay';
import { inSync, tablet, tafelForThisFile } from './fixture';

const f = tafelForThisFile();

describe('tabs', () => {
  it('keep each other in sync offline and rebuild onto one local copy after a rejection', async () => {
    const bea = await tablet(f, f.leden.bea);
    const tab1 = bea.session;
    const tab2 = bea.device.openTafelSession(bea.joined);
    await inSync(tab1, 'tab 1 to sync');
    await inSync(tab2, 'tab 2 to sync');

    bea.network.setOnline(false);
    await waitFor(() => tab1.status.connection === 'offline' && tab2.status.connection === 'offline', 'both tabs offline');
    setProjectField(tab1.doc, actorForLid(tab1.doc, f.leden.bea)!, f.parkzicht, 'startVerkoop', '2028-Q2');
    await waitFor(() => readProject(tab2.doc, f.parkzicht)?.startVerkoop === '2028-Q2', 'tab 2 to see tab 1’s offline edit');
    setProjectField(tab2.doc, actorForLid(tab2.doc, f.leden.bea)!, f.havenkwartier, 'startVerkoop', '2029-Q4');
    await waitFor(() => readProject(tab1.doc, f.havenkwartier)?.startVerkoop === '2029-Q4', 'tab 1 to see tab 2’s offline edit');

    setPrivaatEigenaar(f.chair.doc, f.chairActor, f.parkzicht, f.partijen.c);
    await waitFor(() => readProject(f.chair.doc, f.parkzicht)?.privaatEigenaar === f.partijen.c, 'the reassignment');
    const before = [tab1.doc, tab2.doc];
    bea.network.setOnline(true);

    await waitFor(() => tab1.doc !== before[0] && tab2.doc !== before[1], 'both tabs to swap in rebuilt documents');
    await inSync(tab1, 'tab 1 in sync after the rebuild');
    await inSync(tab2, 'tab 2 in sync after the rebuild');
    await waitFor(() => docState(tab1.doc) === docState(f.chair.doc) && docState(tab2.doc) === docState(f.chair.doc), 'both tabs to equal the relay');
    expect(readProject(f.chair.doc, f.havenkwartier)?.startVerkoop).toBe('2029-Q4');
    expect(readProject(f.chair.doc, f.parkzicht)?.startVerkoop).toBeNull();

    // One local copy for the device, and the refused value once in the inbox.
    const conflicts = await bea.device.listConflicts(f.tafelId);
    expect(conflicts.map((c) => [c.path[2], c.enteredValue])).toEqual([['startVerkoop', '2028-Q2']]);

    // Both tabs keep syncing with each other through the new copy's channel.
    setProjectField(tab2.doc, actorForLid(tab2.doc, f.leden.bea)!, f.havenkwartier, 'privateOpmerkingen', 'na het herstel');
    await waitFor(() => readProject(tab1.doc, f.havenkwartier)?.privateOpmerkingen === 'na het herstel', 'tab 1 to see tab 2’s edit');
    tab2.destroy();
    bea.close();
  });
});
