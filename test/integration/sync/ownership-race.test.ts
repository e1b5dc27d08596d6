// The ownership race: Bea (partij B) edits a private field offline while the chair gives that
// project to partij C and Cees fills it in. When Bea reconnects the relay rejects her update; her
// tablet rebuilds from the relay, keeps her other offline edits, and puts the refused one in her
// conflict inbox, which survives a restart.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readKnelpunten, readLid, readProject } from '../../../src/model';
import { editLid, raiseKnelpunt, richText, setPrivaatEigenaar, setProjectField } from '../../../src/operations';
import { plainText } from '../../../src/sync/carry-over';
import { strings } from '../../../src/ui/strings';
import { Device } from '../../../src/sync/device';
import { actorForLid } from '../../../src/model';
import { connectClient, docState, redeem, waitFor } from '../helpers/relay';
import { inSync, inviteCode, tablet, tafelForThisFile } from './fixture';
import { conflictReasonText, conflictSubjectText, noticeText } from '../../../src/ui/codeText';

const f = tafelForThisFile();

describe('rejection recovery', () => {
  it('rebuilds from the relay, keeps permitted offline edits and puts the refused one in the inbox', async () => {
    const bea = await tablet(f, f.leden.bea);
    await inSync(bea.session, 'Bea to sync after joining');
    const cees = await redeem(f.relay, await inviteCode(f, f.leden.cees));
    const ceesClient = connectClient(f.relay, f.tafelId, cees.token);
    await ceesClient.synced();

    bea.network.setOnline(false);
    await waitFor(() => bea.session.status.connection === 'offline', 'Bea to be offline');
    const docBefore = bea.session.doc;
    setProjectField(bea.session.doc, bea.actor(), f.parkzicht, 'startBouw', '2027-Q3');
    setProjectField(bea.session.doc, bea.actor(), f.havenkwartier, 'bouwstatus', 'in aanbouw');
    const knelpunt = raiseKnelpunt(bea.session.doc, bea.actor(), {
      titel: 'Netcongestie vertraagt de aansluiting',
      thema: 'energietransitie',
      projecten: [f.havenkwartier],
    });
    const notulen = richText(bea.session.doc, 'vergaderingen', f.vergadering, 'notulen')!;
    const alinea = new Y.XmlElement('paragraph');
    alinea.insert(0, [new Y.XmlText('Bouwbedrijf B meldt vertraging door netcongestie.')]);
    notulen.insert(0, [alinea]);
    expect(bea.session.status.pending).toBe(4);

    // Meanwhile the chair gives Parkzicht to partij C, and Cees fills in its start bouw.
    setPrivaatEigenaar(f.chair.doc, f.chairActor, f.parkzicht, f.partijen.c);
    await waitFor(() => readProject(ceesClient.doc, f.parkzicht)?.privaatEigenaar === f.partijen.c, 'Cees to see Parkzicht is theirs');
    setProjectField(ceesClient.doc, actorForLid(ceesClient.doc, cees.lidId)!, f.parkzicht, 'startBouw', '2028-Q1');
    await waitFor(() => readProject(f.chair.doc, f.parkzicht)?.startBouw === '2028-Q1', 'the chair to see C’s start bouw');
    expect(ceesClient.rejections).toEqual([]);

    bea.network.setOnline(true);
    await waitFor(() => bea.session.doc !== docBefore, 'Bea’s tablet to swap in a rebuilt document');
    await inSync(bea.session, 'Bea to be in sync after the rebuild');

    // Bea's document equals the relay's; the field holds C's world.
    const observer = connectClient(f.relay, f.tafelId, cees.token);
    await observer.synced();
    await waitFor(() => docState(bea.session.doc) === docState(observer.doc), 'Bea’s copy to equal the relay’s');
    expect(readProject(bea.session.doc, f.parkzicht)?.startBouw).toBe('2028-Q1');
    expect(bea.session.doc.clientID).not.toBe(docBefore.clientID);

    // Her permitted offline edits made it through to everyone.
    await waitFor(() => readProject(f.chair.doc, f.havenkwartier)?.bouwstatus === 'in aanbouw', 'the chair to get the bouwstatus');
    await waitFor(() => readKnelpunten(f.chair.doc).some((k) => k.id === knelpunt), 'the chair to get the knelpunt');
    await waitFor(
      () => plainText(richText(f.chair.doc, 'vergaderingen', f.vergadering, 'notulen')!) === 'Bouwbedrijf B meldt vertraging door netcongestie.',
      'the chair to get the notes typed offline',
    );

    // The refused value is in her inbox, with the value in force and a reason.
    const conflicts = await bea.device.listConflicts(f.tafelId);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      tafelId: f.tafelId,
      path: ['projecten', f.parkzicht, 'startBouw'],
      enteredValue: '2027-Q3',
      currentValue: '2028-Q1',
    });
    expect(conflictSubjectText(conflicts[0]!.subject)).toContain('Parkzicht');
    expect(conflictReasonText(conflicts[0]!.cause).length).toBeGreaterThan(10);
    expect(bea.session.status.notice && noticeText(bea.session.status.notice)).toMatch(/Conflicten/);
    expect(bea.session.status.pending).toBe(0);

    // The inbox survives a restart of the app, and an entry can be dismissed.
    bea.session.destroy();
    bea.device.close();
    const again = new Device({ name: bea.device.name });
    expect((await again.listConflicts(f.tafelId)).map((c) => c.enteredValue)).toEqual(['2027-Q3']);
    await again.dismissConflict(conflicts[0]!.id);
    expect(await again.listConflicts(f.tafelId)).toEqual([]);
    again.close();
    observer.close();
    ceesClient.close();
  });

  it('puts every offline edit in the inbox when the chair made the lid a gast meanwhile', async () => {
    const gert = await tablet(f, f.leden.gert);
    await inSync(gert.session, 'Gert to sync after joining');
    gert.network.setOnline(false);
    await waitFor(() => gert.session.status.connection === 'offline', 'Gert to be offline');
    setProjectField(gert.session.doc, gert.actor(), f.havenkwartier, 'woningenMiddenhuur', 40);
    setProjectField(gert.session.doc, gert.actor(), f.havenkwartier, 'planstatus', 'vastgesteld');

    editLid(f.chair.doc, f.chairActor, f.leden.gert, { rol: 'gast' });
    const observer = connectClient(f.relay, f.tafelId, (await redeem(f.relay, await inviteCode(f, f.leden.cees))).token);
    await waitFor(() => readLid(observer.doc, f.leden.gert)?.rol === 'gast', 'the relay to have the new role');
    observer.close();
    const docBefore = gert.session.doc;
    gert.network.setOnline(true);
    await waitFor(() => gert.session.doc !== docBefore, 'Gert’s tablet to rebuild');
    await inSync(gert.session, 'Gert to be in sync as a gast');

    const conflicts = await gert.device.listConflicts(f.tafelId);
    expect(conflicts.map((c) => c.enteredValue).sort()).toEqual([40, 'vastgesteld']);
    expect(conflicts.every((c) => conflictReasonText(c.cause) === strings.errors.eigenaar['read-only'])).toBe(true);
    expect(readProject(f.chair.doc, f.havenkwartier)?.woningenMiddenhuur).toBe(0);
    expect(gert.session.status.pending).toBe(0);
    gert.close();
  });
});
