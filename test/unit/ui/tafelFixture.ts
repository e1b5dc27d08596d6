// A small real tafel (model operations on a Y.Doc) and a TafelSession around it, for tests of
// the UI's hooks, components and screen logic without a browser.

import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import * as O from '../../../src/operations';
import { actorForLid } from '../../../src/model';
import type { Actor } from '../../../src/ownership/rulebook';
import type { JoinedTafel, SyncStatus, TafelSession } from '../../../src/sync';
import { TafelProvider } from '../../../src/ui/tafel/TafelContext';

export interface UiTafel {
  doc: Y.Doc;
  partij: { voorzitter: string; gemeente: string; markt: string; corporatie: string; adviseur: string };
  actor: { chair: Actor; gemeente: Actor; markt: Actor; corporatie: Actor; gast: Actor };
  project: string;
}

export function makeUiTafel(): UiTafel {
  const doc = new Y.Doc();
  const { lidId } = O.initTafel(doc, { naam: 'Versnellingstafel Test', voorzitter: { naam: 'Vera Voorzitter' } });
  const chair = actorForLid(doc, lidId)!;
  const partij = {
    voorzitter: chair.partijId,
    gemeente: O.addPartij(doc, chair, { naam: 'Gemeente Zwolle', bloedgroep: 'overheid' }),
    markt: O.addPartij(doc, chair, { naam: 'Bouwbedrijf Horizon', bloedgroep: 'markt' }),
    corporatie: O.addPartij(doc, chair, { naam: 'Woonstichting Thuis', bloedgroep: 'corporatie' }),
    adviseur: O.addPartij(doc, chair, { naam: 'Adviesbureau', bloedgroep: 'adviseur' }),
  };
  const lid = (naam: string, partijId: string, rol: 'lid' | 'gast' = 'lid') => actorForLid(doc, O.addLid(doc, chair, { naam, partijId, rol }))!;
  const actor = {
    chair,
    gemeente: lid('Gert Gemeente', partij.gemeente),
    markt: lid('Dirk Ontwikkelaar', partij.markt),
    corporatie: lid('Carla Corporatie', partij.corporatie),
    gast: lid('Guus Gast', partij.gemeente, 'gast'),
  };
  const project = O.createProject(doc, actor.gemeente, {
    naam: 'De Kade',
    publiekEigenaar: partij.gemeente,
    privaatEigenaar: partij.markt,
    publiek: { gemeente: 'Zwolle', planstatus: '2A vastgesteld', woningenSocialeHuur: 40, woningenVrijeSectorKoop: 60 },
  });
  O.setOplevering(doc, actor.markt, project, 2027, 60);
  O.setOplevering(doc, actor.markt, project, 2028, 40);
  return { doc, partij, actor, project };
}

export interface FakeSession extends TafelSession {
  /** Tells subscribers something changed, as the real session does after every doc change. */
  emit(): void;
  listeners: number;
}

export function fakeSession(doc: Y.Doc, lidId: string, status: Partial<SyncStatus> = {}): FakeSession {
  const listeners = new Set<() => void>();
  const awareness = new Awareness(doc);
  const s: FakeSession = {
    tafelId: 'test-tafel',
    lidId,
    doc,
    awareness,
    status: { connection: 'online', pending: 0, lastSyncedAt: 0, recovering: false, loaded: true, notice: null, revoked: false, ...status },
    readModel: null,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    setPlek() {},
    destroy() {
      awareness.destroy();
    },
    emit() {
      for (const l of [...listeners]) l();
    },
    get listeners() {
      return listeners.size;
    },
  };
  return s;
}

export function joinedFor(lidId: string): JoinedTafel {
  return { tafelId: 'test-tafel', relayUrl: 'http://127.0.0.1:9', lidId, token: 't', naam: 'Versnellingstafel Test', lastSyncAt: null };
}

/** The HTML of `node` as lid `lidId` sees it: inside a TafelProvider with a fake session (`status` as given) and a router for links. */
export function renderAs(doc: Y.Doc, lidId: string, node: ReactNode, status: Partial<SyncStatus> = {}): string {
  const session = fakeSession(doc, lidId, status);
  return renderToString(createElement(MemoryRouter, null, createElement(TafelProvider, { session, joined: joinedFor(lidId), children: node })));
}

/** The words of rendered HTML: tags become spaces, the entities React writes for quotes are decoded. */
export function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
}
