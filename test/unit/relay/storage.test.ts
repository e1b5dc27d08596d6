// The relay's storage and identity rules on a real SQLite file: invites work once and expire,
// tokens are stored hashed and can be revoked, the audit is append-only, compaction keeps state.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkToken, isPlausibleInviteCode, newInviteCode, normalizeInviteCode, sha256 } from '../../../server/auth';
import { issueInvite, redeemInvite } from '../../../server/invites';
import { DB_FILE, Storage } from '../../../server/storage';

describe('relay storage', () => {
  let dir: string;
  let storage: Storage;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-storage-'));
    storage = Storage.open(dir);
    storage.createTafel('t1', 'Tafel', Y.encodeStateAsUpdate(new Y.Doc()), 1000);
  });

  afterEach(() => {
    storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('invite codes are readable and forgiving to type', () => {
    const code = newInviteCode();
    expect(isPlausibleInviteCode(code)).toBe(true);
    expect(code).not.toMatch(/[01OIL]/);
    expect(normalizeInviteCode(`${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `)).toBe(code);
  });

  it('an invite is redeemed once, within its lifetime, for a token stored only as its hash', () => {
    const isLid = () => true;
    const invite = issueInvite(storage, { tafelId: 't1', lidId: 'lid1', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 1000, now: 5000 });
    expect(invite.url).toBe(`http://x/join/${invite.code}`);
    const r = redeemInvite(storage, invite.code, { now: 5500, tokenTtlMs: 10_000, isLid });
    if (!r.ok) throw new Error('redeem failed');
    expect(redeemInvite(storage, invite.code, { now: 5600, tokenTtlMs: 10_000, isLid })).toEqual({ ok: false, reason: 'used' });
    const raw = fs.readFileSync(path.join(dir, DB_FILE)).toString('latin1') + fs.readFileSync(path.join(dir, `${DB_FILE}-wal`)).toString('latin1');
    expect(raw).not.toContain(r.token);
    expect(raw).not.toContain(invite.code);
    expect(checkToken(storage, r.token, 6000)).toEqual({ ok: true, tafelId: 't1', lidId: 'lid1', hash: sha256(r.token) });
    expect(checkToken(storage, r.token, 15_500)).toEqual({ ok: false, reason: 'expired' });
    expect(storage.revokeLid('t1', 'lid1', 7000)).toBe(1);
    expect(checkToken(storage, r.token, 7001)).toEqual({ ok: false, reason: 'revoked' });

    const late = issueInvite(storage, { tafelId: 't1', lidId: 'lid2', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 1000, now: 5000 });
    expect(redeemInvite(storage, late.code, { now: 6000, tokenTtlMs: 10_000, isLid })).toEqual({ ok: false, reason: 'expired' });
    const removed = issueInvite(storage, { tafelId: 't1', lidId: 'lid3', createdBy: 'admin', publicUrl: 'http://x', ttlMs: 1000, now: 5000 });
    expect(redeemInvite(storage, removed.code, { now: 5100, tokenTtlMs: 10_000, isLid: () => false })).toEqual({ ok: false, reason: 'unknown' });
    expect(redeemInvite(storage, 'nonsense', { now: 5100, tokenTtlMs: 10_000, isLid })).toEqual({ ok: false, reason: 'unknown' });
  });

  it('the audit is append-only', () => {
    storage.insertAudit({ tafelId: 't1', lidId: 'l', partijId: null, at: 1, size: 10, accepted: false, messageType: 2, detail: { violations: [] } });
    expect(storage.readAudit('t1', 10)).toHaveLength(1);
    expect(() => storage.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => storage.db.prepare('UPDATE audit SET accepted = 1').run()).toThrow(/append-only/);
  });

  it('compaction folds the log into the snapshot without losing state', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i);
    const seqs = updates.map((u) => storage.appendUpdate('t1', u, 2000));
    storage.compact('t1', Y.encodeStateAsUpdate(doc), seqs[2]!, 3000);
    const stored = storage.loadTafel('t1')!;
    expect(stored.updates.map((u) => u.seq)).toEqual(seqs.slice(3));
    const back = new Y.Doc();
    Y.applyUpdate(back, stored.snapshot!);
    for (const u of stored.updates) Y.applyUpdate(back, u.data);
    expect(back.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
  });
});
