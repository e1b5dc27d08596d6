// A tafel for the sync tests, set up through the real relay: a chair, a gemeente (Gert), two
// developers (Bea of Bouwbedrijf B, Cees of Ontwikkelaar C) and projects; plus devices that play
// the people's tablets, each with a network switch to go offline.

import 'fake-indexeddb/auto';
import { afterAll, beforeAll } from 'vitest';
import WS from 'ws';
import { actorForLid } from '../../../src/model';
import { addLid, addPartij, createProject, planVergadering } from '../../../src/operations';
import { type Actor } from '../../../src/ownership/rulebook';
import { Device } from '../../../src/sync/device';
import type { TafelSession } from '../../../src/sync/session';
import type { JoinedTafel } from '../../../src/sync/store';
import { api, cleanupRelays, connectClient, createTafel, inviteWhenKnown, redeem, startRelay, waitFor, type StartedRelay, type TestClient } from '../helpers/relay';

/** A WebSocket for WebsocketProvider that can be cut off, like a tablet losing its network. */
export class Network {
  online = true;
  private readonly sockets = new Set<WS>();
  readonly WebSocket: typeof globalThis.WebSocket;

  constructor() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const net = this;
    class SwitchableWebSocket extends WS {
      constructor(url: string, protocols?: string | string[]) {
        // Port 1 refuses connections at once: the provider sees a failed attempt and retries.
        super(net.online ? url : 'ws://127.0.0.1:1/offline', protocols);
        net.sockets.add(this);
        this.on('close', () => net.sockets.delete(this));
        this.on('error', () => undefined);
      }
    }
    this.WebSocket = SwitchableWebSocket as unknown as typeof globalThis.WebSocket;
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (!online) for (const s of this.sockets) s.terminate();
  }
}

export interface Fixture {
  readonly relay: StartedRelay;
  readonly tafelId: string;
  readonly chair: TestClient;
  readonly chairActor: Actor;
  readonly partijen: { gemeente: string; b: string; c: string };
  readonly leden: { gert: string; bea: string; cees: string };
  /** project of the gemeente, developed by B */
  readonly parkzicht: string;
  /** second project developed by B */
  readonly havenkwartier: string;
  /** a planned meeting, with shared notulen */
  readonly vergadering: string;
}

/**
 * The tafel of a test file: a relay and the tafel are set up before its tests (the returned object
 * is filled in then) and stopped after them.
 */
export function tafelForThisFile(): Fixture {
  const f = {} as Fixture;
  beforeAll(async () => {
    Object.assign(f, await setUpTafel(await startRelay()));
  });
  afterAll(async () => {
    f.chair?.close();
    await cleanupRelays();
  });
  return f;
}

export async function setUpTafel(relay: StartedRelay): Promise<Fixture> {
  const t = await createTafel(relay, 'Versnellingstafel Synctest');
  const chairSession = await redeem(relay, t.code);
  const chair = connectClient(relay, t.tafelId, chairSession.token);
  await chair.synced();
  const chairActor = actorForLid(chair.doc, chairSession.lidId);
  if (!chairActor) throw new Error('chair is not a lid of the new tafel');
  const gemeente = addPartij(chair.doc, chairActor, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
  const b = addPartij(chair.doc, chairActor, { naam: 'Bouwbedrijf B', bloedgroep: 'markt' });
  const c = addPartij(chair.doc, chairActor, { naam: 'Ontwikkelaar C', bloedgroep: 'markt' });
  const gert = addLid(chair.doc, chairActor, { naam: 'Gert Gemeente', partijId: gemeente, rol: 'lid' });
  const bea = addLid(chair.doc, chairActor, { naam: 'Bea Bouwer', partijId: b, rol: 'lid' });
  const cees = addLid(chair.doc, chairActor, { naam: 'Cees Ontwikkelaar', partijId: c, rol: 'lid' });
  const parkzicht = createProject(chair.doc, chairActor, { naam: 'Parkzicht', publiekEigenaar: gemeente, privaatEigenaar: b });
  const havenkwartier = createProject(chair.doc, chairActor, { naam: 'Havenkwartier', publiekEigenaar: gemeente, privaatEigenaar: b });
  const vergadering = planVergadering(chair.doc, chairActor, { titel: 'Kwartaaloverleg', datum: '2027-03-15' });
  // The relay issues invites only for leden it knows: once Cees (the last) has one, it has them all.
  await inviteWhenKnown(relay, t.tafelId, chairSession.token, cees);
  if (chair.rejections.length > 0) throw new Error(`relay rejected the set-up: ${JSON.stringify(chair.rejections)}`);
  return {
    relay,
    tafelId: t.tafelId,
    chair,
    chairActor,
    partijen: { gemeente, b, c },
    leden: { gert, bea, cees },
    parkzicht,
    havenkwartier,
    vergadering,
  };
}

/** An invite code for a lid, issued by the chair. */
export async function inviteCode(f: Fixture, lidId: string): Promise<string> {
  const chairToken = f.chair.provider.params.token!;
  const r = await api(f.relay, 'POST', `/api/tafels/${f.tafelId}/invites`, { token: chairToken, body: { lidId } });
  if (r.status !== 200 && r.status !== 201) throw new Error(`invite for ${lidId} failed: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.code as string;
}

let deviceCount = 0;

export interface Tablet {
  readonly device: Device;
  readonly network: Network;
  readonly joined: JoinedTafel;
  session: TafelSession;
  actor(): Actor;
  /** Closes the session and opens the tafel again, like closing and reopening the app. */
  reopen(): TafelSession;
  close(): void;
}

/** A device on which `lidId` joined the tafel with an invite, with the tafel open. */
export async function tablet(f: Fixture, lidId: string, name = `tablet-${++deviceCount}-${Date.now()}`): Promise<Tablet> {
  const network = new Network();
  const device = new Device({ name, WebSocket: network.WebSocket });
  const joined = await device.joinWithInvite(await inviteCode(f, lidId), f.relay.url);
  const t: Tablet = {
    device,
    network,
    joined,
    session: device.openTafelSession(joined),
    actor() {
      const a = actorForLid(t.session.doc, lidId);
      if (!a) throw new Error(`${lidId} is not a lid in the tablet's copy`);
      return a;
    },
    reopen() {
      t.session.destroy();
      t.session = device.openTafelSession(joined);
      return t.session;
    },
    close() {
      device.close();
    },
  };
  return t;
}

/** Waits until the session is online, loaded, not recovering and has nothing pending. */
export async function inSync(session: TafelSession, what = 'the session to be in sync'): Promise<void> {
  await waitFor(() => {
    const s = session.status;
    return s.connection === 'online' && s.loaded && !s.recovering && s.pending === 0;
  }, what);
}
