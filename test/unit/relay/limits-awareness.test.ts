// Pure pieces of the relay: the rate limiter, the awareness rewrite, the configuration.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { TokenBucket } from '../../../server/limits';
import { MAX_AWARENESS_BYTES, MalformedAwareness, rewriteAwareness } from '../../../server/awareness';
import { kleurFor, type PresenceUser } from '../../../src/model/presence';
import { ConfigError, loadConfig } from '../../../server/config';

describe('TokenBucket', () => {
  it('allows the burst, then the rate', () => {
    const b = new TokenBucket(10, 5, 0);
    expect(Array.from({ length: 6 }, () => b.take(0))).toEqual([true, true, true, true, true, false]);
    expect(b.take(50)).toBe(false); // half a token refilled
    expect(b.take(100)).toBe(true);
    expect(b.take(100)).toBe(false);
    expect(Array.from({ length: 6 }, () => b.take(10_000)).filter(Boolean)).toHaveLength(5); // never beyond the burst
  });
});

describe('rewriteAwareness', () => {
  const user: PresenceUser = { lidId: 'lidAAAAAAAAAAAAA', partijId: 'partijAAAAAAAAAA', naam: 'Gert Gemeente', kleur: '#1d4ed8' };

  function clientUpdate(state: Record<string, unknown> | null): { update: Uint8Array; clientId: number } {
    const doc = new Y.Doc();
    const a = new awarenessProtocol.Awareness(doc);
    a.setLocalState(state);
    const update = awarenessProtocol.encodeAwarenessUpdate(a, [doc.clientID]);
    a.destroy();
    return { update, clientId: doc.clientID };
  }

  it("replaces the claimed user with the relay's and keeps the rest", () => {
    const { update, clientId } = clientUpdate({ user: { naam: 'Vera Voorzitter', lidId: 'x' }, plek: { screen: 'planmonitor' } });
    const out = rewriteAwareness(update, () => user, () => true);
    expect(out.clientIds).toEqual([clientId]);
    const relay = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(relay, out.update, null);
    expect(relay.getStates().get(clientId)).toEqual({ user, plek: { screen: 'planmonitor' } });
  });

  it('drops states of clientIDs the connection may not speak for, and keeps null (leaving)', () => {
    const { update } = clientUpdate({ plek: { screen: 'home' } });
    expect(rewriteAwareness(update, () => user, () => false).clientIds).toEqual([]);
    const leaving = clientUpdate(null);
    expect(rewriteAwareness(leaving.update, () => user, () => true).clientIds).toEqual([leaving.clientId]);
  });

  /** One awareness update holding `states` clients' states, as a stock client echoes what it was greeted with. */
  function manyStates(states: readonly Record<string, unknown>[]): { update: Uint8Array; clientIds: number[] } {
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    const clientIds: number[] = [];
    for (const state of states) {
      const { update, clientId } = clientUpdate(state);
      awarenessProtocol.applyAwarenessUpdate(seen, update, null);
      clientIds.push(clientId);
    }
    return { update: awarenessProtocol.encodeAwarenessUpdate(seen, clientIds), clientIds };
  }

  it('skips the states of others however many a client sends back, and limits only its own', () => {
    const present = manyStates(Array.from({ length: 120 }, (_, i) => ({ plek: { screen: `scherm ${i}` }, cursor: 'x'.repeat(1000) })));
    const own = present.clientIds[7]!;
    let asked = 0;
    const out = rewriteAwareness(present.update, () => (asked++, user), (id) => id === own);
    expect(out.clientIds).toEqual([own]);
    expect(asked).toBe(1);
    // More than 32 states of its own, or more than 64 KiB of them, is not presence.
    expect(() => rewriteAwareness(present.update, () => user, () => true)).toThrow(/more than 32/);
    const fat = manyStates(Array.from({ length: 3 }, () => ({ cursor: 'x'.repeat(MAX_AWARENESS_BYTES / 2) })));
    expect(() => rewriteAwareness(fat.update, () => user, () => true)).toThrow(/larger than/);
    expect(rewriteAwareness(fat.update, () => user, () => false).clientIds).toEqual([]);
  });

  it('refuses bytes that are not an awareness update', () => {
    expect(() => rewriteAwareness(new Uint8Array([1, 5, 5]), () => user, () => true)).toThrow(MalformedAwareness);
    expect(() => rewriteAwareness(new Uint8Array([200]), () => user, () => true)).toThrow(MalformedAwareness);
    const huge = clientUpdate({ plek: { screen: 'x'.repeat(MAX_AWARENESS_BYTES) } });
    expect(() => rewriteAwareness(huge.update, () => user, () => true)).toThrow(/larger than/);
  });
});

describe('kleurFor', () => {
  it('is stable per lid and a colour', () => {
    expect(kleurFor('abc')).toBe(kleurFor('abc'));
    expect(kleurFor('abc')).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(kleurFor)).size).toBeGreaterThan(3);
  });
});

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({}, '/srv/aan-tafel');
    expect(c).toEqual(
      expect.objectContaining({ port: 8080, host: '0.0.0.0', dataDir: '/srv/aan-tafel/data', publicUrl: 'http://localhost:8080', demo: true, allowedOrigins: [] }),
    );
  });

  it('reads and checks the environment', () => {
    const c = loadConfig({ PORT: '9000', AAN_TAFEL_DEMO: 'off', AAN_TAFEL_ALLOWED_ORIGINS: 'https://a.example/, https://b.example', AAN_TAFEL_PUBLIC_URL: 'https://tafel.example/' }, '/x');
    expect(c).toEqual(expect.objectContaining({ port: 9000, demo: false, publicUrl: 'https://tafel.example', allowedOrigins: ['https://a.example', 'https://b.example'] }));
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ AAN_TAFEL_MAX_ROOMS: '0' })).toThrow(/AAN_TAFEL_MAX_ROOMS/);
    expect(() => loadConfig({ AAN_TAFEL_DEMO: 'misschien' })).toThrow(ConfigError);
    expect(() => loadConfig({ AAN_TAFEL_ALLOWED_ORIGINS: 'geen url' })).toThrow(ConfigError);
  });

  it('keeps SQLite at synchronous=FULL unless the operator chooses NORMAL', () => {
    expect(loadConfig({}, '/x').sqliteSynchronous).toBe('FULL');
    expect(loadConfig({ AAN_TAFEL_SQLITE_SYNCHRONOUS: ' normal ' }, '/x').sqliteSynchronous).toBe('NORMAL');
    expect(() => loadConfig({ AAN_TAFEL_SQLITE_SYNCHRONOUS: 'OFF' }, '/x')).toThrow(/AAN_TAFEL_SQLITE_SYNCHRONOUS must be FULL or NORMAL/);
  });

  it('chooses Postgres only for a postgres:// database URL', () => {
    expect(loadConfig({}, '/x')).toEqual(expect.objectContaining({ databaseUrl: null, leaseMs: 6000, internalUrl: null }));
    const url = 'postgres://aan:geheim@db.example:5432/tafels';
    expect(loadConfig({ AAN_TAFEL_DATABASE_URL: ` ${url} `, AAN_TAFEL_INTERNAL_URL: 'http://10.0.0.11:8080/' }, '/x')).toEqual(
      expect.objectContaining({ databaseUrl: url, internalUrl: 'http://10.0.0.11:8080' }),
    );
    expect(() => loadConfig({ AAN_TAFEL_DATABASE_URL: 'mysql://db/tafels' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ AAN_TAFEL_DATABASE_URL: 'geen url' })).toThrow(ConfigError);
    expect(() => loadConfig({ AAN_TAFEL_LEASE_MS: '10' })).toThrow(/AAN_TAFEL_LEASE_MS/);
  });
});
