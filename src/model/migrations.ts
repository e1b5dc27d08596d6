// Schema migrations of the tafel document. A document records its schemaVersion (tafel root).
// When the schema changes, add a step here that upgrades a document from version N to N+1; the
// relay runs the steps on a room's document when it loads it, as the system, before any client
// syncs, so every peer sees one shape.

import type * as Y from 'yjs';
import { migrateV1toV2 } from './migrationV2';
import { readTafel } from './reads';
import { SCHEMA_VERSION } from './schema';

export type Migration = (doc: Y.Doc) => void;

/** MIGRATIONS[n] upgrades a document from version n+1 to n+2. */
export const MIGRATIONS: readonly Migration[] = [(doc) => migrateV1toV2(doc)];

/** The migrations a document still needs, in order. */
export function pendingMigrations(doc: Y.Doc): Migration[] {
  const version = readTafel(doc).schemaVersion;
  if (version > SCHEMA_VERSION) throw new Error(`document schema ${version} is newer than this app (${SCHEMA_VERSION})`);
  return MIGRATIONS.slice(Math.max(0, version - 1), SCHEMA_VERSION - 1);
}
