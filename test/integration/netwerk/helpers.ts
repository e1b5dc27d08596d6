// Helpers for the network tests: the demo ladder (demo regional tafel "demo", the landelijke tafel
// "landelijk" and "demo-oost", seeded and linked by a demo relay), its leden's sessions, and
// Node clients that act as they would in the app.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { actorForLid, readKnelpunten, type Actor } from '../../../src/model';
import { LOCAL_ORIGIN, richText } from '../../../src/operations';
import { connectClient, demoLink, redeem, type Session, type StartedRelay, type TestClient } from '../helpers/relay';

export interface NetwerkLink {
  readonly tafelId: string;
  readonly naam: string;
  readonly code: string;
  readonly landsdeel: string | null;
}

export function netwerkLink(relay: Pick<StartedRelay, 'dataDir'>, naam: string): NetwerkLink {
  const links = JSON.parse(fs.readFileSync(path.join(relay.dataDir, 'netwerk-demo-links.json'), 'utf8')) as NetwerkLink[];
  const link = links.find((l) => l.naam === naam);
  if (!link) throw new Error(`no network demo lid "${naam}"`);
  return link;
}

export interface Lid {
  readonly session: Session;
  readonly client: TestClient;
  actor(): Actor;
}

/** Logs a demo lid in (regional demo tafel or the network's tafels) and syncs a client. */
export async function lid(relay: StartedRelay, naam: string): Promise<Lid> {
  let code: string;
  try {
    code = demoLink(relay, naam).code;
  } catch {
    code = netwerkLink(relay, naam).code;
  }
  const session = await redeem(relay, code);
  const client = connectClient(relay, session.tafelId, session.token);
  await client.synced();
  return {
    session,
    client,
    actor: () => {
      const a = actorForLid(client.doc, session.lidId);
      if (!a) throw new Error(`${naam} is no lid`);
      return a;
    },
  };
}

export function knelpuntId(doc: Y.Doc, titelBegin: string): string {
  const k = readKnelpunten(doc).find((x) => x.titel.startsWith(titelBegin));
  if (!k) throw new Error(`no knelpunt "${titelBegin}"`);
  return k.id;
}

/** Types a paragraph into a rich text, as the editor would. */
export function typeParagraph(doc: Y.Doc, rootName: 'ontvangenEscalaties', id: string, key: string, text: string): void {
  const fragment = richText(doc, rootName, id, key);
  if (!fragment) throw new Error('no rich text');
  doc.transact(() => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
  }, LOCAL_ORIGIN);
}

/** Reads the relay's outbox straight from its database file (read-only, beside the running relay). */
export function outboxRows(dataDir: string): { id: number; soort: string; bron_tafel: string; bron_sleutel: string; done_at: number | null; outcome: string | null }[] {
  const db = new Database(path.join(dataDir, 'aan-tafel.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, soort, bron_tafel, bron_sleutel, done_at, outcome FROM outbox ORDER BY id').all() as ReturnType<typeof outboxRows>;
  } finally {
    db.close();
  }
}
