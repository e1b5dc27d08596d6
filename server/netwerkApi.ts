// The relay's HTTP API for the network of tafels (docs/relay-api.md, "Network"): a tafel's links
// and, for its chair, the tafels it may ask; asking, accepting and ending a link. Links are the
// relay's business (they decide what may pass between documents), so they are not in any one
// document; their state is mirrored into both documents (root "koppelingen") for the app to show.

import type { IncomingMessage } from 'node:http';
import type { Actor } from '../src/ownership/rulebook';
import type { RelayContext } from './context';
import { NetwerkError, type KoppelingRow, type NetwerkTafel } from './netwerk';

interface Caller {
  readonly tafelId: string;
  readonly lidId: string;
  /** sha256 of the caller's device token (server/persoonApi.ts) */
  readonly tokenHash: string;
  readonly actor: Actor;
}

/** What the API module lends this one (no import cycle). */
export interface ApiHelpers {
  authenticate(ctx: RelayContext, req: IncomingMessage): Promise<Caller>;
  authenticateChair(ctx: RelayContext, req: IncomingMessage, tafelId: string): Promise<Caller>;
  readJson(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>>;
  stringField(body: Record<string, unknown>, name: string, max: number): string;
  error(status: number, code: string, message: string): Error;
}

export type Route = {
  method: string;
  pattern: RegExp;
  handle: (ctx: RelayContext, req: IncomingMessage, url: URL, params: string[]) => Promise<[number, unknown]>;
};

const NL = {
  sameTafel: 'Een tafel kan niet aan zichzelf worden gekoppeld.',
  unknownTafel: 'Deze tafel bestaat niet.',
  exists: 'Deze tafels zijn al gekoppeld, of er loopt al een verzoek.',
  noLink: 'Deze koppeling bestaat niet bij deze tafel.',
  notYours: 'Alleen de voorzitter van de gevraagde tafel kan het verzoek aanvaarden.',
  notAsked: 'Deze koppeling wacht niet op aanvaarding.',
} as const;

async function view(ctx: RelayContext, tafelId: string, l: KoppelingRow) {
  const andereId = l.van === tafelId ? l.naar : l.van;
  const status = l.status === 'gevraagd' ? (l.van === tafelId ? 'verzoek verstuurd' : 'verzoek ontvangen') : l.status;
  return { id: l.id, andere: await ctx.netwerk.netwerk.tafel(andereId), status, sinds: l.gewijzigdOp };
}

function mapError(h: ApiHelpers, e: unknown): never {
  if (e instanceof NetwerkError) {
    const [status, message] = {
      'same-tafel': [400, NL.sameTafel],
      'unknown-tafel': [404, NL.unknownTafel],
      exists: [409, NL.exists],
      'no-link': [404, NL.noLink],
      'not-yours': [403, NL.notYours],
      'not-asked': [409, NL.notAsked],
    }[e.code] as [number, string];
    throw h.error(status, e.code, message);
  }
  throw e;
}

export function netwerkRoutes(h: ApiHelpers): Route[] {
  const ID = '([A-Za-z0-9_-]{1,64})';
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^/api/tafels/${ID}/netwerk$`),
      async handle(ctx, req, _url, [tafelId]) {
        const caller = await h.authenticate(ctx, req);
        if (caller.tafelId !== tafelId) throw h.error(403, 'other-tafel', 'Je inlog hoort bij een andere tafel.');
        const { netwerk } = ctx.netwerk;
        const links = await netwerk.links(caller.tafelId);
        const open = new Set(links.filter((l) => l.status !== 'beeindigd').flatMap((l) => [l.van, l.naar]));
        const isChair = caller.actor.rol === 'voorzitter' || caller.actor.rol === 'secretaris';
        // Only a chair asks for links, so only a chair sees which tafels exist.
        const tafels: NetwerkTafel[] = isChair ? (await netwerk.tafels()).filter((t) => t.tafelId !== caller.tafelId && !open.has(t.tafelId)) : [];
        return [200, { tafel: await netwerk.tafel(caller.tafelId), koppelingen: await Promise.all(links.map((l) => view(ctx, caller.tafelId, l))), tafels }];
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/tafels/${ID}/koppelingen$`),
      async handle(ctx, req, _url, [tafelId]) {
        const caller = await h.authenticateChair(ctx, req, tafelId as string);
        const met = h.stringField(await h.readJson(req, ctx.config.limits.maxBodyBytes), 'met', 64);
        try {
          const l = await ctx.netwerk.netwerk.ask(caller.tafelId, met, caller.lidId, Date.now());
          ctx.netwerk.carrier.kick();
          ctx.log.info(`tafel ${caller.tafelId} asks ${met} for a link`);
          return [201, await view(ctx, caller.tafelId, l)];
        } catch (e) {
          mapError(h, e);
        }
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/api/tafels/${ID}/koppelingen/${ID}/(aanvaarden|beeindigen)$`),
      async handle(ctx, req, _url, [tafelId, id, actie]) {
        const caller = await h.authenticateChair(ctx, req, tafelId as string);
        try {
          const now = Date.now();
          const l = await (actie === 'aanvaarden'
            ? ctx.netwerk.netwerk.accept(id as string, caller.tafelId, now)
            : ctx.netwerk.netwerk.end(id as string, caller.tafelId, caller.lidId, now));
          ctx.netwerk.carrier.kick();
          ctx.log.info(`tafel ${caller.tafelId}: link ${id} ${actie === 'aanvaarden' ? 'accepted' : 'ended'}`);
          return [200, await view(ctx, caller.tafelId, l)];
        } catch (e) {
          mapError(h, e);
        }
      },
    },
  ];
}
