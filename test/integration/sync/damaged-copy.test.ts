// A damaged or partial local copy does not brick the tafel: the tablet keeps what it can read,
// gets the rest from the relay, says so, and works on as before.

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../src/model';
import { setProjectField } from '../../../src/operations';
import { localCopyName } from '../../../src/sync/local-copy';
import { strings } from '../../../src/ui/strings';
import { docState, waitFor } from '../helpers/relay';
import { inSync, tablet, tafelForThisFile } from './fixture';
import { noticeText } from '../../../src/ui/codeText';

const f = tafelForThisFile();

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Damages the stored updates of a local copy: a truncated record, or the largest record removed. */
async function damage(name: string, how: 'truncated' | 'partial'): Promise<void> {
  const db = await request(indexedDB.open(name));
  const tx = db.transaction('updates', 'readwrite');
  const store = tx.objectStore('updates');
  const keys = (await request(store.getAllKeys())) as number[];
  const values = (await request(store.getAll())) as Uint8Array[];
  const largest = values.reduce((best, v, i) => (v.length > values[best]!.length ? i : best), 0);
  if (how === 'truncated') await request(store.put(values[largest]!.slice(0, values[largest]!.length >> 1), keys[largest]!));
  else await request(store.delete(keys[largest]!));
  db.close();
}

describe('a damaged local copy', () => {
  for (const how of ['truncated', 'partial'] as const) {
    it(`recovers from the relay and says so (${how} records)`, async () => {
      const bea = await tablet(f, f.leden.bea);
      await inSync(bea.session, 'Bea to sync after joining');
      setProjectField(bea.session.doc, bea.actor(), f.havenkwartier, 'privateOpmerkingen', `vóór de schade (${how})`);
      await inSync(bea.session, 'the edit to be confirmed');
      const copy = await bea.device.store.localCopies.get(f.tafelId);
      bea.session.destroy();
      await damage(localCopyName(bea.device.name, f.tafelId, copy!.generation), how);

      const session = bea.reopen();
      await waitFor(() => noticeOf(session) === strings.herstel.kopieHersteld, 'the session to report the repair');
      await inSync(session, 'the repaired copy to sync');
      await waitFor(() => docState(session.doc) === docState(f.chair.doc), 'the copy to equal the relay’s again');
      expect(readProject(session.doc, f.havenkwartier)?.privateOpmerkingen).toBe(`vóór de schade (${how})`);
      expect((await bea.device.store.localCopies.get(f.tafelId))!.generation).not.toBe(copy!.generation);

      // It works on as before, and the repaired copy opens cleanly next time.
      setProjectField(session.doc, bea.actor(), f.havenkwartier, 'privateOpmerkingen', `na de schade (${how})`);
      await waitFor(() => readProject(f.chair.doc, f.havenkwartier)?.privateOpmerkingen === `na de schade (${how})`, 'the chair to get the edit');
      const again = bea.reopen();
      await waitFor(() => again.status.loaded, 'the repaired copy to load');
      expect(again.status.notice).toBeNull();
      expect(readProject(again.doc, f.havenkwartier)?.privateOpmerkingen).toBe(`na de schade (${how})`);
      bea.close();
    });
  }
});

/** The session notice as the user reads it. */
function noticeOf(session: { status: { notice: Parameters<typeof noticeText>[0] | null } }): string | null {
  return session.status.notice && noticeText(session.status.notice);
}
