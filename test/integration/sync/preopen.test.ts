// Opening the tafel in the URL before the UI asks for it (src/sync/preopen.ts): the UI gets that
// very session, already loaded, and never a second one; a session for another lid or token is
// not handed out.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../src/model';
import { setProjectField } from '../../../src/operations';
import { docState, waitFor } from '../helpers/relay';
import { inSync, tablet, tafelForThisFile } from './fixture';

const f = tafelForThisFile();

describe('opening a tafel early', () => {
  it('hands the early session, already loaded from the local copy, to the UI', async () => {
    const bea = await tablet(f, f.leden.bea);
    await inSync(bea.session, 'Bea to sync after joining');
    setProjectField(bea.session.doc, bea.actor(), f.havenkwartier, 'privateOpmerkingen', 'vroeg geopend');
    await inSync(bea.session, 'the edit to be confirmed');
    bea.session.destroy();

    const early = await bea.device.preopenTafelSession(f.tafelId);
    expect(early).not.toBeNull();
    await waitFor(() => early!.status.loaded, 'the early session to load the local copy');
    const session = bea.device.openTafelSession(bea.joined);
    expect(session).toBe(early);
    expect(readProject(session.doc, f.havenkwartier)?.privateOpmerkingen).toBe('vroeg geopend');
    await inSync(session, 'the early session to sync');
    expect(docState(session.doc)).toBe(docState(f.chair.doc));

    // Taken once: the next open is a session of its own.
    session.destroy();
    const next = bea.device.openTafelSession(bea.joined);
    expect(next).not.toBe(session);
    await inSync(next, 'the next session to sync');
    bea.close();
  });

  it('does not hand it out for another token, nor open one when the UI was quicker', async () => {
    const bea = await tablet(f, f.leden.bea);
    await inSync(bea.session, 'Bea to sync after joining');
    bea.session.destroy();

    const early = await bea.device.preopenTafelSession(f.tafelId);
    expect(early).not.toBeNull();
    const other = bea.device.openTafelSession({ ...bea.joined, token: 'a-token-redeemed-later' });
    expect(other).not.toBe(early);
    other.destroy();

    const late = bea.device.preopenTafelSession(f.tafelId);
    const session = bea.device.openTafelSession(bea.joined);
    expect(await late).toBeNull();
    await inSync(session, 'the UI’s own session to sync');
    bea.close();
  });

  it('does nothing for a tafel that is not joined on the device', async () => {
    const bea = await tablet(f, f.leden.bea);
    expect(await bea.device.preopenTafelSession('niet-deze-tafel')).toBeNull();
    bea.close();
  });
});
