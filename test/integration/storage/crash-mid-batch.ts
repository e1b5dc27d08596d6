// Child process of the contract suite's crash test: commits one batch (prints COMMITTED), then
// writes a second batch and is killed (SIGKILL, no cleanup of any kind) between its last write
// and its COMMIT. Storage from the environment, as the relay reads it (AAN_TAFEL_DATA or
// AAN_TAFEL_DATABASE_URL); argv[2] is the tafel to write to.

import { loadConfig } from '../../../server/config';
import type { RelayStorage } from '../../../server/storage';
import { PostgresStorage } from '../../../server/storage-postgres';
import { SqliteStorage } from '../../../server/storage-sqlite';

const tafelId = process.argv[2] ?? 't1';
let crash = false;
const hooks = {
  beforeCommit: () => {
    if (crash) process.kill(process.pid, 'SIGKILL');
  },
};
const config = loadConfig();
const storage: RelayStorage = config.databaseUrl ? await PostgresStorage.open(config.databaseUrl, hooks) : SqliteStorage.open(config.dataDir, hooks);
const member = { fail: (e: unknown) => console.error('failed', e) };

storage.batch.write(member, tafelId, (w) => {
  w.appendUpdate(Uint8Array.of(1, 1), 1);
  w.audit({ tafelId, lidId: 'lid', partijId: null, at: 1, size: 2, accepted: true, messageType: 2, detail: { n: 1 } });
});
await storage.batch.settled();
console.log('COMMITTED');

crash = true;
for (let i = 0; i < 50; i++) {
  storage.batch.write({ fail: () => undefined }, tafelId, (w) => {
    w.appendUpdate(Uint8Array.of(2, i), 2);
    w.audit({ tafelId, lidId: 'lid', partijId: null, at: 2, size: 2, accepted: true, messageType: 2, detail: { n: 2 } });
  });
}
await storage.batch.settled();
console.log('NOT KILLED');
