// A throwaway Postgres 15 cluster for one test file: initdb in a temp folder, pg_ctl start on
// 127.0.0.1 and a free port, one fresh database per createDatabase(), everything removed by
// stop(). Postgres refuses to run as root, so under root the server runs as the `postgres` user
// (runuser), which Debian's package creates.
//
//   const pg = await startPostgres();                  // fails with an install hint when missing
//   const url = await pg.createDatabase();             // postgres://aan@127.0.0.1:PORT/t_xxx
//   ... AAN_TAFEL_DATABASE_URL=url ...
//   await pg.stop();                                   // in afterAll

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './ports';

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];
const INSTALL_HINT = 'Postgres is needed for this test: apt-get install -y postgresql (Debian), or put initdb and pg_ctl on PATH';

export interface TestPostgres {
  readonly port: number;
  /** The cluster's superuser, trusted on 127.0.0.1 (no password). */
  readonly user: string;
  readonly binDir: string;
  /** A new empty database; its postgres:// URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The folder of initdb and pg_ctl; throws with an install hint when there is none. */
export function postgresBinDir(): string {
  for (const dir of BIN_DIRS) if (fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return path.dirname(which.stdout.trim());
  throw new Error(INSTALL_HINT);
}

/** Runs a Postgres server binary, as the postgres user when we are root. */
function runAsServerUser(binDir: string, tool: string, args: readonly string[]): void {
  const file = path.join(binDir, tool);
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, [...args]];
  try {
    execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr?.toString() ?? ''}${err.stdout?.toString() ?? ''}${err.message}`, { cause: e });
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const binDir = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-pg-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const user = 'aan';
  runAsServerUser(binDir, 'initdb', ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=32MB`;
  runAsServerUser(binDir, 'pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let n = 0;
  const admin = new pg.Client({ host: '127.0.0.1', port, user, database: 'postgres' });
  await admin.connect();
  return {
    port,
    user,
    binDir,
    async createDatabase() {
      const name = `t_${process.pid}_${++n}`;
      await admin.query(`CREATE DATABASE ${name}`);
      return `postgres://${user}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await admin.end().catch(() => undefined);
      try {
        runAsServerUser(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
