// Looking into the local copy from the page, as the tests of opening need to: does the tafel's
// copy have a read model next to it, and writing into the copy behind the app's back (as another
// tab, or a write that did not refresh the read model, would). Evaluated through the DevTools
// protocol: the app's Content-Security-Policy forbids inline scripts, not this.

import { build } from 'esbuild';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The key the read model is stored under in the local copy's `custom` store (src/sync/read-model-store.ts). */
const READ_MODEL_KEY = 'aan-tafel:read-model';

/** Expression: the names of the IndexedDB databases that hold local copies of `tafelId` (every generation). */
const copyNames = (tafelId: string) => `(await indexedDB.databases())
  .map((d) => d.name ?? '')
  .filter((n) => n.startsWith(${JSON.stringify(`aan-tafel:tafel:${tafelId}:`)}) && !n.endsWith(':tabs'))`;

/**
 * Expression: the name of the local copy of `tafelId` the device store points at now (a rebuild
 * moves it to a new generation), as a list of one, or none.
 */
const currentCopy = (tafelId: string) => `new Promise((resolve) => {
  const req = indexedDB.open('aan-tafel');
  req.onerror = () => resolve([]);
  req.onsuccess = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('localCopies')) { db.close(); resolve([]); return; }
    const get = db.transaction('localCopies', 'readonly').objectStore('localCopies').get(${JSON.stringify(tafelId)});
    get.onsuccess = () => { db.close(); resolve(get.result ? [${JSON.stringify(`aan-tafel:tafel:${tafelId}:`)} + get.result.generation] : []); };
    get.onerror = () => { db.close(); resolve([]); };
  };
})`;

/**
 * Waits until a local copy of `tafelId` has an up-to-date read model next to it (written a little
 * after the last change): its stamp accounts for every record but empty ones (an open writes one).
 * The app's own check (src/sync/read-model-store.ts) also decodes later records; this is enough
 * to know the write after the last change happened.
 */
export async function waitForReadModel(page: Page, tafelId: string, timeout = 120_000): Promise<void> {
  // A string, not a function: tsx would decorate a function with helpers the page does not have.
  const hasReadModel = `(async () => {
    for (const name of await ${currentCopy(tafelId)}) {
      const found = await new Promise((resolve) => {
        const req = indexedDB.open(name);
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('custom')) { db.close(); resolve(false); return; }
          const tx = db.transaction(['custom', 'updates'], 'readonly');
          const get = tx.objectStore('custom').get(${JSON.stringify(READ_MODEL_KEY)});
          const keys = tx.objectStore('updates').getAllKeys();
          const all = tx.objectStore('updates').getAll();
          tx.oncomplete = () => {
            db.close();
            const stamp = get.result;
            if (!stamp) return resolve(false);
            const upTo = keys.result.filter((k) => k <= stamp.key).length;
            const later = all.result.filter((_, i) => keys.result[i] > stamp.key);
            resolve(upTo === stamp.count && later.every((r) => r.length <= 2));
          };
          tx.onerror = () => { db.close(); resolve(false); };
        };
      });
      if (found) return true;
    }
    return false;
  })()`;
  // Polled from here: waitForFunction takes the promise an async expression returns for a truthy
  // answer, so it would not wait at all.
  const until = Date.now() + timeout;
  while (!(await page.evaluate(hasReadModel))) {
    if (Date.now() > until) throw new Error(`no up-to-date read model next to the local copy of ${tafelId} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

let yjsBundle: string | null = null;

/** Yjs as a classic script that sets window.TestY. */
async function yjsForPage(): Promise<string> {
  if (yjsBundle) return yjsBundle;
  const require = createRequire(import.meta.url);
  const out = await build({ entryPoints: [require.resolve('yjs')], bundle: true, format: 'iife', globalName: 'TestY', write: false, minify: true, platform: 'browser' });
  yjsBundle = out.outputFiles[0]!.text;
  return yjsBundle;
}

/**
 * Renames a project in the local copy of `tafelId` without the app: reads the copy's records into
 * a document of its own, changes the name's value, and appends that change as one more record.
 * The read model next to the copy is left as it was. Run it while no tab has the tafel open.
 */
export async function renameInCopyBehindTheAppsBack(page: Page, tafelId: string, from: string, to: string): Promise<void> {
  await page.evaluate(`(() => { ${await yjsForPage()}; window.TestY = TestY; return true; })()`);
  const result = await page.evaluate(`(async () => {
    const Y = window.TestY;
    const names = ${copyNames(tafelId)};
    if (names.length !== 1) return 'expected one local copy, found ' + names.length;
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open(names[0]);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const records = await new Promise((resolve, reject) => {
      const get = db.transaction('updates', 'readonly').objectStore('updates').getAll();
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
    const doc = new Y.Doc({ gc: false });
    for (const r of records) Y.applyUpdate(doc, r);
    let update = null;
    doc.on('update', (u) => { update = u; });
    for (const [, project] of doc.getMap('projecten')) {
      const naam = project.get('naam');
      if (naam && naam.v === ${JSON.stringify(from)}) project.set('naam', { ...naam, v: ${JSON.stringify(to)} });
    }
    if (update === null) { db.close(); return 'no project named ' + ${JSON.stringify(from)}; }
    await new Promise((resolve, reject) => {
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').add(update);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return 'ok';
  })()`);
  if (result !== 'ok') throw new Error(`could not change the local copy: ${String(result)}`);
}
