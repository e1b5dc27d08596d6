// The Caddyfiles operators copy (docs/deploy/) are valid for Debian's Caddy and say what
// docs/deploy.md promises: automatic certificates for a real domain, the internal CA on a local
// network, and websockets hashed on the tafel id across several relays. (The LAN file also runs
// for real in test/e2e/https.test.ts.)

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/relay';

/** The JSON configuration Caddy makes of a Caddyfile, with the given environment. */
function adapt(file: string, env: Record<string, string> = {}): string {
  try {
    return execFileSync('caddy', ['adapt', '--config', path.join(REPO_ROOT, 'docs/deploy', file), '--adapter', 'caddyfile'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new Error('caddy not found: apt-get install -y caddy', { cause: e });
    throw new Error(`caddy adapt ${file} failed: ${err.stderr ?? err.message}`, { cause: e });
  }
}

describe('deployment Caddyfiles', () => {
  it('a real domain gets ACME certificates and the relay behind it', () => {
    const json = adapt('Caddyfile', { AAN_TAFEL_SITE: 'tafels.example.nl', AAN_TAFEL_UPSTREAM: '127.0.0.1:9090' });
    expect(json).toContain('"subjects":["tafels.example.nl"]');
    expect(json).toContain('"module":"acme"');
    expect(json).toContain('"dial":"127.0.0.1:9090"');
  });

  it('a local network uses the internal CA and serves its root for tablets', () => {
    const json = adapt('Caddyfile.lan', { AAN_TAFEL_SITE: 'aan-tafel.lan' });
    expect(json).toContain('"host":["aan-tafel.lan"]');
    expect(json).toContain('"module":"internal"');
    expect(json).toContain('"path":["/aan-tafel-root.crt"]');
    expect(json).toContain('"install_trust":false');
  });

  it('several relays: websockets hash on the tafel id, with health checks', () => {
    const json = adapt('Caddyfile.cluster', { AAN_TAFEL_RELAYS: '10.0.0.11:8080 10.0.0.12:8080' });
    expect(json).toContain('"X-Aan-Tafel":["{http.request.uri.path.1}"]');
    expect(json).toContain('"selection_policy":{"field":"X-Aan-Tafel","policy":"header"}');
    expect(json).toContain('"upstreams":[{"dial":"10.0.0.11:8080"},{"dial":"10.0.0.12:8080"}]');
    expect(json).toContain('"uri":"/health"');
  });
});
