// Which address of an invite the chair's tablet shows: pure URL logic for the invite dialog.

import type { Invite } from '../../../sync';

/**
 * The link to show and encode in the QR code. The relay builds it from its configured public
 * address; when that is only "localhost" (not set up), the address this tablet uses is the one the
 * tablet across the table can reach too.
 */
export function inviteLink(invite: Invite, currentOrigin: string): string {
  try {
    const u = new URL(invite.url);
    const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
    const here = new URL(currentOrigin);
    if (local && here.hostname !== u.hostname) return new URL(`/join/${encodeURIComponent(invite.code)}`, here).toString();
    return u.toString();
  } catch {
    return new URL(`/join/${encodeURIComponent(invite.code)}`, currentOrigin).toString();
  }
}
