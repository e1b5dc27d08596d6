// Backups and restores of the relay's storage, for `npm run admin -- backup|restore`.
//
// SQLite: SQLite's online backup API copies a consistent snapshot of the file while the relay
// keeps writing; a restore puts such a copy in place of the data file (the relay must be stopped;
// the file it replaces is kept beside it). Postgres: pg_dump in its custom format, restored with
// pg_restore into the database (the relays must be stopped). Either way a restored tafel is as it
// was at the backup; tablets that hold newer state send it again when they reconnect, as after
// any outage (their local copy is theirs, src/sync/).

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, type BackupResult, type RelayStorage } from './storage';

export async function backup(storage: RelayStorage, out: string): Promise<BackupResult> {
  if (fs.existsSync(out)) throw new Error(`${out} exists already: a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  return storage.backup(out);
}

export interface RestoreResult {
  readonly engine: 'sqlite' | 'postgres';
  readonly restoredFrom: string;
  readonly tafels: number;
  /** SQLite: where the data file that was replaced is kept. */
  readonly previous?: string;
}

/** Restores an SQLite backup into the data folder. The relay must not be running. */
export function restoreSqlite(dataDir: string, from: string, now: number): RestoreResult {
  const tafels = checkSqliteBackup(from);
  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, DB_FILE);
  const staged = `${target}.restoring`;
  fs.copyFileSync(from, staged);
  let previous: string | undefined;
  if (fs.existsSync(target)) {
    // Folds the WAL into the file first, so the kept copy is complete on its own.
    const db = new Database(target);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    previous = `${target}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(staged, target);
  return { engine: 'sqlite', restoredFrom: from, tafels, ...(previous ? { previous } : {}) };
}

/** The number of tafels in an SQLite backup; throws when it is not one of the relay's. */
function checkSqliteBackup(file: string): number {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare('SELECT COUNT(*) FROM tafels').pluck().get() as number;
  } catch (e) {
    throw new Error(`${file} is not a backup of the relay's SQLite storage (${(e as Error).message})`, { cause: e });
  } finally {
    db?.close();
  }
}

/** Restores a pg_dump backup into the database. The relays must not be running. */
export async function restorePostgres(url: string, from: string): Promise<RestoreResult> {
  if (!fs.existsSync(from)) throw new Error(`no backup at ${from}`);
  const [{ default: pg }, { runTool }] = await Promise.all([import('pg'), import('./storage-postgres')]);
  // pg_restore --list reads the archive's table of contents: a quick check that it is one.
  await runTool('pg_restore', ['--list', from]);
  await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${url}`, from]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Leases of the processes of that time mean nothing now.
    await client.query('DELETE FROM tafel_leases');
    const r = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM tafels');
    return { engine: 'postgres', restoredFrom: from, tafels: Number(r.rows[0]?.n ?? 0) };
  } finally {
    await client.end();
  }
}
