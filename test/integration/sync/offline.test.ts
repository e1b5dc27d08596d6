// Offline first: an edit made offline survives closing the app, and reaches the others once the
// tablet is back online; two tablets editing offline converge in either order of reconnecting.

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readProject, readTafel } from '../../../src/model';
import { editTafel, setProjectField } from '../../../src/operations';
import { strings } from '../../../src/ui/strings';
import { api, docState, waitFor } from '../helpers/relay';
import { inSync, tablet, tafelForThisFile, type Tablet } from './fixture';
import { noticeText } from '../../../src/ui/codeText';

const f = tafelForThisFile();
const tablets: Tablet[] = [];

afterEach(() => {
  for (const t of tablets.splice(0)) t.close();
});

describe('offline first', () => {
  it('keeps an offline edit through a restart and delivers it when back online', async () => {
    const bea = await tablet(f, f.leden.bea);
    tablets.push(bea);
    await inSync(bea.session, 'Bea to sync after joining');
    expect(readProject(bea.session.doc, f.parkzicht)?.naam).toBe('Parkzicht');

    bea.network.setOnline(false);
    await waitFor(() => bea.session.status.connection === 'offline', 'Bea to be offline');
    setProjectField(bea.session.doc, bea.actor(), f.parkzicht, 'startBouw', '2027-Q3');
    expect(bea.session.status.pending).toBe(1);

    const reopened = bea.reopen();
    await waitFor(() => reopened.status.loaded, 'the local copy to load offline');
    expect(readProject(reopened.doc, f.parkzicht)?.startBouw).toBe('2027-Q3');
    await waitFor(() => reopened.status.connection === 'offline', 'the status to say offline after a failed attempt');
    expect(reopened.status.pending).toBe(1);
    expect(readProject(f.chair.doc, f.parkzicht)?.startBouw).toBeNull();

    bea.network.setOnline(true);
    await inSync(reopened, 'Bea to sync after coming back online');
    await waitFor(() => readProject(f.chair.doc, f.parkzicht)?.startBouw === '2027-Q3', 'the chair to receive the edit');
    expect(reopened.status.lastSyncedAt).not.toBeNull();
  });

  it('does not count the others’ changes as pending after a restart', async () => {
    const bea = await tablet(f, f.leden.bea);
    tablets.push(bea);
    await inSync(bea.session);
    editTafel(f.chair.doc, f.chairActor, { regio: 'Regio Synctest' });
    await waitFor(() => readTafel(bea.session.doc).regio === 'Regio Synctest', 'Bea to receive the chair’s change');
    await new Promise((r) => setTimeout(r, 600)); // the sync state is saved debounced
    bea.network.setOnline(false);
    const reopened = bea.reopen();
    await waitFor(() => reopened.status.loaded && reopened.status.connection === 'offline', 'the copy to load offline');
    expect(readTafel(reopened.doc).regio).toBe('Regio Synctest');
    expect(reopened.status.pending).toBe(0);
  });

  it('shows who is where: the lid from the leden list, offline too, and the plek at the others', async () => {
    const bea = await tablet(f, f.leden.bea);
    tablets.push(bea);
    await inSync(bea.session);
    bea.session.setPlek({ screen: 'project', projectId: f.parkzicht });
    const atChair = () =>
      [...f.chair.provider.awareness.getStates().values()].find((s) => (s.user as { lidId?: string } | undefined)?.lidId === f.leden.bea);
    await waitFor(() => (atChair()?.plek as { projectId?: string } | undefined)?.projectId === f.parkzicht, 'the chair to see where Bea is');
    expect(atChair()?.user).toMatchObject({ naam: 'Bea Bouwer', partijId: f.partijen.b });

    bea.network.setOnline(false);
    const reopened = bea.reopen();
    await waitFor(() => reopened.status.loaded, 'the local copy to load offline');
    expect(reopened.awareness.getLocalState()?.user).toMatchObject({ lidId: f.leden.bea, naam: 'Bea Bouwer', partijId: f.partijen.b });
    expect(reopened.awareness.getLocalState()?.user.kleur).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('says so when the chair revokes access, while connected or while offline', async () => {
    const chairToken = f.chair.provider.params.token!;
    const revoke = async (lidId: string) => {
      const r = await api(f.relay, 'POST', `/api/tafels/${f.tafelId}/leden/${lidId}/revoke`, { token: chairToken });
      expect(r.status).toBe(200);
    };
    const connected = await tablet(f, f.leden.bea);
    const away = await tablet(f, f.leden.gert);
    tablets.push(connected, away);
    await inSync(connected.session);
    await inSync(away.session);
    away.network.setOnline(false);
    await waitFor(() => away.session.status.connection === 'offline', 'Gert offline');

    await revoke(f.leden.bea);
    await waitFor(() => noticeOf(connected.session) === strings.herstel.toegangIngetrokken, 'Bea to be told (close code)');
    await revoke(f.leden.gert);
    away.network.setOnline(true);
    await waitFor(() => noticeOf(away.session) === strings.herstel.toegangIngetrokken, 'Gert to be told (refused upgrades)');
    expect(away.session.status.connection).toBe('offline');
  });

  for (const order of [
    ['gert', 'bea'],
    ['bea', 'gert'],
  ] as const) {
    it(`converges when two tablets edit offline and reconnect ${order.join(' then ')}`, async () => {
      const tabs = { gert: await tablet(f, f.leden.gert), bea: await tablet(f, f.leden.bea) };
      tablets.push(tabs.gert, tabs.bea);
      await inSync(tabs.gert.session);
      await inSync(tabs.bea.session);
      tabs.gert.network.setOnline(false);
      tabs.bea.network.setOnline(false);
      await waitFor(() => tabs.gert.session.status.connection === 'offline' && tabs.bea.session.status.connection === 'offline', 'both offline');

      const jaar = order[0] === 'gert' ? 120 : 80;
      setProjectField(tabs.gert.session.doc, tabs.gert.actor(), f.havenkwartier, 'woningenSocialeHuur', jaar);
      setProjectField(tabs.bea.session.doc, tabs.bea.actor(), f.havenkwartier, 'financieleHaalbaarheid', 'onrendabele top');

      for (const who of order) {
        tabs[who].network.setOnline(true);
        await inSync(tabs[who].session, `${who} to sync`);
      }
      await waitFor(() => {
        const p = readProject(tabs.gert.session.doc, f.havenkwartier);
        return p?.woningenSocialeHuur === jaar && p.financieleHaalbaarheid === 'onrendabele top';
      }, 'Gert to have both edits');
      await waitFor(() => docState(tabs.bea.session.doc) === docState(f.chair.doc), 'Bea to equal the chair');
      await waitFor(() => docState(tabs.gert.session.doc) === docState(f.chair.doc), 'Gert to equal the chair');
      expect(readProject(f.chair.doc, f.havenkwartier)).toMatchObject({ woningenSocialeHuur: jaar, financieleHaalbaarheid: 'onrendabele top' });
    });
  }
});

/** The session notice as the user reads it. */
function noticeOf(session: { status: { notice: Parameters<typeof noticeText>[0] | null } }): string | null {
  return session.status.notice && noticeText(session.status.notice);
}
