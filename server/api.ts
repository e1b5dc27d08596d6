// The relay's HTTP API (docs/relay-api.md): redeeming invites, who am I, and the chair's
// membership tools (invites, revocation, audit). Identity only: everything about the tafel itself
// travels through the document and its ownership gate, not through this API.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readLid, readTafel, ROOT_NAMES, type RootName } from '../src/model';
import { actorForLid } from '../src/model';
import { isChair, type Actor } from '../src/ownership/rulebook';
import { checkToken } from './auth';
import type { RelayContext } from './context';
import { issueInvite, redeemInvite } from './invites';
import { CLOSE } from '../src/protocol/closeCodes';
import { MESSAGES } from './messages';
import { firstChangesAfter, historyOf, stateAsOf } from './fieldHistory';
import { ledenStatus } from './ledenStatus';
import { netwerkRoutes } from './netwerkApi';
import { persoonRoutes, tokensForPersoon } from './persoonApi';
import { unlinkLid } from './personen';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(json);
}

/** Reads a JSON object body of at most maxBytes. */
async function readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'not-json', MESSAGES.notJson);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new HttpError(413, 'body-too-large', MESSAGES.bodyTooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'body-too-large', MESSAGES.bodyTooLarge);
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad-json', MESSAGES.badJson);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'bad-request', `${MESSAGES.badRequest}: verwacht een object.`);
  return parsed as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string, max: number): string {
  const v = body[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > max) {
    throw new HttpError(400, 'bad-request', `${MESSAGES.badRequest}: "${name}" ontbreekt of is ongeldig.`);
  }
  return v;
}

function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m?.[1]) throw new HttpError(401, 'no-token', MESSAGES.noToken);
  return m[1];
}

interface Caller {
  readonly tafelId: string;
  readonly lidId: string;
  readonly tokenHash: string;
  readonly actor: Actor;
}

/** The lid behind the bearer token, still on the tafel's leden list. */
async function authenticate(ctx: RelayContext, req: IncomingMessage): Promise<Caller> {
  const check = await checkToken(ctx.storage, bearer(req), Date.now());
  if (!check.ok) throw new HttpError(401, `token-${check.reason}`, MESSAGES.badToken);
  const actor = await ctx.rooms.withDoc(check.tafelId, (doc) => actorForLid(doc, check.lidId));
  if (!actor) throw new HttpError(401, 'not-a-lid', MESSAGES.noSuchLid);
  return { tafelId: check.tafelId, lidId: check.lidId, tokenHash: check.hash, actor };
}

async function authenticateChair(ctx: RelayContext, req: IncomingMessage, tafelId: string): Promise<Caller> {
  const caller = await authenticate(ctx, req);
  if (caller.tafelId !== tafelId) throw new HttpError(403, 'other-tafel', MESSAGES.notThisTafel);
  if (!isChair(caller.actor)) throw new HttpError(403, 'not-chair', MESSAGES.notChair);
  return caller;
}

/** Any lid of this tafel (history is for every lid, not only the chair). */
async function authenticateLid(ctx: RelayContext, req: IncomingMessage, tafelId: string): Promise<Caller> {
  const caller = await authenticate(ctx, req);
  if (caller.tafelId !== tafelId) throw new HttpError(403, 'other-tafel', MESSAGES.notThisTafel);
  return caller;
}

function historyRoot(url: URL): RootName {
  const root = url.searchParams.get('root') ?? '';
  if (!(ROOT_NAMES as readonly string[]).includes(root)) throw new HttpError(400, 'bad-request', `${MESSAGES.badRequest}: "root" is onbekend.`);
  return root as RootName;
}

function queryInt(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HttpError(400, 'bad-request', `${MESSAGES.badRequest}: "${name}" moet een geheel getal van ${min} tot ${max} zijn.`);
  }
  return n;
}

const ID = '([A-Za-z0-9_-]{1,64})';
const ROUTES: { method: string; pattern: RegExp; handle: (ctx: RelayContext, req: IncomingMessage, url: URL, params: string[]) => Promise<[number, unknown]> }[] = [
  {
    method: 'POST',
    pattern: /^\/api\/invites\/redeem$/,
    async handle(ctx, req) {
      const code = stringField(await readJson(req, ctx.config.limits.maxBodyBytes), 'code', 100);
      const r = await redeemInvite(ctx.storage, code, {
        now: Date.now(),
        tokenTtlMs: ctx.config.tokenTtlMs,
        isLid: async (tafelId, lidId) => (await ctx.rooms.withDoc(tafelId, (doc) => actorForLid(doc, lidId) !== undefined)) === true,
      });
      if (r.ok) {
        ctx.log.info(`invite redeemed: tafel ${r.tafelId} lid ${r.lidId}`);
        // The other tafels of the lid's persoon, each with a token of its own (server/persoonApi.ts).
        const also = await tokensForPersoon(ctx, code, r, Date.now());
        // The tafel's name, so the device can list it before its document is loaded.
        const naam = (await ctx.rooms.withDoc(r.tafelId, (doc) => readTafel(doc).naam)) ?? '';
        return [200, { token: r.token, tafelId: r.tafelId, lidId: r.lidId, naam, also }];
      }
      if (r.reason === 'used') throw new HttpError(410, 'invite-used', MESSAGES.inviteUsed);
      if (r.reason === 'expired') throw new HttpError(410, 'invite-expired', MESSAGES.inviteExpired);
      throw new HttpError(404, 'invite-unknown', MESSAGES.inviteUnknown);
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/me$/,
    async handle(ctx, req) {
      const c = await authenticate(ctx, req);
      return [200, { tafelId: c.tafelId, lidId: c.lidId, partijId: c.actor.partijId, rol: c.actor.rol }];
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/tafels/${ID}/invites$`),
    async handle(ctx, req, _url, [tafelId]) {
      const caller = await authenticateChair(ctx, req, tafelId as string);
      const lidId = stringField(await readJson(req, ctx.config.limits.maxBodyBytes), 'lidId', 64);
      const exists = await ctx.rooms.withDoc(caller.tafelId, (doc) => readLid(doc, lidId) !== undefined);
      if (!exists) throw new HttpError(404, 'no-such-lid', MESSAGES.noSuchLid);
      const invite = await issueInvite(ctx.storage, {
        tafelId: caller.tafelId,
        lidId,
        createdBy: caller.lidId,
        publicUrl: ctx.config.publicUrl,
        ttlMs: ctx.config.inviteTtlMs,
        now: Date.now(),
      });
      return [201, invite];
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/tafels/${ID}/invites$`),
    async handle(ctx, req, _url, [tafelId]) {
      const caller = await authenticateChair(ctx, req, tafelId as string);
      return [200, { invites: await ctx.storage.openInvites(caller.tafelId, Date.now()) }];
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/tafels/${ID}/audit$`),
    async handle(ctx, req, url, [tafelId]) {
      const caller = await authenticateChair(ctx, req, tafelId as string);
      const limit = queryInt(url, 'limit', 100, 1, 1000);
      const before = queryInt(url, 'before', Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER);
      const entries = await ctx.storage.readAudit(caller.tafelId, limit, before);
      return [200, { entries, next: entries.length === limit ? (entries.at(-1)?.id ?? null) : null }];
    },
  },
  {
    // Per-field history (issue 16), for every lid of the tafel: ?root=&entity=[&field=][&limit=]
    method: 'GET',
    pattern: new RegExp(`^/api/tafels/${ID}/history$`),
    async handle(ctx, req, url, [tafelId]) {
      const caller = await authenticateLid(ctx, req, tafelId as string);
      const root = historyRoot(url);
      const entityId = url.searchParams.get('entity') ?? '';
      if (entityId.length > 64) throw new HttpError(400, 'bad-request', MESSAGES.badRequest);
      const field = url.searchParams.get('field') ?? undefined;
      if (field !== undefined && (field.length === 0 || field.length > 100)) throw new HttpError(400, 'bad-request', MESSAGES.badRequest);
      const limit = queryInt(url, 'limit', 200, 1, 1000);
      // What this relay accepted is in the open batch until it commits: wait for it.
      await ctx.storage.batch.settled();
      const entries = await historyOf(ctx.storage.handle, caller.tafelId, { root, entityId, ...(field !== undefined ? { field } : {}), limit });
      return [200, { entries }];
    },
  },
  {
    // The fields of a root as the relay had them at ?at=<epoch ms> (issue 16: the monitor on a date),
    // and each field's first change after it (next): the value a field had then, if the relay kept
    // no change of it before, is that change's from.
    method: 'GET',
    pattern: new RegExp(`^/api/tafels/${ID}/history/as-of$`),
    async handle(ctx, req, url, [tafelId]) {
      const caller = await authenticateLid(ctx, req, tafelId as string);
      const at = queryInt(url, 'at', Date.now(), 0, Number.MAX_SAFE_INTEGER);
      const root = historyRoot(url);
      await ctx.storage.batch.settled();
      const [entries, next] = await Promise.all([stateAsOf(ctx.storage.handle, caller.tafelId, root, at), firstChangesAfter(ctx.storage.handle, caller.tafelId, root, at)]);
      return [200, { at, entries, next }];
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/api/tafels/${ID}/leden/status$`),
    async handle(ctx, req, _url, [tafelId]) {
      const caller = await authenticateChair(ctx, req, tafelId as string);
      await ctx.storage.batch.settled();
      return [200, { leden: await ledenStatus(ctx.storage.handle, caller.tafelId, Date.now()) }];
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/api/tafels/${ID}/leden/${ID}/revoke$`),
    async handle(ctx, req, _url, [tafelId, lidId]) {
      const caller = await authenticateChair(ctx, req, tafelId as string);
      const revoked = await ctx.storage.revokeLid(caller.tafelId, lidId as string, Date.now());
      // A new device of the persoon must not get this tafel back (server/personen.ts).
      await unlinkLid(ctx.storage.handle, { tafelId: caller.tafelId, lidId: lidId as string });
      const closed = ctx.rooms.closeLid(caller.tafelId, lidId as string, CLOSE.revoked, 'token revoked');
      // The relay process holding the tafel, when it is another one, closes them too.
      await ctx.cluster.publish({ type: 'revoked-lid', tafelId: caller.tafelId, lidId: lidId as string });
      ctx.log.info(`tafel ${caller.tafelId}: ${caller.lidId} revoked ${revoked} token(s) of lid ${lidId}`);
      return [200, { revoked, closed }];
    },
  },
  ...netwerkRoutes({ authenticate, authenticateChair, readJson, stringField, error: (status, code, message) => new HttpError(status, code, message) }),
  ...persoonRoutes({ authenticate, authenticateChair, readJson, stringField, error: (status, code, message) => new HttpError(status, code, message) }),
];

/** Handles /api/*; always answers with JSON. */
export async function handleApi(ctx: RelayContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    let pathMatched = false;
    for (const route of ROUTES) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      const [status, body] = await route.handle(ctx, req, url, m.slice(1));
      sendJson(res, status, body);
      return;
    }
    if (pathMatched) throw new HttpError(405, 'method-not-allowed', MESSAGES.methodNotAllowed);
    throw new HttpError(404, 'not-found', MESSAGES.notFound);
  } catch (e) {
    if (e instanceof HttpError) {
      sendJson(res, e.status, { error: e.code, message: e.message });
      return;
    }
    ctx.log.error(`${req.method} ${url.pathname} failed`, e);
    sendJson(res, 500, { error: 'internal', message: MESSAGES.internal });
  }
}
