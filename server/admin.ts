// The operator's CLI: `npm run admin -- <command> [options]`. Works on the relay's storage directly
// (AAN_TAFEL_DATA, or AAN_TAFEL_DATABASE_URL for Postgres), also while the relay runs. Every command prints JSON on stdout; errors go to
// stderr with exit code 1 (2 for usage errors). Commands are documented in docs/relay-api.md.

import fs from 'node:fs';
import * as Y from 'yjs';
import { ensureRoots, readLid } from '../src/model';
import { parseAdminArgs } from './admin-args';
import { sha256 } from './auth';
import { ConfigError, loadConfig, type Config } from './config';
import { issueInvite } from './invites';
import type { RelayStorage } from './storage';
import { openStorage } from './storage-open';
import type { PostgresStorage } from './storage-postgres';
import { backup, restorePostgres, restoreSqlite } from './backup';
import type { BusMessage } from './cluster';
import { createTafel } from './tafels';
import { netwerkOptions, runNetwerkCommand } from './adminNetwerk';
import { OUTBOX_TOPIC } from './outbox';
import { linkNewChair, persoonOfNewChair, runPersoonCommand } from './adminPersoon';
import { unlinkLid } from './personen';

const USAGE = `Usage: npm run admin -- <command> [options]

  create-tafel --name "<naam>" [--regio "<regio>"] [--chair "<naam voorzitter>"]
               [--soort regionaal|lokaal|landelijk] [--provincies "Utrecht,Gelderland"]
               [--woondealregio "<naam>"] [--boven <tafelId of the regional tafel>]
               [--persoon <tafelId>:<lidId>]
      Creates a tafel with its chair; prints {tafelId, chairLidId, code, url, expiresAt}.
      --persoon: the chair is the same person as that lid of another tafel (linked as one
      persoon: the chair's devices get both tafels).
      A regional (default) or lokale tafel names its provinces (its landsdeel follows from
      them); a lokale tafel names the regional tafel it sits under (--boven) and is linked to it.
  link --tafel <tafelId> --met <tafelId>
      Links two tafels as the operator (both chairs agreed outside the app); prints the link.
  unlink --tafel <tafelId> --met <tafelId>
      Ends the link between two tafels; what was shared stays, marked.
  list-links --tafel <tafelId>
      The links of a tafel, and its outbox: what it sent and received, and how it went.
  list-tafels
      Prints every tafel: {id, naam, createdAt, logEntries}.
  invite --tafel <tafelId> --lid <lidId>
      A new invite for a lid (e.g. a chair who lost their device).
  revoke-token --token <device token>
      Revokes one device token.
  revoke-lid --tafel <tafelId> --lid <lidId>
      Revokes every device token of a lid (and takes it out of its persoon).
  persoon link --tafel <tafelId> --lid <lidId> --met <tafelId> --met-lid <lidId>
      Links two leden of different tafels as one persoon: a new device of the person, with an
      invite from the operator or from themselves, gets a token for every tafel of the persoon.
  persoon unlink --tafel <tafelId> --lid <lidId>
      Takes the lid out of its persoon.
  persoon list --tafel <tafelId> --lid <lidId>
      The leden of the lid's persoon, with their tafel and name.
  export-tafel --tafel <tafelId> [--out <file.json>]
      The whole tafel document as JSON, with provenance.
  backup --out <file>
      A consistent backup while the relay runs: SQLite's online backup, or pg_dump (custom
      format) on Postgres. Never overwrites a file.
  restore --from <file>
      Puts a backup back (stop the relay first). SQLite keeps the replaced file beside it.`;

class UsageError extends Error {}

type Options = Record<string, string | undefined>;

function required(opts: Options, name: string): string {
  const v = opts[name];
  if (v === undefined || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v.trim();
}

/** The tafel's whole document, folded from snapshot and log. */
async function loadDoc(storage: RelayStorage, tafelId: string): Promise<Y.Doc> {
  const stored = await storage.loadTafel(tafelId);
  if (!stored) throw new Error(`no tafel "${tafelId}"`);
  const doc = new Y.Doc();
  // Roots must be typed as maps before remote content arrives, or toJSON() leaves them out.
  ensureRoots(doc);
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u.data);
  return doc;
}

/**
 * On Postgres the relay holding the tafel closes the connections at once (LISTEN/NOTIFY); on
 * SQLite its membership check does within AAN_TAFEL_MEMBERSHIP_CHECK_MS.
 */
async function tellRelays(storage: RelayStorage, message: BusMessage): Promise<void> {
  if (storage.engine !== 'postgres') return;
  const { notify } = await import('./cluster-postgres');
  await notify((storage as PostgresStorage).pool, message);
}

async function run(command: string | undefined, sub: string | undefined, opts: Options, config: Config, storage: RelayStorage): Promise<unknown> {
  const now = Date.now();
  switch (command) {
    case 'create-tafel': {
      const naam = required(opts, 'name');
      if (naam.length > 200) throw new UsageError('--name is longer than 200 characters');
      const zelfde = opts.persoon ? await persoonOfNewChair(storage, opts.persoon, { usage: (m) => new UsageError(m), loadDoc }) : undefined;
      const t = await createTafel(
        storage,
        { naam, regio: opts.regio, voorzitter: opts.chair, ...(await netwerkOptions(storage, opts, (m) => new UsageError(m))) },
        { publicUrl: config.publicUrl, inviteTtlMs: config.inviteTtlMs, createdBy: 'admin', now },
      );
      if (opts.boven) await runNetwerkCommand('link', { tafel: t.tafelId, met: opts.boven }, storage, now);
      const persoon = zelfde ? await linkNewChair(storage, zelfde, { tafelId: t.tafelId, lidId: t.chairLidId }, now) : undefined;
      return { tafelId: t.tafelId, naam: t.naam, chairLidId: t.chairLidId, code: t.invite.code, url: t.invite.url, expiresAt: t.invite.expiresAt, ...(persoon ? { persoon } : {}) };
    }
    case 'list-tafels':
      return await storage.listTafels();
    case 'invite': {
      const tafelId = required(opts, 'tafel');
      const lidId = required(opts, 'lid');
      const doc = await loadDoc(storage, tafelId);
      const lid = readLid(doc, lidId);
      doc.destroy();
      if (!lid) throw new Error(`no lid "${lidId}" in tafel "${tafelId}"`);
      const invite = await issueInvite(storage, { tafelId, lidId, createdBy: 'admin', publicUrl: config.publicUrl, ttlMs: config.inviteTtlMs, now });
      return { tafelId, lidId, naam: lid.naam, ...invite };
    }
    case 'revoke-token': {
      const tokenHash = sha256(required(opts, 'token'));
      const revoked = await storage.revokeToken(tokenHash, now);
      await tellRelays(storage, { type: 'revoked-token', tokenHash });
      return { revoked };
    }
    case 'revoke-lid': {
      const [tafelId, lidId] = [required(opts, 'tafel'), required(opts, 'lid')];
      const revoked = await storage.revokeLid(tafelId, lidId, now);
      const unlinked = await unlinkLid(storage.handle, { tafelId, lidId });
      await tellRelays(storage, { type: 'revoked-lid', tafelId, lidId });
      return { revoked, unlinked };
    }
    case 'export-tafel': {
      const tafelId = required(opts, 'tafel');
      const doc = await loadDoc(storage, tafelId);
      const out = { tafelId, exportedAt: new Date(now).toISOString(), document: doc.toJSON() };
      doc.destroy();
      if (opts.out) {
        fs.writeFileSync(opts.out, `${JSON.stringify(out, null, 2)}\n`);
        return { tafelId, written: opts.out };
      }
      return out;
    }
    case 'link':
    case 'unlink':
    case 'list-links':
    {
      const out = await runNetwerkCommand(command, { tafel: required(opts, 'tafel'), met: command === 'list-links' ? undefined : required(opts, 'met') }, storage, now);
      // A running relay's carrier mirrors the change into the documents (it also polls).
      if (command !== 'list-links') await tellRelays(storage, { type: 'module', topic: OUTBOX_TOPIC, tafelId: opts.tafel ?? '', body: null });
      return out;
    }
    case 'persoon':
      return runPersoonCommand(sub, opts, storage, now, { required, usage: (m) => new UsageError(m), loadDoc });
    case 'backup':
      return backup(storage, required(opts, 'out'));
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseAdminArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  let storage: RelayStorage | undefined;
  try {
    const config = loadConfig();
    const { help: _help, ...opts } = parsed.values;
    // A restore replaces the storage: it must not be open.
    if (parsed.positionals[0] === 'restore') {
      const from = required(opts, 'from');
      const result = config.databaseUrl ? await restorePostgres(config.databaseUrl, from) : restoreSqlite(config.dataDir, from, Date.now());
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    storage = await openStorage(config);
    const result = await run(parsed.positionals[0], parsed.positionals[1], opts, config, storage);
    console.log(JSON.stringify(result, null, 2));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : `Error: ${(e as Error).message}`);
    return 1;
  } finally {
    await storage?.close();
  }
}

process.exitCode = await main();
