// The gemeente's planning grid through the real relay: the project's public owner writes a year
// and everyone receives it; a developer's client that writes the grid anyway (a tampered or old
// app; ours never offers it) is refused by the gate with `not-owner`, and nobody, the relay's
// stored document included, ever holds its value.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readProject, readProjecten } from '../../../src/model';
import { setPlanningJaar } from '../../../src/operations';
import type { Actor } from '../../../src/ownership/rulebook';
import { cleanupRelays, connectDemoLid, runAdmin, startRelay, waitFor, type StartedRelay, type TestClient } from '../helpers/relay';

describe('relay: the planning grid belongs to the gemeente', () => {
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

  it("accepts the public owner's year and refuses the developer's, keeping the gemeente's value everywhere", async () => {
    // A project of Gert's gemeente that Dirk develops: the two sides of the comparison.
    const project = readProjecten(gert.doc).find((p) => p.publiekEigenaar === gertActor.partijId && p.privaatEigenaar === dirkActor.partijId);
    expect(project, 'the demo has a project of the gemeente developed by Dirk').toBeDefined();
    const id = project!.id;

    setPlanningJaar(gert.doc, gertActor, id, 2029, { 'meergezins.huur1': 24, 'eengezins.koop2': 12 });
    await waitFor(() => readProject(dirk.doc, id)?.planning[2029]?.['meergezins.huur1'] === 24, "Gert's planning to reach Dirk");

    // Dirk's app never offers the edit (the operation refuses too); a tampered client writes the map directly,
    // once over Gert's year and once a year of its own.
    expect(() => setPlanningJaar(dirk.doc, dirkActor, id, 2029, { 'meergezins.huur1': 60 })).toThrow();
    const dirkMap = dirk.doc.getMap('projecten').get(id) as Y.Map<unknown>;
    const envelope = (v: unknown) => ({ v, by: dirkActor.lidId, p: dirkActor.partijId, at: Date.now() });
    dirk.doc.transact(() => {
      dirkMap.set('planning.2029', envelope({ 'meergezins.huur1': 60 }));
      dirkMap.set('planning.2030', envelope({ 'eengezins.koop4': 80 }));
    });
    await waitFor(() => dirk.rejections.length > 0, 'the rejection to reach Dirk');
    const violations = dirk.rejections.flatMap((r) => r.violations);
    expect(violations).toContainEqual(expect.objectContaining({ path: ['projecten', id, 'planning.2029'], code: 'not-owner' }));
    expect(violations).toContainEqual(expect.objectContaining({ path: ['projecten', id, 'planning.2030'], code: 'not-owner' }));

    // Gert writes again after the refusal; once that has reached Dirk, the refused values never reached Gert.
    setPlanningJaar(gert.doc, gertActor, id, 2031, { sloop: 3 });
    await waitFor(() => readProject(dirk.doc, id)?.planning[2031]?.sloop === 3, "Gert's later year to reach Dirk");
    expect(readProject(gert.doc, id)!.planning[2029]).toEqual({ 'meergezins.huur1': 24, 'eengezins.koop2': 12 });
    expect(readProject(gert.doc, id)!.planning[2030]).toBeUndefined();

    // The relay's stored document holds the gemeente's values only.
    const exported = (await runAdmin(relay, ['export-tafel', '--tafel', 'demo'])) as { document: { projecten: Record<string, Record<string, { v: unknown } | undefined>> } };
    expect(exported.document.projecten[id]?.['planning.2029']?.v).toEqual({ 'meergezins.huur1': 24, 'eengezins.koop2': 12 });
    expect(exported.document.projecten[id]?.['planning.2030']).toBeUndefined();
    expect(dirk.provider.wsconnected).toBe(true);
  });
});
