// The demo ladder (docs/network.md): next to the demo regional tafel (server/demo.ts) the first
// start seeds the landelijke versnellingstafel with its five landsdeel leden and a second regional
// tafel in another landsdeel that has already escalated a knelpunt and set a half-yearly
// rapportage vastgesteld; all are linked to the landelijke tafel. Every start issues fresh invites
// for their leden, prints the links and writes them to <data>/netwerk-demo-links.json, so one
// machine can run the whole ladder.

import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { actorForLid, escalatieBericht, periodeVan, readLeden, readTafel, type Actor, type Landsdeel } from '../src/model';
import {
  addLid,
  addPartij,
  createProject,
  editTafel,
  escaleer,
  freezePeildatum,
  raiseKnelpunt,
  richText,
  setKoersoordeel,
  setLidLandsdeel,
  setOplevering,
  startRapportage,
  stelRapportageVast,
  vandaag,
} from '../src/operations';
import type { RelayContext } from './context';
import { DEMO_TAFEL_ID } from './demo';
import { issueInvite } from './invites';
import type { NewOutboxMessage } from './outbox';
import { createTafel } from './tafels';
import { rapportageBericht } from './uitgaand';

export const LANDELIJK_DEMO_ID = 'landelijk';
export const OOST_DEMO_ID = 'demo-oost';
export const NETWERK_DEMO_LINKS_FILE = 'netwerk-demo-links.json';

export interface NetwerkDemoLink {
  readonly tafelId: string;
  readonly tafel: string;
  readonly lidId: string;
  readonly naam: string;
  readonly rol: string;
  readonly landsdeel: Landsdeel | null;
  readonly url: string;
  readonly code: string;
}

const LANDSDEEL_LEDEN: readonly { naam: string; landsdeel: Landsdeel; functie: string }[] = [
  { naam: 'Nienke Noord', landsdeel: 'Noord', functie: 'lid voor Friesland, Groningen en Drenthe' },
  { naam: 'Otto Oost', landsdeel: 'Oost/Midden', functie: 'lid voor Utrecht, Gelderland en Overijssel' },
  { naam: 'Wim Noordwest', landsdeel: 'Noordwest', functie: 'lid voor Noord-Holland en Flevoland' },
  { naam: 'Zara Zuidwest', landsdeel: 'Zuidwest', functie: 'lid voor Zuid-Holland en Zeeland' },
  { naam: 'Sam Zuid', landsdeel: 'Zuid', functie: 'lid voor Noord-Brabant en Limburg' },
];

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('netwerk demo seed: missing value');
  return x;
}

function populateLandelijk(doc: Y.Doc, chairLidId: string): void {
  const chair = must(actorForLid(doc, chairLidId));
  const partij = addPartij(doc, chair, { naam: 'Landelijke versnellingstafel', bloedgroep: 'onafhankelijk' });
  for (const l of LANDSDEEL_LEDEN) {
    const id = addLid(doc, chair, { naam: l.naam, partijId: partij, rol: 'lid', functie: l.functie });
    setLidLandsdeel(doc, chair, id, l.landsdeel);
  }
}

/** The second regional tafel, with one knelpunt escalated already and a vastgestelde rapportage (both wait in the outbox). */
function populateOost(doc: Y.Doc, chairLidId: string): { escalatieId: string; rapportageId: string } {
  const chair = must(actorForLid(doc, chairLidId));
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente Oostdorp', bloedgroep: 'overheid' });
  const markt = addPartij(doc, chair, { naam: 'Ontwikkelcombinatie IJsselzicht', bloedgroep: 'markt' });
  const olaf = must(actorForLid(doc, addLid(doc, chair, { naam: 'Olaf Overheid', partijId: gemeente, rol: 'lid', functie: 'wethouder wonen' })));
  const mila = must(actorForLid(doc, addLid(doc, chair, { naam: 'Mila Markt', partijId: markt, rol: 'lid', functie: 'directeur' })));
  const project = createProject(doc, olaf, {
    naam: 'IJsselzicht',
    publiekEigenaar: gemeente,
    privaatEigenaar: markt,
    publiek: { gemeente: 'Oostdorp', planstatus: '2A vastgesteld', woningenSocialeHuur: 90, woningenBetaalbareKoop: 60, woningenVrijeSectorKoop: 50 },
  });
  const knelpunt = raiseKnelpunt(doc, olaf, {
    titel: 'Netcongestie blokkeert IJsselzicht',
    thema: 'energietransitie',
    beschrijving: 'De netbeheerder heeft een wachtlijst tot 2030 voor nieuwe aansluitingen in het hele verzorgingsgebied.',
    projecten: [project],
  });
  const escalatieId = escaleer(doc, chair, {
    knelpuntId: knelpunt,
    niveau: 'landelijke versnellingstafel',
    gevraagd: 'Bemiddeling bij netbeheerder en TenneT over voorrang voor woningbouwlocaties.',
    waarom: 'Het knelpunt speelt in het hele verzorgingsgebied van de netbeheerder; de regio heeft geen zeggenschap over de wachtlijst.',
    gedeeld: 'De regio heeft de locaties al geprioriteerd in de woondeal.',
    projecten: [project],
  });
  return { escalatieId, rapportageId: rapporteer(doc, chair, mila, project) };
}

/** The Oost region has reported already: its landsdeel lid (Otto Oost) sees its koers at the landelijke tafel. */
function rapporteer(doc: Y.Doc, chair: Actor, mila: Actor, project: string): string {
  const jaar = new Date().getFullYear();
  editTafel(doc, chair, { woondealDoelen: { [String(jaar)]: 350, [String(jaar + 1)]: 400, [String(jaar + 2)]: 400 } });
  setOplevering(doc, mila, project, jaar + 1, 90);
  setOplevering(doc, mila, project, jaar + 2, 110);
  const peildatum = freezePeildatum(doc, chair, vandaag());
  const id = startRapportage(doc, chair, { periode: periodeVan(vandaag()), peildatumId: peildatum });
  setKoersoordeel(doc, chair, id, 'niet op koers');
  const schrijf = (veld: 'samenvatting' | 'vragen', tekst: string) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(tekst)]);
    richText(doc, 'rapportages', id, veld)?.insert(0, [p]);
  };
  schrijf('samenvatting', 'Netcongestie houdt IJsselzicht vast; zonder aansluiting haalt de regio de woondeal niet.');
  schrijf('vragen', 'Wij vragen het Rijk om voorrang voor woningbouw op de wachtlijst van de netbeheerder.');
  stelRapportageVast(doc, chair, id);
  return id;
}

/** Seeds the landelijke and the second regional demo tafel, linked, when they do not exist yet. */
export async function seedNetwerkDemo(ctx: RelayContext): Promise<boolean> {
  if (await ctx.storage.tafelExists(LANDELIJK_DEMO_ID)) return false;
  const now = Date.now();
  const env = { publicUrl: ctx.config.publicUrl, inviteTtlMs: ctx.config.inviteTtlMs, createdBy: 'demo', now };
  await createTafel(
    ctx.storage,
    {
      tafelId: LANDELIJK_DEMO_ID,
      naam: 'Landelijke versnellingstafel',
      soort: 'landelijk',
      voorzitter: 'Lotte Landelijk',
      voorzittersPartij: 'Voorzitter landelijke versnellingstafel',
      populate: (doc, chair) => populateLandelijk(doc, chair.lidId),
    },
    env,
  );
  let oost: { escalatieId: string; payload: unknown; rapportage: NewOutboxMessage | null } | undefined;
  await createTafel(
    ctx.storage,
    {
      tafelId: OOST_DEMO_ID,
      naam: 'Versnellingstafel Regio Oostvoorbeeld',
      regio: 'Regio Oostvoorbeeld',
      soort: 'regionaal',
      provincies: ['Gelderland', 'Overijssel'],
      woondealregio: 'Woondeal Regio Oostvoorbeeld',
      voorzitter: 'Olga Oostvoorzitter',
      populate: (doc, chair) => {
        const { escalatieId, rapportageId } = populateOost(doc, chair.lidId);
        oost = {
          escalatieId,
          payload: { bron: { tafelId: OOST_DEMO_ID, tafelNaam: 'Versnellingstafel Regio Oostvoorbeeld', landsdeel: 'Oost/Midden' }, bericht: escalatieBericht(doc, escalatieId) },
          rapportage: rapportageBericht(doc, OOST_DEMO_ID, 'Versnellingstafel Regio Oostvoorbeeld', rapportageId),
        };
      },
    },
    env,
  );
  const { netwerk, outbox, carrier } = ctx.netwerk;
  for (const regionaal of [DEMO_TAFEL_ID, OOST_DEMO_ID]) {
    if (await ctx.storage.tafelExists(regionaal)) await netwerk.linkDirect(regionaal, LANDELIJK_DEMO_ID, now);
  }
  if (oost) {
    await outbox.enqueue(
      { bronTafel: OOST_DEMO_ID, bronSleutel: `escalatie:${oost.escalatieId}`, soort: 'escalatie', doelTafel: null, viaKoppeling: true, payload: oost.payload },
      now,
    );
    if (oost.rapportage) await outbox.enqueue(oost.rapportage, now);
  }
  carrier.kick();
  ctx.log.info('demo network created: landelijke versnellingstafel and Regio Oostvoorbeeld, linked');
  return true;
}

/** Fresh invites for the leden of the demo network's tafels; printed and written to a file. */
export async function issueNetwerkDemoLinks(ctx: RelayContext): Promise<NetwerkDemoLink[]> {
  const links: NetwerkDemoLink[] = [];
  for (const tafelId of [LANDELIJK_DEMO_ID, OOST_DEMO_ID]) {
    if (!(await ctx.storage.tafelExists(tafelId))) continue;
    const found = await ctx.rooms.withDoc(tafelId, (doc) => ({ tafel: readTafel(doc).naam || tafelId, leden: readLeden(doc) }));
    for (const lid of found?.leden ?? []) {
      const invite = await issueInvite(ctx.storage, { tafelId, lidId: lid.id, createdBy: 'demo', publicUrl: ctx.config.publicUrl, ttlMs: ctx.config.inviteTtlMs, now: Date.now() });
      links.push({ tafelId, tafel: found!.tafel, lidId: lid.id, naam: lid.naam, rol: lid.rol, landsdeel: lid.landsdeel, url: invite.url, code: invite.code });
    }
  }
  if (links.length === 0) return [];
  fs.writeFileSync(path.join(ctx.config.dataDir, NETWERK_DEMO_LINKS_FILE), `${JSON.stringify(links, null, 2)}\n`, { mode: 0o600 });
  let tafel = '';
  for (const l of links) {
    if (l.tafel !== tafel) {
      tafel = l.tafel;
      console.log(`\nDemo tafel "${tafel}":`);
    }
    console.log(`  ${l.naam.padEnd(20)} ${(l.landsdeel ?? l.rol).padEnd(26)} ${l.url}`);
  }
  console.log('');
  return links;
}
