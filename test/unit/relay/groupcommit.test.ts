// Group commit (server/groupcommit.ts) with the real rooms, gate and SQLite file, and fake
// sockets: the updates of one event-loop turn share one COMMIT; nothing is sent before it (each
// send checks, through a second SQLite connection, what is on disk at that moment); a failing
// COMMIT sends nothing of the batch and fails only the rooms that wrote in it; a failing write
// undoes only itself unless SQLite ended the whole transaction; the API's own writes never join
// an open batch; compaction and renames ride in the batch. (The same promises for every engine,
// without rooms: test/integration/storage/contract.test.ts.)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { ensureRoots, readTafel } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import { editTafel } from '../../../src/operations';
import { MESSAGE_QUERY_AWARENESS, MESSAGE_REJECTED, MESSAGE_SYNC, syncMessage } from '../../../src/protocol/messages';
import { loadConfig } from '../../../server/config';
import { issueInvite } from '../../../server/invites';
import { TokenBucket } from '../../../server/limits';
import type { Log } from '../../../server/log';
import { RoomWrites } from '../../../server/groupcommit';
import { Rooms, type Connection, type Room } from '../../../server/rooms';
import type { RoomSocket } from '../../../server/socket';
import { DB_FILE } from '../../../server/storage';
import { SqliteStorage } from '../../../server/storage-sqlite';
import { createTafel } from '../../../server/tafels';

interface Sent {
  /** 'update', 'step1', 'step2', 'rejected', 'awareness', or 'close <code>' */
  readonly kind: string;
  /** Rows in the updates table that another SQLite connection sees when this was sent. */
  readonly durableUpdates: number;
}

interface FakeConn extends Connection {
  readonly sent: Sent[];
}

function kindOf(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_REJECTED) return 'rejected';
  if (type !== MESSAGE_SYNC) return 'awareness';
  return ['step1', 'step2', 'update'][decoding.readVarUint(decoder)] ?? 'unknown';
}

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A device of a lid: its own copy of the tafel, which turns its edits into update messages. */
class Device {
  readonly doc = new Y.Doc();
  private readonly pending: Uint8Array[] = [];

  constructor(
    room: Room,
    private readonly lidId: string,
  ) {
    ensureRoots(this.doc);
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(room.doc), 'relay');
    this.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') this.pending.push(u);
    });
  }

  /** Renames the tafel's regio (the chair's field); returns the update message. */
  edit(changes: Parameters<typeof editTafel>[2]): Uint8Array {
    const actor = actorForLid(this.doc, this.lidId);
    if (!actor) throw new Error(`${this.lidId} is no lid here`);
    editTafel(this.doc, actor, changes);
    const update = this.pending.splice(0).at(-1);
    if (!update) throw new Error('no update');
    return syncMessage((e) => syncProtocol.writeUpdate(e, update));
  }

  step1(): Uint8Array {
    return syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc));
  }
}

describe('relay group commit', () => {
  let dir: string;
  let storage: SqliteStorage;
  let reader: Database.Database;
  let rooms: Rooms;
  let commits: number;
  let breakCommits: number;
  let errors: string[];
  let tafels: { tafelId: string; chairLidId: string }[];

  const log: Log = { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
  const durableUpdates = () => reader.prepare('SELECT COUNT(*) FROM updates').pluck().get() as number;

  function connect(room: Room, lidId: string): FakeConn {
    const sent: Sent[] = [];
    let open = true;
    const socket: RoomSocket = {
      isOpen: () => open,
      send: (m) => void sent.push({ kind: kindOf(m), durableUpdates: durableUpdates() }),
      close: (code) => {
        if (!open) return;
        sent.push({ kind: `close ${code}`, durableUpdates: durableUpdates() });
        open = false;
      },
    };
    const conn: FakeConn = {
      socket,
      tafelId: room.tafelId,
      lidId,
      tokenHash: 'hash',
      bucket: new TokenBucket(1000, 1000, Date.now()),
      sent,
    };
    rooms.attach(room, conn);
    return conn;
  }

  async function open(i: number): Promise<Room> {
    const got = await rooms.acquire(tafels[i]!.tafelId);
    if (!got.ok) throw new Error(got.reason);
    return got.room;
  }

  /** Opens tafel i's room with its chair connected and a device of the chair. */
  async function seat(i: number): Promise<{ room: Room; chair: FakeConn; device: Device }> {
    const room = await open(i);
    const lidId = tafels[i]!.chairLidId;
    return { room, chair: connect(room, lidId), device: new Device(room, lidId) };
  }

  /** Lets the setup's turn end and forgets what it sent. */
  async function settled(...conns: FakeConn[]): Promise<void> {
    await endOfTurn();
    for (const c of conns) c.sent.length = 0;
  }

  async function start(env: Record<string, string> = {}): Promise<void> {
    const config = loadConfig({ AAN_TAFEL_DATA: dir, ...env }, dir);
    storage = SqliteStorage.open(dir, {
      beforeCommit: () => {
        commits++;
        if (breakCommits > 0) {
          breakCommits--;
          throw new Error('disk on fire');
        }
      },
    });
    const env2 = { publicUrl: 'http://x', inviteTtlMs: 60_000, createdBy: 'admin', now: Date.now() };
    tafels = [];
    for (const naam of ['Noord', 'Zuid', 'Oost']) tafels.push(await createTafel(storage, { naam }, env2));
    reader = new Database(path.join(dir, DB_FILE), { readonly: true });
    rooms = new Rooms(storage, config, log);
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-groupcommit-'));
    commits = 0;
    breakCommits = 0;
    errors = [];
  });

  afterEach(async () => {
    await rooms.closeAllRooms();
    await storage.close();
    reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the updates of one turn, from two rooms, share one COMMIT, and nothing is sent before it', async () => {
    await start();
    const { room: noord, chair: chairNoord, device: deviceNoord } = await seat(0);
    const watcherNoord = connect(noord, tafels[0]!.chairLidId);
    const { room: zuid, chair: chairZuid, device: deviceZuid } = await seat(1);
    const stranger = connect(zuid, 'not-a-lid');
    const strangerDevice = new Device(zuid, tafels[1]!.chairLidId);
    await settled();
    const before = commits;

    // One turn: five consecutive edits (each builds on the one before: the validator must judge
    // them against the document with the earlier ones of the batch), three in another room, and a
    // write that is rejected.
    for (let i = 1; i <= 5; i++) noord.handleMessage(chairNoord, deviceNoord.edit({ regio: `Regio ${i}` }));
    for (let i = 1; i <= 3; i++) zuid.handleMessage(chairZuid, deviceZuid.edit({ regio: `Zuidregio ${i}` }));
    zuid.handleMessage(stranger, strangerDevice.edit({ regio: 'Niet van mij' }));
    expect([chairNoord, watcherNoord, chairZuid, stranger].flatMap((c) => c.sent)).toEqual([]);
    expect(durableUpdates()).toBe(0);

    await endOfTurn();
    expect(commits - before).toBe(1);
    expect(chairNoord.sent.map((s) => s.kind)).toEqual(['update', 'update', 'update', 'update', 'update']);
    expect(watcherNoord.sent.map((s) => s.kind)).toEqual(['update', 'update', 'update', 'update', 'update']);
    expect(chairZuid.sent.map((s) => s.kind)).toEqual(['update', 'update', 'update']);
    expect(stranger.sent.map((s) => s.kind)).toEqual(['update', 'update', 'update', 'rejected']);
    // Everything anyone received was on disk when it was sent.
    for (const c of [chairNoord, watcherNoord, chairZuid, stranger]) for (const s of c.sent) expect(s.durableUpdates).toBe(8);
    expect(readTafel(noord.doc).regio).toBe('Regio 5');
    const audit = reader.prepare('SELECT accepted, COUNT(*) AS n FROM audit GROUP BY accepted ORDER BY accepted').all();
    expect(audit).toEqual([
      { accepted: 0, n: 1 },
      { accepted: 1, n: 8 },
    ]);

    // At low load a turn holds one update: one COMMIT each, as before.
    noord.handleMessage(chairNoord, deviceNoord.edit({ regio: 'Regio 6' }));
    await endOfTurn();
    zuid.handleMessage(chairZuid, deviceZuid.edit({ regio: 'Zuidregio 4' }));
    await endOfTurn();
    expect(commits - before).toBe(3);
    expect(durableUpdates()).toBe(10);
  });

  it('answers a sync step 1 sent after updates on the same socket only after their COMMIT, in order', async () => {
    await start();
    const { room: noord, chair, device } = await seat(0);
    await settled(chair);

    noord.handleMessage(chair, device.edit({ regio: 'A' }));
    noord.handleMessage(chair, device.edit({ regio: 'B' }));
    noord.handleMessage(chair, device.edit({ regio: 'C' }));
    noord.handleMessage(chair, device.step1());
    noord.handleMessage(chair, Uint8Array.of(MESSAGE_QUERY_AWARENESS));
    // What upgrade.ts does on a malformed message, a rate limit or a revoked token.
    noord.close(chair, 4400, 'malformed message');
    expect(chair.sent).toEqual([]);
    await endOfTurn();
    expect(chair.sent).toEqual([
      { kind: 'update', durableUpdates: 3 },
      { kind: 'update', durableUpdates: 3 },
      { kind: 'update', durableUpdates: 3 },
      { kind: 'step2', durableUpdates: 3 },
      { kind: 'awareness', durableUpdates: 3 },
      { kind: 'close 4400', durableUpdates: 3 },
    ]);
  });

  it('a failing COMMIT sends nothing of the batch and fails only the rooms that wrote in it', async () => {
    await start();
    const { room: noord, chair: chairNoord, device: deviceNoord } = await seat(0);
    const watcherNoord = connect(noord, tafels[0]!.chairLidId);
    const { room: zuid, chair: chairZuid, device: deviceZuid } = await seat(1);
    const { room: oost, chair: readerOost, device: deviceOost } = await seat(2);
    await settled(chairNoord, watcherNoord, chairZuid, readerOost);

    breakCommits = 1;
    noord.handleMessage(chairNoord, deviceNoord.edit({ regio: 'Verloren 1' }));
    noord.handleMessage(chairNoord, deviceNoord.edit({ regio: 'Verloren 2' }));
    zuid.handleMessage(chairZuid, deviceZuid.edit({ regio: 'Verloren 3' }));
    oost.handleMessage(readerOost, deviceOost.step1());
    await endOfTurn();

    // The writers' rooms failed: nothing of theirs was sent, their connections are closed.
    for (const c of [chairNoord, watcherNoord, chairZuid]) expect(c.sent).toEqual([{ kind: 'close 1011', durableUpdates: 0 }]);
    expect(noord.isFailed && zuid.isFailed).toBe(true);
    expect(errors.filter((m) => m.includes('failed and is unloaded'))).toHaveLength(2);
    // The room that only read is untouched and got its answer.
    expect(oost.isFailed).toBe(false);
    expect(readerOost.sent).toEqual([{ kind: 'step2', durableUpdates: 0 }]);
    expect(durableUpdates()).toBe(0);

    // The relay keeps serving: other rooms write, the failed ones reload from disk without the lost edits.
    oost.handleMessage(readerOost, deviceOost.edit({ regio: 'Bewaard' }));
    // Loading Noord again waits for every batch written so far: Oost's edit is committed and sent first.
    const noordAgain = await open(0);
    expect(readerOost.sent.at(-1)).toEqual({ kind: 'update', durableUpdates: 1 });
    expect(noordAgain).not.toBe(noord);
    expect(readTafel(noordAgain.doc).regio).toBe('');
    const chairAgain = connect(noordAgain, tafels[0]!.chairLidId);
    noordAgain.handleMessage(chairAgain, new Device(noordAgain, tafels[0]!.chairLidId).edit({ regio: 'Opnieuw' }));
    await endOfTurn();
    expect(chairAgain.sent.at(-1)).toEqual({ kind: 'update', durableUpdates: 2 });
  });

  it('a write that fails undoes only itself: its room fails, the rest of the batch commits', async () => {
    await start();
    const { room: noord, chair: chairNoord, device: deviceNoord } = await seat(0);
    const { room: zuid, chair: chairZuid, device: deviceZuid } = await seat(1);
    await settled(chairNoord, chairZuid);
    // RAISE(ABORT) fails the one statement; SQLite keeps the transaction.
    storage.db.exec(`CREATE TEMP TRIGGER refuse_noord BEFORE INSERT ON updates WHEN NEW.tafel_id = '${tafels[0]!.tafelId}'
      BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const before = commits;

    zuid.handleMessage(chairZuid, deviceZuid.edit({ regio: 'Zuid 1' }));
    noord.handleMessage(chairNoord, deviceNoord.edit({ regio: 'Noord' }));
    zuid.handleMessage(chairZuid, deviceZuid.edit({ regio: 'Zuid 2' }));
    await endOfTurn();

    expect(commits - before).toBe(1);
    expect(noord.isFailed).toBe(true);
    expect(zuid.isFailed).toBe(false);
    // Noord learns of its failure when the batch (with Zuid's two updates) has committed.
    expect(chairNoord.sent).toEqual([{ kind: 'close 1011', durableUpdates: 2 }]);
    expect(chairZuid.sent).toEqual([
      { kind: 'update', durableUpdates: 2 },
      { kind: 'update', durableUpdates: 2 },
    ]);
  });

  it('a write after which SQLite rolled the whole transaction back fails every room that wrote in the batch', async () => {
    await start();
    const { room: noord, chair: chairNoord, device: deviceNoord } = await seat(0);
    const { room: zuid, chair: chairZuid, device: deviceZuid } = await seat(1);
    const { room: oost, chair: readerOost, device: deviceOost } = await seat(2);
    await settled(chairNoord, chairZuid, readerOost);
    // RAISE(ROLLBACK) ends the whole transaction, as SQLite does itself on a full disk or I/O error.
    storage.db.exec(`CREATE TEMP TRIGGER lose_batch BEFORE INSERT ON updates WHEN NEW.tafel_id = '${tafels[0]!.tafelId}'
      BEGIN SELECT RAISE(ROLLBACK, 'batch lost'); END`);

    zuid.handleMessage(chairZuid, deviceZuid.edit({ regio: 'Zuid 1' }));
    oost.handleMessage(readerOost, deviceOost.step1());
    noord.handleMessage(chairNoord, deviceNoord.edit({ regio: 'Noord' }));
    await endOfTurn();
    expect(noord.isFailed && zuid.isFailed).toBe(true);
    expect(errors.filter((m) => m.includes('failed and is unloaded'))).toHaveLength(2);
    // A new batch starts cleanly after the lost one.
    oost.handleMessage(readerOost, deviceOost.edit({ regio: 'Oost' }));
    await endOfTurn();

    expect(chairNoord.sent).toEqual([{ kind: 'close 1011', durableUpdates: 0 }]);
    expect(chairZuid.sent).toEqual([{ kind: 'close 1011', durableUpdates: 0 }]);
    expect(readerOost.sent).toEqual([
      { kind: 'step2', durableUpdates: 0 },
      { kind: 'update', durableUpdates: 1 },
    ]);
    expect(reader.prepare('SELECT tafel_id FROM updates').pluck().all()).toEqual([tafels[2]!.tafelId]);
  });

  it("the API's and CLI's own writes neither join nor wait for the open batch", async () => {
    await start();
    const { room: noord, chair, device } = await seat(0);
    await settled(chair);
    const before = commits;

    noord.handleMessage(chair, device.edit({ regio: 'Eerst' }));
    expect(chair.sent).toEqual([]);
    const invite = await issueInvite(storage, { tafelId: tafels[0]!.tafelId, lidId: 'lid-x', createdBy: 'chair', publicUrl: 'http://x', ttlMs: 1000, now: Date.now() });
    // The invite is committed on its own, before the API answers; the batch is still open ...
    expect(reader.prepare('SELECT COUNT(*) FROM invites WHERE lid_id = ?').pluck().get('lid-x')).toBe(1);
    expect(invite.code).toBeTruthy();
    expect(commits - before).toBe(0);
    expect(chair.sent).toEqual([]);
    expect(await storage.readAudit(tafels[0]!.tafelId, 10)).toEqual([]);
    // ... and commits (and is delivered) at the end of the turn.
    await endOfTurn();
    expect(commits - before).toBe(1);
    expect(chair.sent).toEqual([{ kind: 'update', durableUpdates: 1 }]);
    expect((await storage.readAudit(tafels[0]!.tafelId, 10)).filter((e) => e.accepted)).toHaveLength(1);
  });

  it('compacts in the same transaction as the update that reached the threshold, and renames only on a new naam', async () => {
    await start({ AAN_TAFEL_COMPACT_EVERY: '4' });
    const { room: noord, chair, device } = await seat(0);
    await settled();
    const rename = vi.spyOn(RoomWrites.prototype, 'rename');
    const before = commits;

    for (let i = 1; i <= 5; i++) noord.handleMessage(chair, device.edit({ regio: `Regio ${i}` }));
    await endOfTurn();
    expect(commits - before).toBe(1);
    expect(rename).not.toHaveBeenCalled();
    const snap = reader.prepare('SELECT snapshot_seq FROM snapshots WHERE tafel_id = ?').pluck().get(tafels[0]!.tafelId) as number;
    const logSeqs = reader.prepare('SELECT seq FROM updates WHERE tafel_id = ? ORDER BY seq').pluck().all(tafels[0]!.tafelId) as number[];
    expect(logSeqs).toHaveLength(1);
    expect(snap).toBe(logSeqs[0]! - 1);

    noord.handleMessage(chair, device.edit({ naam: 'Versnellingstafel Noord' }));
    noord.handleMessage(chair, device.edit({ regio: 'Regio 6' }));
    await endOfTurn();
    expect(rename).toHaveBeenCalledTimes(1);
    expect((await storage.listTafels()).find((t) => t.id === tafels[0]!.tafelId)?.naam).toBe('Versnellingstafel Noord');

    // A reload folds snapshot and log back into the same document.
    await rooms.closeAllRooms();
    const reloaded = await open(0);
    expect(readTafel(reloaded.doc)).toMatchObject({ naam: 'Versnellingstafel Noord', regio: 'Regio 6' });
  });
});
