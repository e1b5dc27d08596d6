// Serving the built app: files from the dist folder, the app's history routes fall back to
// index.html, hashed assets are cached for ever and index.html / sw.js are revalidated; API paths
// never fall back to the app. Uses its own small dist folder, not the project's build.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupRelays, startRelay, tempDataDir, type StartedRelay } from '../helpers/relay';

describe('relay: serving the app', () => {
  let relay: StartedRelay;

  beforeAll(async () => {
    const dist = tempDataDir();
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Aan Tafel</title><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    fs.writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("app");');
    relay = await startRelay({ env: { AAN_TAFEL_DIST: dist } });
  });

  afterAll(cleanupRelays);

  it('serves files with the right caching and falls back to index.html for app routes', async () => {
    const asset = await fetch(`${relay.url}/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("app");');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    for (const route of ['/', '/join/ABCDEFGHJKMNPQ', '/tafel/demo/planmonitor']) {
      const res = await fetch(`${relay.url}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const sw = await fetch(`${relay.url}/sw.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');

    const missingAsset = await fetch(`${relay.url}/assets/weg-123.js`);
    expect(missingAsset.status).toBe(404);
    await missingAsset.text();
    const api = await fetch(`${relay.url}/api/onbekend`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    const traversal = await fetch(`${relay.url}/..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
  });
});
