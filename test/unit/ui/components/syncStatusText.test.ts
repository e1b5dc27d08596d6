// Issue 16, defect 2: once access ended the badge says so and nothing else (no "waiting", no
// "last synced ... ago" that suggests the changes will still be shared).

import { describe, expect, it } from 'vitest';
import { syncStatusText } from '../../../../src/ui/components/SyncStatusBadge';
import { strings } from '../../../../src/ui/strings';

const base = { connection: 'offline' as const, pending: 2, lastSyncedAt: 1000, recovering: false, loaded: true, notice: null, revoked: false };

describe('sync status text', () => {
  it('says Offline with the waiting count while merely offline', () => {
    expect(syncStatusText(base, 600_000)).toEqual({ label: strings.sync.offline, detail: strings.sync.wachtend(2), tone: 'offline' });
  });

  it('says access ended, and that nothing will be sent, once revoked', () => {
    const t = syncStatusText({ ...base, revoked: true }, 600_000);
    expect(t.label).toBe(strings.toegangBeeindigd.status);
    expect(t.detail).toBe(strings.toegangBeeindigd.statusDetail);
  });
});
