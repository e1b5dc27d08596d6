import { describe, expect, it } from 'vitest';
import { LOW_FREE_BYTES, measureStorage, requestPersistence, type StorageApi } from '../../../src/pwa/storage';

const MB = 1024 * 1024;

describe('requestPersistence', () => {
  it('does not ask again when storage is already persistent', async () => {
    let asked = 0;
    const storage: StorageApi = {
      persisted: async () => true,
      persist: async () => {
        asked += 1;
        return true;
      },
    };
    expect(await requestPersistence(storage)).toBe('persisted');
    expect(asked).toBe(0);
  });

  it('reports what the browser decided', async () => {
    expect(await requestPersistence({ persisted: async () => false, persist: async () => true })).toBe('persisted');
    expect(await requestPersistence({ persisted: async () => false, persist: async () => false })).toBe('refused');
  });

  it('treats a failing request as refused and a missing API as unsupported', async () => {
    const failing: StorageApi = {
      persist: () => Promise.reject(new Error('blocked')),
    };
    expect(await requestPersistence(failing)).toBe('refused');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence(undefined)).toBe('unsupported');
  });
});

describe('measureStorage', () => {
  const estimate = (usage: number, quota: number): StorageApi => ({ estimate: async () => ({ usage, quota }) });

  it('is not low with plenty of room', async () => {
    expect(await measureStorage(estimate(20 * MB, 2000 * MB))).toEqual({
      usage: 20 * MB,
      quota: 2000 * MB,
      free: 1980 * MB,
      low: false,
    });
  });

  it('is low when little is left or most of the quota is used', async () => {
    expect((await measureStorage(estimate(0, LOW_FREE_BYTES - 1)))?.low).toBe(true);
    expect((await measureStorage(estimate(1900 * MB, 1900 * MB + LOW_FREE_BYTES)))?.low).toBe(true);
    expect((await measureStorage(estimate(0, LOW_FREE_BYTES)))?.low).toBe(false);
  });

  it('says nothing when the browser does not tell or fails', async () => {
    expect(await measureStorage({ estimate: async () => ({}) })).toBeNull();
    expect(await measureStorage({ estimate: async () => ({ usage: 1, quota: 0 }) })).toBeNull();
    expect(await measureStorage({ estimate: () => Promise.reject(new Error('no')) })).toBeNull();
    expect(await measureStorage(undefined)).toBeNull();
  });
});
