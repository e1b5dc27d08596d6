// Shared helpers for integration tests that need a real relay process (server/main.ts).
//
//   const relay = await startRelay({ demo: true });         // own temp data folder, free port
//   const links = demoLinks(relay);                          // [{lidId, naam, partij, rol, code, url}]
//   const gert = await redeem(relay, links[1].code);         // {token, tafelId, lidId}
//   const client = connectClient(relay, gert.tafelId, gert.token);
//   await client.synced();                                   // initial sync done
//   ... edit client.doc through src/model operations ...
//   await waitFor(() => other.doc ... , 'what we wait for');
//   client.close();
//   await relay.stop();                                      // SIGTERM, waits for exit
//   afterAll(cleanupRelays)                                  // stops leftovers, removes temp folders
//
// - startRelay({dataDir, env, port, demo}) spawns `node --import tsx server/main.ts` with HOST
//   127.0.0.1, PORT 0 (the system picks a free port; pass `port` to come back on the same port
//   after a kill), AAN_TAFEL_DATA a fresh temp folder unless dataDir is given, AAN_TAFEL_DEMO off
//   unless demo is true. It resolves once the relay prints `AAN_TAFEL_RELAY_LISTENING port=N`.
// - relay.kill('SIGKILL') simulates a crash; startRelay({dataDir: relay.dataDir, port: relay.port})
//   restarts on the same data and port, so connected WebsocketProviders reconnect by themselves.
// - connectClient uses y-websocket's stock WebsocketProvider with `ws` as WebSocket, records every
//   rejection (message type 4, src/protocol/messages.ts) in `rejections` and every close code in `closes`.
// - inviteWhenKnown asks the relay for the chair's invite until the relay knows the lid.
// - docState(doc) is a tafel document's content as canonical JSON, to compare peers.
// - startRelay({env: {AAN_TAFEL_DATABASE_URL: url}}) runs it on Postgres (helpers/postgres.ts starts
//   a throwaway cluster); runAdmin and createTafel pass the relay's env on to the admin CLI.
// - createTafel runs the admin CLI; tryUpgrade opens a raw websocket and reports the HTTP status
//   of a refused upgrade or the close code of an accepted one.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { decodeRejection, MESSAGE_REJECTED, type Rejection } from '../../../src/protocol/messages';
import { actorForLid } from '../../../src/model';
import type { Actor } from '../../../src/ownership/rulebook';

const execFileAsync = promisify(execFile);

export { docState } from './doc-state';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface StartedRelay {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** ws://127.0.0.1:PORT (append /sync/<tafelId>?token=...) */
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** The environment it was started with beyond the defaults (e.g. AAN_TAFEL_DATABASE_URL); runAdmin uses it too. */
  readonly env: Readonly<Record<string, string>>;
  readonly proc: ChildProcess;
  /** Everything the relay printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM and wait for the process to exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** Sends a signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly port?: number;
  readonly demo?: boolean;
  /** Extra node flags for the relay process (the benchmark's --cpu-prof). */
  readonly nodeArgs?: readonly string[];
}

const started = new Set<StartedRelay>();
const tempDirs = new Set<string>();

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-relay-'));
  tempDirs.add(dir);
  return dir;
}

export async function startRelay(opts: StartOptions = {}): Promise<StartedRelay> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(opts.port ?? 0),
      HOST: '127.0.0.1',
      AAN_TAFEL_DATA: dataDir,
      AAN_TAFEL_DEMO: opts.demo ? 'on' : 'off',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start within 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /AAN_TAFEL_RELAY_LISTENING port=(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`relay exited (${code ?? signal}) before listening:\n${out}`));
    });
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
    started.delete(relay);
  };
  const relay: StartedRelay = {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    env: opts.env ?? {},
    proc,
    output: () => out,
    kill,
    async stop() {
      const hard = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await kill('SIGTERM');
      clearTimeout(hard);
    },
  };
  started.add(relay);
  return relay;
}

/** Stops every relay still running and removes the temp data folders; use in afterAll. */
export async function cleanupRelays(): Promise<void> {
  await Promise.all([...started].map((r) => r.kill('SIGKILL')));
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/**
 * Runs the admin CLI on the relay's data folder, as an operator would while it runs; returns its
 * parsed JSON output.
 * Asynchronous on purpose: a spawnSync would block this process's event loop for the seconds the
 * CLI takes on a busy machine, and with it undici's keep-alive bookkeeping. Undici drops an idle
 * pooled socket a second before the relay's keepAliveTimeout (5 s) would close it, but only if its
 * timer can run; blocked, the next fetch reused a socket the relay was just closing and failed
 * with "other side closed" (the flaky identity test).
 */
export async function runAdmin(
  relay: Pick<StartedRelay, 'dataDir' | 'url'> & { readonly env?: Readonly<Record<string, string>> },
  args: readonly string[],
): Promise<unknown> {
  const env = { ...process.env, AAN_TAFEL_DATA: relay.dataDir, AAN_TAFEL_PUBLIC_URL: relay.url, ...relay.env };
  try {
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    return JSON.parse(stdout) as unknown;
  } catch (e) {
    const failed = e as { code?: unknown; stderr?: string };
    throw new Error(`admin ${args.join(' ')} failed (${String(failed.code)}): ${failed.stderr ?? String(e)}`, { cause: e });
  }
}

export interface CreatedTafel {
  readonly tafelId: string;
  readonly chairLidId: string;
  readonly code: string;
  readonly url: string;
}

export async function createTafel(relay: Pick<StartedRelay, 'dataDir' | 'url'> & { readonly env?: Readonly<Record<string, string>> }, name: string): Promise<CreatedTafel> {
  return (await runAdmin(relay, ['create-tafel', '--name', name])) as CreatedTafel;
}

export interface DemoLink {
  readonly lidId: string;
  readonly naam: string;
  readonly partij: string;
  readonly rol: string;
  readonly url: string;
  readonly code: string;
}

/** The demo leden's fresh invites of this start (relay started with demo: true). */
export function demoLinks(relay: Pick<StartedRelay, 'dataDir'>): DemoLink[] {
  return JSON.parse(fs.readFileSync(path.join(relay.dataDir, 'demo-links.json'), 'utf8')) as DemoLink[];
}

export function demoLink(relay: Pick<StartedRelay, 'dataDir'>, naam: string): DemoLink {
  const link = demoLinks(relay).find((l) => l.naam === naam);
  if (!link) throw new Error(`no demo lid "${naam}"`);
  return link;
}

export interface Session {
  readonly token: string;
  readonly tafelId: string;
  readonly lidId: string;
}

/** A kept-alive socket the relay closed just as it was reused (after a slow step, e.g. an admin CLI run): nothing was sent. */
function isStaleSocket(e: unknown): boolean {
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause;
  return e instanceof TypeError && cause?.code === 'UND_ERR_SOCKET';
}

export async function api(relay: Pick<StartedRelay, 'url'>, method: string, pathname: string, opts: { token?: string; body?: unknown } = {}) {
  const request = () =>
    fetch(`${relay.url}${pathname}`, {
      method,
      headers: {
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  const res = await request().catch((e: unknown) => {
    if (isStaleSocket(e)) return request();
    throw e;
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json: json as Record<string, unknown> };
}

export async function redeem(relay: Pick<StartedRelay, 'url'>, code: string): Promise<Session> {
  const r = await api(relay, 'POST', '/api/invites/redeem', { body: { code } });
  if (r.status !== 200) throw new Error(`redeem failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json as unknown as Session;
}

/**
 * The chair's invite code for a lid. Asks again until the relay knows the lid: it refuses invites
 * (404) for leden it has not yet received. Other refusals are retried too (a busy relay may drop a
 * reused socket) and named in the timeout's error.
 */
export async function inviteWhenKnown(
  relay: Pick<StartedRelay, 'url'>,
  tafelId: string,
  chairToken: string,
  lidId: string,
  timeoutMs?: number,
): Promise<string> {
  let code = '';
  await waitFor(
    async () => {
      const r = await api(relay, 'POST', `/api/tafels/${tafelId}/invites`, { token: chairToken, body: { lidId } });
      if (r.status === 201) code = String(r.json.code);
      else if (r.status !== 404) throw new Error(`invite failed: ${r.status} ${JSON.stringify(r.json)}`);
      return r.status === 201;
    },
    `the relay to know lid ${lidId}`,
    timeoutMs,
  );
  return code;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Every rejection the relay sent this client. */
  readonly rejections: Rejection[];
  /** Close codes of every connection this client lost. */
  readonly closes: number[];
  /** Resolves when the provider has synced with the relay (again). */
  synced(): Promise<void>;
  close(): void;
}

export function connectClient(relay: Pick<StartedRelay, 'wsUrl'>, tafelId: string, token: string, doc: Y.Doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(`${relay.wsUrl}/sync`, tafelId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const rejections: Rejection[] = [];
  const closes: number[] = [];
  provider.messageHandlers[MESSAGE_REJECTED] = (_encoder, decoder) => {
    rejections.push(decodeRejection(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    rejections,
    closes,
    synced: () =>
      provider.synced
        ? Promise.resolve()
        : waitFor(() => provider.synced, `client of ${tafelId} to sync`),
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A lid of the demo tafel at the table: redeemed by name, connected, synced, with its Actor. */
export interface DemoLidAanTafel {
  readonly client: TestClient;
  readonly actor: Actor;
}

export async function connectDemoLid(relay: Pick<StartedRelay, 'url' | 'wsUrl' | 'dataDir'>, naam: string): Promise<DemoLidAanTafel> {
  const session = await redeem(relay, demoLink(relay, naam).code);
  const client = connectClient(relay, 'demo', session.token);
  await client.synced();
  const actor = actorForLid(client.doc, session.lidId);
  if (!actor) throw new Error(`${naam} is not a lid of the demo tafel`);
  return { client, actor };
}

/** Polls until `check` returns (or resolves to) a truthy value; fails with `what` after timeoutMs. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ok: unknown;
    let error: unknown;
    try {
      ok = await check();
    } catch (e) {
      error = e;
    }
    if (ok) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${error ? `: ${String(error)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type UpgradeOutcome =
  | { readonly status: number; readonly body: string }
  | { readonly closed: number; readonly reason: string }
  | { readonly open: true };

/**
 * Opens a raw websocket: the HTTP status and body when the upgrade is refused, the close code when
 * it is accepted and then closed (after sending `frames`), or {open: true} when still open after
 * timeoutMs.
 */
export function tryUpgrade(
  url: string,
  opts: { origin?: string; frames?: readonly (Uint8Array | string)[]; timeoutMs?: number } = {},
): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, opts.origin ? { origin: opts.origin } : {});
    const done = (o: UpgradeOutcome) => {
      clearTimeout(timer);
      resolve(o);
    };
    const timer = setTimeout(() => {
      ws.terminate();
      done({ open: true });
    }, opts.timeoutMs ?? 3_000);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => {
      for (const f of opts.frames ?? []) ws.send(f);
    });
    ws.on('close', (code, reason) => done({ closed: code, reason: reason.toString() }));
    // Failures surface as unexpected-response or close; this listener keeps them from being thrown.
    ws.on('error', () => undefined);
  });
}
