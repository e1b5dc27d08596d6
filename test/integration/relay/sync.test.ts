// Several stock y-websocket clients against the real relay: concurrent edits converge, a write
// to another partij's field is rejected without harm to anyone, presence is vouched for by the
// relay, and the chair reads the audit.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readProject, readProjecten, readVergaderingen } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import { richText, setOplevering, setProjectField } from '../../../src/operations';
import { type Actor } from '../../../src/ownership/rulebook';
import {
  api,
  cleanupRelays,
  connectClient,
  demoLink,
  docState,
  redeem,
  runAdmin,
  startRelay,
  waitFor,
  type Session,
  type StartedRelay,
  type TestClient,
} from '../helpers/relay';

function actorOf(client: TestClient, session: Session): Actor {
  const actor = actorForLid(client.doc, session.lidId);
  if (!actor) throw new Error(`no actor for ${session.lidId}`);
  return actor;
}

function addNote(client: TestClient, tekst: string): void {
  const vergadering = readVergaderingen(client.doc)[0];
  if (!vergadering) throw new Error('no vergadering');
  const notulen = richText(client.doc, 'vergaderingen', vergadering.id, 'notulen');
  if (!notulen) throw new Error('no notulen');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(tekst)]);
  notulen.insert(notulen.length, [p]);
}

const notes = (client: TestClient): string => {
  const v = readVergaderingen(client.doc)[0];
  return v ? (richText(client.doc, 'vergaderingen', v.id, 'notulen')?.toString() ?? '') : '';
};

const state = (client: TestClient): string => docState(client.doc);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('relay: sync through the gate', () => {
  let relay: StartedRelay;
  const sessions: Record<string, Session> = {};
  const clients: Record<string, TestClient> = {};

  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    for (const naam of ['Vera Voorzitter', 'Gert Gemeente', 'Carla Corporatie', 'Dirk Ontwikkelaar']) {
      sessions[naam] = await redeem(relay, demoLink(relay, naam).code);
      clients[naam] = connectClient(relay, 'demo', sessions[naam].token);
    }
    await Promise.all(Object.values(clients).map((c) => c.synced()));
  });

  afterAll(async () => {
    for (const c of Object.values(clients)) c.close();
    await cleanupRelays();
  });

  it('four clients editing concurrently converge and see each other', async () => {
    const gert = clients['Gert Gemeente'] as TestClient;
    const carla = clients['Carla Corporatie'] as TestClient;
    const dirk = clients['Dirk Ontwikkelaar'] as TestClient;
    const vera = clients['Vera Voorzitter'] as TestClient;
    const projecten = readProjecten(gert.doc);
    const partijOf = (naam: string) => actorOf(clients[naam] as TestClient, sessions[naam] as Session).partijId;
    const vanCarla = projecten.filter((p) => p.privaatEigenaar === partijOf('Carla Corporatie'));
    const vanDirk = projecten.filter((p) => p.privaatEigenaar === partijOf('Dirk Ontwikkelaar'));
    expect(vanCarla.length).toBeGreaterThan(1);
    expect(vanDirk.length).toBeGreaterThan(1);

    const rounds = 15;
    await Promise.all([
      (async () => {
        const a = actorOf(gert, sessions['Gert Gemeente'] as Session);
        for (let i = 0; i < rounds; i++) {
          setProjectField(gert.doc, a, projecten[i % projecten.length]!.id, 'publiekeOpmerkingen', `gemeente ronde ${i}`);
          addNote(gert, `gert ${i}`);
          await pause(3);
        }
      })(),
      (async () => {
        const a = actorOf(carla, sessions['Carla Corporatie'] as Session);
        for (let i = 0; i < rounds; i++) {
          setOplevering(carla.doc, a, vanCarla[i % vanCarla.length]!.id, 2030, 10 + i);
          addNote(carla, `carla ${i}`);
          await pause(2);
        }
      })(),
      (async () => {
        const a = actorOf(dirk, sessions['Dirk Ontwikkelaar'] as Session);
        for (let i = 0; i < rounds; i++) {
          setOplevering(dirk.doc, a, vanDirk[i % vanDirk.length]!.id, 2030, 100 + i);
          addNote(dirk, `dirk ${i}`);
          await pause(4);
        }
      })(),
      (async () => {
        for (let i = 0; i < rounds; i++) {
          addNote(vera, `vera ${i}`);
          await pause(5);
        }
      })(),
    ]);

    const all = [vera, gert, carla, dirk];
    await waitFor(() => new Set(all.map(state)).size === 1, 'all four documents to be equal');
    for (const c of all) {
      expect(c.rejections).toEqual([]);
      const text = notes(c);
      for (const who of ['gert', 'carla', 'dirk', 'vera']) expect(text).toContain(`${who} ${rounds - 1}`);
      expect(readProject(c.doc, vanDirk[(rounds - 1) % vanDirk.length]!.id)?.opleveringen[2030]).toBe(100 + rounds - 1);
      expect(readProject(c.doc, vanCarla[(rounds - 1) % vanCarla.length]!.id)?.opleveringen[2030]).toBe(10 + rounds - 1);
    }
    // A newcomer syncing from the relay alone gets the same document.
    const observer = connectClient(relay, 'demo', (sessions['Vera Voorzitter'] as Session).token);
    await observer.synced();
    expect(state(observer)).toBe(state(gert));
    observer.close();
  });

  it("rejects partij B writing partij A's field; nobody else sees it, and B's connection keeps working", async () => {
    const carla = clients['Carla Corporatie'] as TestClient;
    const dirk = clients['Dirk Ontwikkelaar'] as TestClient;
    const gert = clients['Gert Gemeente'] as TestClient;
    const carlaActor = actorOf(carla, sessions['Carla Corporatie'] as Session);
    const dirkActor = actorOf(dirk, sessions['Dirk Ontwikkelaar'] as Session);
    const project = readProjecten(carla.doc).find((p) => p.privaatEigenaar === carlaActor.partijId)!;
    const original = project.startBouw;

    // Dirk's app would never offer this edit; a tampered client writes the Yjs map directly.
    const map = carla.doc.getMap('projecten').get(project.id) as Y.Map<unknown>;
    const dirkMap = dirk.doc.getMap('projecten').get(project.id) as Y.Map<unknown>;
    expect(map).toBeInstanceOf(Y.Map);
    dirkMap.set('startBouw', { v: '2035-Q4', by: dirkActor.lidId, p: dirkActor.partijId, at: Date.now() });

    await waitFor(() => dirk.rejections.length === 1, 'the rejection to reach Dirk');
    const rejection = dirk.rejections[0]!;
    expect(rejection.messageType).toBe(2);
    expect(rejection.violations).toContainEqual(
      expect.objectContaining({ path: ['projecten', project.id, 'startBouw'], code: 'not-owner' }),
    );

    // Carla edits after the rejection; once her edit has reached everyone, the bad value has not.
    setProjectField(carla.doc, carlaActor, project.id, 'privateOpmerkingen', 'na de afwijzing');
    for (const c of [gert, dirk]) {
      await waitFor(() => readProject(c.doc, project.id)?.privateOpmerkingen === 'na de afwijzing', "Carla's later edit to arrive");
    }
    expect(readProject(carla.doc, project.id)?.startBouw).toBe(original);
    expect(readProject(gert.doc, project.id)?.startBouw).toBe(original);
    expect(dirk.provider.wsconnected).toBe(true);
    expect(dirk.closes).toEqual([]);

    // At the relay: a fresh client, and the stored document, have the original value.
    const observer = connectClient(relay, 'demo', (sessions['Gert Gemeente'] as Session).token);
    await observer.synced();
    expect(readProject(observer.doc, project.id)?.startBouw).toBe(original);
    expect(readProject(observer.doc, project.id)?.privateOpmerkingen).toBe('na de afwijzing');
    observer.close();
    const exported = await runAdmin(relay, ['export-tafel', '--tafel', 'demo']) as { document: { projecten: Record<string, Record<string, { v: unknown }>> } };
    expect(exported.document.projecten[project.id]?.startBouw?.v).toBe(original);

    // Presence still flows both ways over Dirk's connection, under his real name whatever he claims.
    dirk.provider.awareness.setLocalState({ user: { naam: 'Vera Voorzitter' }, plek: { screen: 'planmonitor', projectId: project.id } });
    await waitFor(
      () => [...gert.provider.awareness.getStates().values()].some((s) => (s.plek as { projectId?: string } | undefined)?.projectId === project.id),
      "Dirk's presence to reach Gert",
    );
    const seen = [...gert.provider.awareness.getStates().values()].find((s) => (s.plek as { projectId?: string } | undefined)?.projectId === project.id)!;
    expect(seen.user).toEqual(expect.objectContaining({ lidId: dirkActor.lidId, partijId: dirkActor.partijId, naam: 'Dirk Ontwikkelaar' }));
    expect((seen.user as { kleur: string }).kleur).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('the chair reads the audit: who changed what, accepted or rejected and why', async () => {
    const vera = sessions['Vera Voorzitter'] as Session;
    const dirk = sessions['Dirk Ontwikkelaar'] as Session;
    const carla = sessions['Carla Corporatie'] as Session;
    const r = await api(relay, 'GET', '/api/tafels/demo/audit?limit=1000', { token: vera.token });
    expect(r.status).toBe(200);
    const entries = r.json.entries as { lidId: string; partijId: string; accepted: boolean; size: number; at: number; detail: { violations?: { code: string }[]; paths?: string[] } }[];
    const rejected = entries.filter((e) => !e.accepted);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toEqual(expect.objectContaining({ lidId: dirk.lidId, partijId: expect.any(String) }));
    expect(rejected[0]!.detail.violations?.[0]?.code).toBe('not-owner');
    const byCarla = entries.filter((e) => e.accepted && e.lidId === carla.lidId);
    expect(byCarla.length).toBeGreaterThan(0);
    expect(byCarla.some((e) => e.detail.paths?.some((p) => p.includes('privateOpmerkingen')))).toBe(true);
    expect(entries.every((e) => e.size > 0 && e.at > 0)).toBe(true);

    const page = await api(relay, 'GET', `/api/tafels/demo/audit?limit=2`, { token: vera.token });
    expect((page.json.entries as unknown[]).length).toBe(2);
    const next = await api(relay, 'GET', `/api/tafels/demo/audit?limit=2&before=${String(page.json.next)}`, { token: vera.token });
    expect((next.json.entries as { id: number }[])[0]!.id).toBeLessThan(page.json.next as number);

    const notChair = await api(relay, 'GET', '/api/tafels/demo/audit', { token: dirk.token });
    expect(notChair.status).toBe(403);
    expect(notChair.json.error).toBe('not-chair');
    const bad = await api(relay, 'GET', '/api/tafels/demo/audit?limit=abc', { token: vera.token });
    expect(bad.status).toBe(400);
  });
});
