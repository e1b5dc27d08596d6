// https for real tablets: the relay behind Caddy as docs/deploy/Caddyfile.lan ships it, with
// Caddy's internal CA, under a name that is not localhost (so only https makes it a secure
// context). Chromium trusts the CA through its NSS database, as a tablet would after installing
// it; the app installs its service worker over https, syncs over wss through Caddy, and starts
// cold without network.

import type { ConnectionOptions } from 'node:tls';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/ui/strings';
import { cleanupRelays, demoLink, redeem, startRelay, type StartedRelay } from '../integration/helpers/relay';
import { DIST_DIR, assertBuilt, waitForServiceWorker } from './helpers/app';
import { launchProfile, type Profile } from './helpers/browser';
import { startCaddy, type RunningCaddy } from './helpers/caddy';
import { screenshot } from './helpers/artifacts';
import { setupFile } from './helpers/setup';
import { freePort } from '../integration/helpers/ports';

const SITE = 'aan-tafel.test';

let relay: StartedRelay;
let caddy: RunningCaddy;
let profile: Profile;

setupFile(
  async () => {
    assertBuilt();
    const httpsPort = await freePort();
    // The relay's links and HSTS follow the public https URL, Caddy's.
    relay = await startRelay({ demo: true, env: { AAN_TAFEL_DIST: DIST_DIR, AAN_TAFEL_PUBLIC_URL: `https://${SITE}:${httpsPort}` } });
    caddy = await startCaddy({ site: SITE, upstreamPort: relay.port, httpsPort });
    profile = await launchProfile({ args: [`--host-resolver-rules=MAP ${SITE} 127.0.0.1`], env: { HOME: caddy.trustStore() } });
  },
  async () => {
    await profile?.close();
    await caddy?.stop();
    await cleanupRelays();
  },
);

describe('https through Caddy with its internal CA', () => {
  it('serves the app and the relay with https headers and links, and upgrades websockets', async () => {
    const health = await caddy.get('/health');
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(health.headers.server).toBeUndefined();
    // Invite links name the public https origin.
    expect(demoLink(relay, 'Gert Gemeente').url.startsWith(`${caddy.origin}/join/`)).toBe(true);

    const session = await redeem(relay, demoLink(relay, 'Gert Gemeente').code);
    const opened = await new Promise<string>((resolve) => {
      // ws hands the TLS options to tls.connect: the name Caddy's certificate is for, and its CA.
      const tlsOptions: ConnectionOptions = { servername: SITE, ca: caddy.rootCert };
      const ws = new WebSocket(`wss://127.0.0.1:${caddy.httpsPort}/sync/demo?token=${session.token}`, {
        ...tlsOptions,
        headers: { Host: `${SITE}:${caddy.httpsPort}` },
        origin: caddy.origin,
      });
      ws.on('message', () => {
        resolve('synced');
        ws.close();
      });
      ws.on('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
      ws.on('error', (e) => resolve(e.message));
    });
    expect(opened).toBe('synced');
  });

  it('installs the service worker over https and starts cold offline', async () => {
    const page = await profile.context.newPage();
    await page.goto(caddy.origin);
    await page.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    expect(await page.evaluate(() => [location.protocol, window.isSecureContext])).toEqual(['https:', true]);
    await waitForServiceWorker(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(`${caddy.origin}/sw.js`);
    await screenshot(page, 'https', '01-home-over-https');

    const offline = await profile.restart({ offline: true });
    const cold = await offline.newPage();
    await cold.goto(caddy.origin);
    await cold.getByRole('heading', { name: strings.welcome.titel }).waitFor();
    expect(await cold.evaluate(() => navigator.onLine)).toBe(false);
    expect(await cold.evaluate(() => fetch('/health').then(() => 'online', () => 'offline'))).toBe('offline');
    await screenshot(cold, 'https', '02-koude-start-offline');
  });
});
