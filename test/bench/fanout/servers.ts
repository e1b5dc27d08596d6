// Starts each contestant's server as its own process on a free port, so its CPU time and peak
// memory can be read from /proc and the client processes never share its event loop.

import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/proc';
import type { Endpoint, PlainContestant } from './contestants';

export interface RunningServer {
  readonly pid: number;
  readonly endpoint: Endpoint;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const live = new Set<ChildProcess>();
// A benchmark that dies half-way must not leave servers listening on the shared machine.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Every server runs under the same loader (tsx, as `npm start` runs ours) so memory compares fairly. */
function spawnNode(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Resolves when `pattern` shows up on the child's stdout; rejects when it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => done(new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${out}${err}`)), timeoutMs);
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) done(undefined, m[0]);
    };
    const onErr = (chunk: Buffer) => (err += chunk.toString());
    const onExit = (code: number | null) => done(new Error(`${what} exited with ${code} before it was ready:\n${out}${err}`));
    function done(e: Error | undefined, line?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', onOut);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
      if (e) reject(e);
      else resolve(line!);
    }
    child.stdout?.on('data', onOut);
    child.stderr?.on('data', onErr);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.kill('SIGTERM');
  });
}

/** The reference server or Hocuspocus: in memory, no checks; the first client brings the tafel. */
export async function startPlainServer(contestant: PlainContestant): Promise<RunningServer> {
  const port = await freePort();
  const child =
    contestant === 'reference'
      ? spawnNode(path.join(path.dirname(require.resolve('y-websocket-reference/bin/utils')), 'server.cjs'), [], {
          HOST: '127.0.0.1',
          PORT: String(port),
        })
      : spawnNode(path.join(here, 'hocuspocus-server.ts'), [String(port)]);
  await waitForOutput(child, contestant === 'reference' ? /running at/ : /ready on/, contestant);
  // Keep draining output so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    pid: child.pid!,
    endpoint: { url: `ws://127.0.0.1:${port}`, room: 'bench-tafel' },
    stop: () => stopChild(child),
  };
}
