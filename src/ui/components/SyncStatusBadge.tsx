// Online / verbinden / offline, changes waiting for the relay, and when we last synced (a clock
// time: the badge does not re-render as minutes pass, so "5 minuten geleden" would go stale).
// Polite live region: a screen reader hears when the connection drops or comes back.

import { format, isSameDay } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { SyncStatus } from '../../sync';
import { useSyncStatus } from '../tafel/useTafel';
import { strings } from '../strings';

/** "om 14:02" today, "op 1 dec. om 14:02" on another day. */
function laatstGedeeld(at: number, now: number): string {
  return format(at, isSameDay(at, now) ? strings.sync.laatsteSyncVandaag : strings.sync.laatsteSyncEerder, { locale: nl });
}

export function syncStatusText(status: SyncStatus, now: number = Date.now()): { label: string; detail: string; tone: 'online' | 'connecting' | 'offline' } {
  // Access ended: one clear state, no "waiting" or "last synced" that suggests it will resume.
  if (status.revoked) return { label: strings.toegangBeeindigd.status, detail: strings.toegangBeeindigd.statusDetail, tone: 'offline' };
  const tone = status.recovering ? 'connecting' : status.connection;
  const label = status.recovering
    ? strings.sync.herstellen
    : status.connection === 'online'
      ? strings.sync.online
      : status.connection === 'connecting'
        ? strings.sync.verbinden
        : strings.sync.offline;
  const detail =
    status.pending > 0
      ? strings.sync.wachtend(status.pending)
      : status.lastSyncedAt === null
        ? strings.sync.nooitGesynct
        : status.connection === 'online'
          ? strings.sync.allesOpgeslagen
          : strings.sync.laatsteSync(laatstGedeeld(Math.min(status.lastSyncedAt, now), now));
  return { label, detail, tone };
}

export function SyncStatusBadge() {
  const status = useSyncStatus();
  const { label, detail, tone } = syncStatusText(status);
  return (
    <div className={`sync-badge sync-${tone}`} role="status" aria-live="polite" aria-label={strings.sync.regioLabel}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      <span className={`sync-detail${!status.revoked && status.pending > 0 ? ' sync-wachtend' : ''}`}>{detail}</span>
    </div>
  );
}
