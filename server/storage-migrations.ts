// Schema migrations of both engines. Each module (the relay's own tables are module "relay";
// others come through server/storage-modules.ts) has an ordered list of migrations per engine and
// a version in the table schema_migrations; opening storage runs what is missing, in one
// transaction per migration. Never edit a released migration: add the next one.
//
// Relay migration 1 is the schema SQLite files had before migrations existed (IF NOT EXISTS), so
// such a file is adopted as version 1 without change.

export const RELAY_MODULE = 'relay';

export const SQLITE_RELAY_MIGRATIONS: readonly string[] = [
  `
CREATE TABLE IF NOT EXISTS tafels (
  id TEXT PRIMARY KEY,
  naam TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
-- The folded state of a tafel up to and including log entry snapshot_seq.
CREATE TABLE IF NOT EXISTS snapshots (
  tafel_id TEXT PRIMARY KEY REFERENCES tafels(id),
  state BLOB NOT NULL,
  snapshot_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Accepted updates since the snapshot, in the order the relay applied them.
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  data BLOB NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_tafel ON updates(tafel_id, seq);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  lid_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS tokens_by_lid ON tokens(tafel_id, lid_id);
CREATE TABLE IF NOT EXISTS invites (
  hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  lid_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX IF NOT EXISTS invites_by_tafel ON invites(tafel_id, expires_at);
-- Which lid a Yjs clientID belongs to: nobody may write under another lid's clientID.
CREATE TABLE IF NOT EXISTS client_bindings (
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  client_id INTEGER NOT NULL,
  lid_id TEXT NOT NULL,
  PRIMARY KEY (tafel_id, client_id)
);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tafel_id TEXT NOT NULL,
  lid_id TEXT NOT NULL,
  partij_id TEXT,
  at INTEGER NOT NULL,
  size INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  message_type INTEGER NOT NULL,
  -- JSON: the paths written (accepted) or the violations (rejected)
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_tafel ON audit(tafel_id, id);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit record is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit record is append-only'); END;
`,
];

export const POSTGRES_RELAY_MIGRATIONS: readonly string[] = [
  `
CREATE TABLE tafels (
  id TEXT PRIMARY KEY,
  naam TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
-- The folded state of a tafel up to and including log entry snapshot_seq.
CREATE TABLE snapshots (
  tafel_id TEXT PRIMARY KEY REFERENCES tafels(id),
  state BYTEA NOT NULL,
  snapshot_seq BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- Accepted updates since the snapshot, in the order the relay applied them.
CREATE TABLE updates (
  seq BIGSERIAL PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  data BYTEA NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX updates_by_tafel ON updates(tafel_id, seq);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  lid_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX tokens_by_lid ON tokens(tafel_id, lid_id);
CREATE TABLE invites (
  hash TEXT PRIMARY KEY,
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  lid_id TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX invites_by_tafel ON invites(tafel_id, expires_at);
-- Which lid a Yjs clientID belongs to: nobody may write under another lid's clientID.
CREATE TABLE client_bindings (
  tafel_id TEXT NOT NULL REFERENCES tafels(id),
  client_id BIGINT NOT NULL,
  lid_id TEXT NOT NULL,
  PRIMARY KEY (tafel_id, client_id)
);
CREATE TABLE audit (
  id BIGSERIAL PRIMARY KEY,
  tafel_id TEXT NOT NULL,
  lid_id TEXT NOT NULL,
  partij_id TEXT,
  at BIGINT NOT NULL,
  size INTEGER NOT NULL,
  accepted BOOLEAN NOT NULL,
  message_type INTEGER NOT NULL,
  -- JSON: the paths written (accepted) or the violations (rejected)
  detail JSONB NOT NULL
);
CREATE INDEX audit_by_tafel ON audit(tafel_id, id);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'the audit record is append-only'; END $$;
CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
`,
  `
-- Which relay process serves a tafel (server/cluster-postgres.ts).
CREATE TABLE tafel_leases (
  tafel_id TEXT PRIMARY KEY REFERENCES tafels(id),
  holder TEXT NOT NULL,
  -- where other relays forward this tafel's websockets
  holder_url TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
-- The relay process that accepted each log entry (several may share the database).
ALTER TABLE updates ADD COLUMN relay TEXT;
`,
];

export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT PRIMARY KEY, version INTEGER NOT NULL)`;
