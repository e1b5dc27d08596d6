// The SQLite file is opened with the durability the operator configured (server/config.ts).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../../server/storage-sqlite';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** SQLite's own numbers for PRAGMA synchronous. */
const NORMAL = 1;
const FULL = 2;

async function synchronousOf(open: (dir: string) => SqliteStorage): Promise<unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-sync-'));
  dirs.push(dir);
  const storage = open(dir);
  try {
    return storage.db.pragma('synchronous', { simple: true });
  } finally {
    await storage.close();
  }
}

describe('SQLite durability', () => {
  it('fsyncs every COMMIT by default and leaves it out only when asked', async () => {
    expect(await synchronousOf((dir) => SqliteStorage.open(dir))).toBe(FULL);
    expect(await synchronousOf((dir) => SqliteStorage.open(dir, {}, 'NORMAL'))).toBe(NORMAL);
  });
});
