// A lid's access in words for the leden list (issue 16): invited, joined, last seen.

import { formatDistanceStrict } from 'date-fns';
import { nl } from 'date-fns/locale';
import { strings } from '../../strings';
import type { LidStatus } from '../../../protocol/ledenStatus';

const t = strings.ledenStatus;

export function lidStatusText(s: LidStatus | undefined, now: number): string {
  if (!s) return t.nietUitgenodigd;
  if (s.revoked && s.invitedUntil === null) return t.ingetrokken;
  if (s.joinedAt === null) return s.invitedUntil !== null ? t.uitgenodigd : t.nietUitgenodigd;
  const seen = s.lastSeenAt ?? s.joinedAt;
  return t.aangesloten(formatDistanceStrict(Math.min(seen, now), now, { locale: nl, addSuffix: true }));
}
