// Caddy in front of a relay, as docs/deploy/Caddyfile.lan ships it: https with Caddy's internal CA
// on 127.0.0.1 and free ports, for the site name `site` (tests map it to 127.0.0.1 in Chromium).
// Its data (the CA) lives in a temp folder; trustStore() makes an NSS database (certutil, from
// libnss3-tools) that trusts the CA, as an operator's tablets would after installing it.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, waitFor } from '../../integration/helpers/relay';
import { freePort } from '../../integration/helpers/ports';

export const CADDYFILE_LAN = path.join(REPO_ROOT, 'docs/deploy/Caddyfile.lan');

export interface RunningCaddy {
  readonly httpsPort: number;
  readonly site: string;
  /** https://<site>:<port> */
  readonly origin: string;
  /** Caddy's internal root certificate (PEM). */
  readonly rootCert: string;
  /** A HOME folder whose NSS database (~/.pki/nssdb) trusts the root certificate. */
  trustStore(): string;
  /** GET through Caddy, verifying its certificate against the root. */
  get(pathname: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>;
  output(): string;
  stop(): Promise<void>;
}

function requireTool(tool: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} not found: apt-get install -y ${pkg}`);
  }
}

export async function startCaddy(opts: { site: string; upstreamPort: number; httpsPort: number }): Promise<RunningCaddy> {
  requireTool('caddy', 'caddy');
  requireTool('certutil', 'libnss3-tools');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-caddy-'));
  const httpsPort = opts.httpsPort;
  const [httpPort, adminPort] = [await freePort(), await freePort()];
  const pkiRoot = path.join(dir, 'data/caddy/pki/authorities/local');
  let out = '';
  const proc: ChildProcess = spawn('caddy', ['run', '--config', CADDYFILE_LAN, '--adapter', 'caddyfile'], {
    env: {
      ...process.env,
      HOME: dir,
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      AAN_TAFEL_SITE: opts.site,
      AAN_TAFEL_HTTPS_PORT: String(httpsPort),
      AAN_TAFEL_HTTP_PORT: String(httpPort),
      AAN_TAFEL_UPSTREAM: `127.0.0.1:${opts.upstreamPort}`,
      CADDY_ADMIN: `127.0.0.1:${adminPort}`,
      CADDY_PKI_ROOT: pkiRoot,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const rootFile = path.join(pkiRoot, 'root.crt');

  const get: RunningCaddy['get'] = (pathname) =>
    new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port: httpsPort,
          path: pathname,
          servername: opts.site,
          headers: { Host: `${opts.site}:${httpsPort}` },
          ca: fs.readFileSync(rootFile, 'utf8'),
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });

  try {
    await waitFor(() => proc.exitCode === null && fs.existsSync(rootFile), 'Caddy to create its internal CA', 30_000);
    await waitFor(async () => (await get('/health')).status === 200, 'Caddy to serve the relay over https', 30_000);
  } catch (e) {
    proc.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${out}`, { cause: e });
  }
  const rootCert = fs.readFileSync(rootFile, 'utf8');

  return {
    httpsPort,
    site: opts.site,
    origin: `https://${opts.site}:${httpsPort}`,
    rootCert,
    trustStore() {
      const home = path.join(dir, 'browser-home');
      const nssdb = path.join(home, '.pki/nssdb');
      fs.mkdirSync(nssdb, { recursive: true });
      execFileSync('certutil', ['-d', `sql:${nssdb}`, '-N', '--empty-password']);
      execFileSync('certutil', ['-d', `sql:${nssdb}`, '-A', '-t', 'C,,', '-n', 'Aan Tafel test CA', '-i', rootFile]);
      return home;
    },
    get,
    output: () => out,
    async stop() {
      proc.kill('SIGTERM');
      const hard = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
