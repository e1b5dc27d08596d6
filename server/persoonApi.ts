// The relay's HTTP side of personen (server/personen.ts, docs/relay-api.md "Personen"): a device
// that holds tokens of two tafels links their leden as one persoon, and redeeming an invite on a
// new device hands out a token for every other tafel of the persoon, each stored as a device of
// that tafel's lid (so each tafel's chair sees and revokes it there).

import type { IncomingMessage } from 'node:http';
import { actorForLid, readTafel } from '../src/model';
import { checkToken, newToken, normalizeInviteCode, sha256 } from './auth';
import type { RelayContext } from './context';
import type { ApiHelpers, Route } from './netwerkApi';
import { inviteMaker, inviteSpansPersoon, ledenVanPersoon, linkLeden, rememberOwnToken, type LidRef, type PresentedLid } from './personen';

const NL = {
  sameTafel: 'Deze twee inloggen horen bij dezelfde tafel, of u bent op die tafel al als iemand anders gekoppeld.',
  otherToken: 'Uw inlog van de andere tafel werkt niet (meer).',
  notOwn: 'Deze inlog hoort al bij iemand met meer tafels en komt van een uitnodiging van een ander. Vraag de beheerder om de tafels te koppelen, of nodig uzelf uit vanaf een apparaat waarop u al koppelde.',
} as const;

/** A tafel of the persoon, with the token this device gets for it. */
export interface AlsoTafel {
  readonly tafelId: string;
  readonly lidId: string;
  readonly naam: string;
  readonly token: string;
}

/** The lid a device token stands for, while the token works and the lid is on the leden list. */
async function lidOfToken(ctx: RelayContext, token: string, now: number): Promise<PresentedLid | null> {
  const check = await checkToken(ctx.storage, token, now);
  if (!check.ok) return null;
  const isLid = await ctx.rooms.withDoc(check.tafelId, (doc) => actorForLid(doc, check.lidId) !== undefined);
  return isLid ? { tafelId: check.tafelId, lidId: check.lidId, tokenHash: check.hash } : null;
}

/**
 * After an invite was redeemed for `redeemed`: a token for every other tafel of the lid's persoon
 * where the lid still is one, when the invite may span the persoon (server/personen.ts). Each
 * token is an ordinary device token of that tafel's lid.
 */
export async function tokensForPersoon(ctx: RelayContext, rawCode: string, redeemed: LidRef & { readonly token: string }, now: number): Promise<AlsoTafel[]> {
  const handle = ctx.storage.handle;
  if (!inviteSpansPersoon(await inviteMaker(handle, sha256(normalizeInviteCode(rawCode))), redeemed.lidId)) return [];
  await rememberOwnToken(handle, sha256(redeemed.token), redeemed);
  const leden = (await ledenVanPersoon(handle, redeemed)).filter((l) => l.tafelId !== redeemed.tafelId);
  const out: AlsoTafel[] = [];
  for (const lid of leden) {
    const naam = await ctx.rooms.withDoc(lid.tafelId, (doc) => (actorForLid(doc, lid.lidId) ? readTafel(doc).naam || lid.tafelId : null));
    // Removed from that tafel's leden list (or the tafel is gone): that tafel only drops out.
    if (typeof naam !== 'string') continue;
    const token = newToken();
    await ctx.storage.insertToken(sha256(token), lid.tafelId, lid.lidId, now, now + ctx.config.tokenTtlMs);
    await rememberOwnToken(handle, sha256(token), lid);
    out.push({ ...lid, naam, token });
  }
  if (out.length > 0) ctx.log.info(`invite of tafel ${redeemed.tafelId} lid ${redeemed.lidId} also opened ${out.map((t) => t.tafelId).join(', ')} (persoon)`);
  return out;
}

export function persoonRoutes(h: ApiHelpers): Route[] {
  return [
    {
      // "This is also me": the caller's token (Authorization) and the other tafel's token (body)
      // prove the device holds both; their leden become one persoon.
      method: 'POST',
      pattern: /^\/api\/personen\/link$/,
      async handle(ctx: RelayContext, req: IncomingMessage) {
        const caller = await h.authenticate(ctx, req);
        const otherToken = h.stringField(await h.readJson(req, ctx.config.limits.maxBodyBytes), 'token', 200);
        const now = Date.now();
        const other = await lidOfToken(ctx, otherToken, now);
        if (!other) throw h.error(401, 'other-token', NL.otherToken);
        const outcome = await linkLeden(ctx.storage.handle, { tafelId: caller.tafelId, lidId: caller.lidId, tokenHash: caller.tokenHash }, other, now, 'device');
        if (!outcome.ok && outcome.reason === 'same-tafel') throw h.error(409, 'persoon-same-tafel', NL.sameTafel);
        if (!outcome.ok) throw h.error(403, 'persoon-not-own', NL.notOwn);
        ctx.log.info(`persoon ${outcome.persoonId}: tafel ${caller.tafelId} lid ${caller.lidId} linked with tafel ${other.tafelId} lid ${other.lidId} by a device holding both`);
        // Which other tafels the persoon has is not told: the caller proved only these two.
        return [200, { linked: true }];
      },
    },
  ];
}
