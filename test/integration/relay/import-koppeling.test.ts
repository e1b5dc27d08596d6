// A partij's saved import mapping through the real relay: a lid of the gemeente saves it and a
// colleague's client (here: Dirk's, who reads everything) receives it; a client of another partij
// that writes a mapping on the gemeente anyway (a tampered app; ours only writes its own partij's)
// is refused by the gate with `not-owner`, and the relay's stored document never holds it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { importKoppelingSleutel, IMPORT_KOPPELING_PREFIX, readImportKoppelingen } from '../../../src/model';
import { bewaarKoppeling } from '../../../src/exchange';
import type { Actor } from '../../../src/ownership/rulebook';
import { cleanupRelays, connectDemoLid, runAdmin, startRelay, waitFor, type StartedRelay, type TestClient } from '../helpers/relay';

describe('relay: a partij keeps its own import mappings', () => {
  let relay: StartedRelay;
  let gert: TestClient;
  let dirk: TestClient;
  let gertActor: Actor;
  let dirkActor: Actor;

  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    [{ client: gert, actor: gertActor }, { client: dirk, actor: dirkActor }] = await Promise.all([connectDemoLid(relay, 'Gert Gemeente'), connectDemoLid(relay, 'Dirk Ontwikkelaar')]);
  });

  afterAll(async () => {
    gert?.close();
    dirk?.close();
    await cleanupRelays();
  });

  it("accepts the gemeente's mapping from its own lid and refuses one written by another partij", async () => {
    const mapping = { bron: 'Excel gemeente', kolommen: { Plannaam: 'veld:naam', Kern: 'veld:locatie' } };
    expect(bewaarKoppeling(gert.doc, gertActor, mapping)).toBe(true);
    await waitFor(() => readImportKoppelingen(dirk.doc, gertActor.partijId).length === 1, "the gemeente's mapping to reach Dirk");
    expect(readImportKoppelingen(dirk.doc, gertActor.partijId)[0]).toMatchObject(mapping);

    // Dirk's app writes only on his own partij; a tampered client writes on the gemeente directly.
    const key = `${IMPORT_KOPPELING_PREFIX}${importKoppelingSleutel(['Plannaam', 'Kern'])}`;
    const gemeente = dirk.doc.getMap('partijen').get(gertActor.partijId) as Y.Map<unknown>;
    gemeente.set(key, { v: { bron: 'Dirk', kolommen: { Plannaam: 'negeren' } }, by: dirkActor.lidId, p: dirkActor.partijId, at: Date.now() });
    await waitFor(() => dirk.rejections.length > 0, 'the rejection to reach Dirk');
    expect(dirk.rejections.flatMap((r) => r.violations)).toContainEqual(expect.objectContaining({ path: ['partijen', gertActor.partijId, key], code: 'not-owner' }));

    // Gert writes after the refusal; once that has reached Dirk, Gert still holds his own mapping.
    bewaarKoppeling(gert.doc, gertActor, { bron: 'DIWI', kolommen: { Projectnaam: 'veld:naam' } });
    await waitFor(() => readImportKoppelingen(dirk.doc, gertActor.partijId).some((k) => k.bron === 'DIWI'), "Gert's later mapping to reach Dirk");
    expect(readImportKoppelingen(gert.doc, gertActor.partijId).find((k) => k.kolommen.Kern)).toMatchObject(mapping);
    const exported = (await runAdmin(relay, ['export-tafel', '--tafel', 'demo'])) as { document: { partijen: Record<string, Record<string, { v: unknown } | undefined>> } };
    expect(exported.document.partijen[gertActor.partijId]?.[key]?.v).toEqual(mapping);
  });
});
