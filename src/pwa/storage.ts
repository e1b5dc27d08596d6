// Persistent storage and free space. Without persistence a browser may evict a site's IndexedDB
// under storage pressure, and with it every tafel edit not yet on the relay.

/** The parts of navigator.storage this module uses. */
export interface StorageApi {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export type Persistence = 'persisted' | 'refused' | 'unsupported';

/** Asks for persistent storage unless it is already granted. Never throws. */
export async function requestPersistence(storage: StorageApi | undefined): Promise<Persistence> {
  if (!storage?.persist) return 'unsupported';
  try {
    if (storage.persisted && (await storage.persisted())) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'refused';
  }
}

/**
 * Storage is low when less than this is left, or when this share of the quota is used. Browsers
 * report quota generously (Chromium: a share of the free disk), so both are about the device.
 */
export const LOW_FREE_BYTES = 100 * 1024 * 1024;
export const LOW_USED_SHARE = 0.9;

export interface StorageRoom {
  readonly usage: number;
  readonly quota: number;
  readonly free: number;
  readonly low: boolean;
}

/** How much room is left, or null when the browser does not say. Never throws. */
export async function measureStorage(storage: StorageApi | undefined): Promise<StorageRoom | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number' || quota <= 0) return null;
    const free = Math.max(0, quota - usage);
    return { usage, quota, free, low: free < LOW_FREE_BYTES || usage / quota >= LOW_USED_SHARE };
  } catch {
    return null;
  }
}
