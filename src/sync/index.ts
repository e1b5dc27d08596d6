// The client's sync layer, as the UI uses it: the tafels joined on this device, joining with an
// invite, opening a tafel (offline first), its sync status and presence, and the conflict inbox.
// Design: docs/sync.md.

import { Device } from './device';
import type { TafelSession } from './session';
import type { ConflictEntry, JoinedTafel } from './store';
import type { LinkResult } from './persoon';

export { JoinError, type JoinErrorKind } from './join';
export type { LinkResult } from './persoon';
export type { SyncStatus, TafelSession } from './session';
export type { Plek, PresenceUser } from './presence';
export type { ConflictEntry, JoinedTafel } from './store';
export type { ConflictCause, ConflictSubject, SyncNotice } from './codes';
export { Device, type DeviceOptions } from './device';
export { fetchHistory, fetchStateAsOf, HistoryError } from './history';
export { createInvite, fetchLedenStatus, LedenApiError, revokeLid, type Invite } from './leden-api';
export { aanvaardKoppeling, beeindigKoppeling, leesNetwerk, NetwerkApiError, vraagKoppeling, type NetwerkTafel } from './netwerk-api';
export type { HistoryEntry } from '../protocol/history';

let device: Device | null = null;

/** This browser's device, created on first use. */
function thisDevice(): Device {
  device ??= new Device();
  return device;
}

export function listJoinedTafels(): Promise<JoinedTafel[]> {
  return thisDevice().listJoinedTafels();
}

export function subscribeJoinedTafels(listener: () => void): () => void {
  return thisDevice().subscribeJoinedTafels(listener);
}

/**
 * Redeems an invite (POST /api/invites/redeem on relayUrl, default location.origin), stores the
 * token, and the tokens of the persoon's other tafels that came along (`ook`).
 */
export function joinWithInvite(code: string, relayUrl: string = location.origin): Promise<JoinedTafel & { readonly ook: readonly JoinedTafel[] }> {
  return thisDevice().joinWithInvite(code, relayUrl);
}

/** After joining: other tafels on this device the person may say "this is also me" for. */
export function mayBeSamePersoon(joined: JoinedTafel & { readonly ook: readonly JoinedTafel[] }): Promise<JoinedTafel[]> {
  return thisDevice().mayBeSamePersoon(joined);
}

/** "This is also me": links the lid of `tafelId` with the lid of each of `others` at the relay. */
export function linkAsPersoon(tafelId: string, others: readonly string[]): Promise<Map<string, LinkResult>> {
  return thisDevice().linkAsPersoon(tafelId, others);
}

export function forgetTafel(tafelId: string): Promise<void> {
  return thisDevice().forgetTafel(tafelId);
}

/** Opens a tafel: IndexedDB first (works offline), then the relay. Returns at once. */
export function openTafelSession(joined: JoinedTafel): TafelSession {
  return thisDevice().openTafelSession(joined);
}

/** Starts opening the tafel in the URL while the app still starts; see Device.preopenTafelSession. */
export function preopenTafelSession(tafelId: string): void {
  void thisDevice().preopenTafelSession(tafelId);
}

export function listConflicts(tafelId: string): Promise<ConflictEntry[]> {
  return thisDevice().listConflicts(tafelId);
}

export function subscribeConflicts(tafelId: string, listener: () => void): () => void {
  return thisDevice().subscribeConflicts(tafelId, listener);
}

export function dismissConflict(id: string): Promise<void> {
  return thisDevice().dismissConflict(id);
}

/** A local preference of this device (not shared with the tafel), e.g. the last opened tafel. */
export function getPreference<T>(key: string): Promise<T | undefined> {
  return thisDevice().getPreference<T>(key);
}

export function setPreference(key: string, value: unknown): Promise<void> {
  return thisDevice().setPreference(key, value);
}
