// A relay whose log pipe is gone (the process that read its output died) keeps serving and stops
// on SIGTERM, instead of spinning on errors about its own log.

import { afterAll, describe, expect, it } from 'vitest';
import { api, cleanupRelays, startRelay } from '../helpers/relay';

afterAll(cleanupRelays);

describe('relay: lost log', () => {
  it('serves on and stops on SIGTERM after its stdout and stderr are closed', async () => {
    const relay = await startRelay();
    relay.proc.stdout?.destroy();
    relay.proc.stderr?.destroy();
    // The SIGTERM below makes it log "stopping" into the closed pipe.
    expect((await api(relay, 'GET', '/api/me', { token: 'geen-token' })).status).toBe(401);
    expect((await api(relay, 'GET', '/health')).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => relay.proc.once('exit', (code) => resolve(code)));
    relay.proc.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000))]);
    expect(code).toBe(0);
  });
});
