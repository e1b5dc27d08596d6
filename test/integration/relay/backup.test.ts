// Backups and restores through the admin CLI, on both engines: back up while the relay runs,
// write more, stop, restore, start: the tafel is as it was at the backup, and a tablet that holds
// the newer state sends it again when it reconnects.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForLid, readProject, readProjecten } from '../../../src/model';
import { setProjectField } from '../../../src/operations';
import { cleanupRelays, connectClient, demoLink, redeem, runAdmin, startRelay, waitFor } from '../helpers/relay';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`relay: backup and restore (${engine})`, () => {
    let postgres: TestPostgres | undefined;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-backup-'));
    beforeAll(async () => {
      if (engine === 'postgres') postgres = await startPostgres();
    });
    afterAll(async () => {
      await cleanupRelays();
      await postgres?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('restores the tafel as it was at the backup; tablets with newer state send it again', async () => {
      const env: Record<string, string> = postgres ? { AAN_TAFEL_DATABASE_URL: await postgres.createDatabase() } : {};
      let relay = await startRelay({ demo: true, env });
      const gert = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
      const vera = await redeem(relay, demoLink(relay, 'Vera Voorzitter').code);
      const tablet = connectClient(relay, 'demo', gert.token);
      const watcher = connectClient(relay, 'demo', vera.token);
      await Promise.all([tablet.synced(), watcher.synced()]);
      const project = readProjecten(tablet.doc)[0]!.id;
      const remark = () => readProject(watcher.doc, project)?.publiekeOpmerkingen;
      const edit = (text: string) => setProjectField(tablet.doc, actorForLid(tablet.doc, gert.lidId)!, project, 'publiekeOpmerkingen', text);

      edit('voor de backup');
      await waitFor(() => remark() === 'voor de backup', 'the first edit to be stored');
      const file = path.join(dir, `tafels.${engine === 'sqlite' ? 'sqlite' : 'dump'}`);
      const made = (await runAdmin(relay, ['backup', '--out', file])) as { bytes: number; engine: string };
      expect(made).toMatchObject({ engine, file });
      expect(made.bytes).toBeGreaterThan(0);
      // The refusals are the same on both engines: checked once (each CLI run costs seconds).
      if (engine === 'sqlite') await expect(runAdmin(relay, ['backup', '--out', file])).rejects.toThrow(/exists already/);

      edit('na de backup');
      await waitFor(() => remark() === 'na de backup', 'the second edit to be stored');
      // The tablet stays offline while the operator restores.
      tablet.provider.disconnect();
      watcher.close();
      await relay.stop();
      const restored = (await runAdmin(relay, ['restore', '--from', file])) as { tafels: number };
      expect(restored.tafels).toBe(1);
      if (engine === 'sqlite') await expect(runAdmin(relay, ['restore', '--from', path.join(dir, 'missing')])).rejects.toThrow(/no backup/);
      relay = await startRelay({ dataDir: relay.dataDir, port: relay.port, demo: true, env });

      // As at the backup: the device tokens of then work, the later edit is gone ...
      const observer = connectClient(relay, 'demo', vera.token);
      await observer.synced();
      expect(readProject(observer.doc, project)?.publiekeOpmerkingen).toBe('voor de backup');
      // ... until the tablet that made it comes back and sends it again.
      tablet.provider.connect();
      await tablet.synced();
      await waitFor(() => readProject(observer.doc, project)?.publiekeOpmerkingen === 'na de backup', 'the tablet to send its newer state');
      expect(tablet.rejections).toEqual([]);
      observer.close();
      tablet.close();
      await relay.stop();
    }, 180_000);
  });
}
