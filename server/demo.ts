// The demo tafel "Versnellingstafel Regio Voorbeeld": seeded on the first start (AAN_TAFEL_DEMO on),
// written through the model's operations as the leden themselves, so every value carries the
// provenance it would have in real use (the gemeente filled in the public part, the developers
// the private part). At every start fresh single-use invites are issued for the demo leden and
// their login links printed and written to <data>/demo-links.json.

import fs from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import {
  readLeden,
  readPartij,
  type Bouwstatus,
  type FinancieleHaalbaarheid,
  type Planstatus,
  type Woningtype,
} from '../src/model';
import { actorForLid } from '../src/model';
import {
  addLid,
  addPartij,
  createProject,
  editTafel,
  ordenAgenda,
  planVergadering,
  proposeAgendapunt,
  raiseKnelpunt,
  recordAfspraak,
  setOplevering,
  setPrivaatEigenaar,
  setProjectFields,
} from '../src/operations';
import type { Actor } from '../src/ownership/rulebook';
import type { RelayContext } from './context';
import { issueInvite } from './invites';
import { createTafel } from './tafels';

export const DEMO_TAFEL_ID = 'demo';
export const DEMO_LINKS_FILE = 'demo-links.json';

export interface DemoLink {
  readonly lidId: string;
  readonly naam: string;
  readonly partij: string;
  readonly rol: string;
  readonly url: string;
  readonly code: string;
}

interface DemoProject {
  readonly naam: string;
  readonly locatie: string;
  readonly planstatus: Planstatus;
  readonly omgevingsvergunning: 'niet aangevraagd' | 'aangevraagd' | 'verleend' | 'onherroepelijk';
  /** sociale huur, middenhuur, betaalbare koop, vrije sector huur, vrije sector koop */
  readonly woningen: readonly [number, number, number, number, number];
  readonly woningtype: Woningtype;
  readonly novex?: boolean;
  readonly ontwikkelaar: 'corporatie' | 'markt' | null;
  readonly startBouw?: string;
  readonly financieleHaalbaarheid?: FinancieleHaalbaarheid;
  readonly bouwstatus?: Bouwstatus;
  readonly opleveringen?: Readonly<Record<number, number>>;
}

const PROJECTEN: readonly DemoProject[] = [
  { naam: 'Stationskwartier Oost', locatie: 'Stationsgebied', planstatus: 'onherroepelijk', omgevingsvergunning: 'verleend', woningen: [120, 80, 40, 30, 30], woningtype: 'meergezins', novex: true, ontwikkelaar: 'markt', startBouw: '2026-Q1', financieleHaalbaarheid: 'haalbaar', bouwstatus: 'in aanbouw', opleveringen: { 2027: 150, 2028: 150 } },
  { naam: 'De Kade', locatie: 'Havenkwartier', planstatus: 'vastgesteld', omgevingsvergunning: 'aangevraagd', woningen: [60, 40, 20, 0, 40], woningtype: 'meergezins', ontwikkelaar: 'markt', startBouw: '2026-Q4', financieleHaalbaarheid: 'onrendabele top', bouwstatus: 'voorbereiding', opleveringen: { 2028: 80, 2029: 80 } },
  { naam: 'Weidevogelhof', locatie: 'Noordrand', planstatus: 'ontwerp ter inzage', omgevingsvergunning: 'niet aangevraagd', woningen: [45, 15, 30, 0, 60], woningtype: 'eengezins', ontwikkelaar: 'markt', startBouw: '2027-Q2', financieleHaalbaarheid: 'onzeker', bouwstatus: 'voorbereiding', opleveringen: { 2028: 70, 2029: 80 } },
  { naam: 'Kerkplein-Zuid', locatie: 'Centrum', planstatus: 'onherroepelijk', omgevingsvergunning: 'onherroepelijk', woningen: [36, 12, 0, 0, 0], woningtype: 'meergezins', ontwikkelaar: 'corporatie', startBouw: '2025-Q3', financieleHaalbaarheid: 'haalbaar', bouwstatus: 'in aanbouw', opleveringen: { 2026: 48 } },
  { naam: 'Groene Loper fase 2', locatie: 'Oosterpark', planstatus: 'vastgesteld', omgevingsvergunning: 'verleend', woningen: [80, 30, 20, 0, 0], woningtype: 'gemengd', ontwikkelaar: 'corporatie', startBouw: '2026-Q2', financieleHaalbaarheid: 'haalbaar', bouwstatus: 'voorbereiding', opleveringen: { 2027: 60, 2028: 70 } },
  { naam: 'Oude Veiling', locatie: 'Veilingterrein', planstatus: 'in voorbereiding', omgevingsvergunning: 'niet aangevraagd', woningen: [100, 90, 60, 40, 60], woningtype: 'gemengd', novex: true, ontwikkelaar: 'markt', startBouw: '2028-Q1', financieleHaalbaarheid: 'onzeker', opleveringen: { 2029: 150, 2030: 200 } },
  { naam: 'Schoolstraat (voormalige basisschool)', locatie: 'Dorpskern Westerveld', planstatus: 'ontwerp ter inzage', omgevingsvergunning: 'niet aangevraagd', woningen: [24, 0, 8, 0, 0], woningtype: 'meergezins', ontwikkelaar: 'corporatie', startBouw: '2027-Q1', financieleHaalbaarheid: 'onrendabele top', opleveringen: { 2028: 32 } },
  { naam: 'Molenwijk transformatie kantoren', locatie: 'Molenwijk', planstatus: 'vastgesteld', omgevingsvergunning: 'aangevraagd', woningen: [0, 110, 0, 50, 0], woningtype: 'meergezins', ontwikkelaar: 'markt', startBouw: '2026-Q3', financieleHaalbaarheid: 'haalbaar', bouwstatus: 'voorbereiding', opleveringen: { 2027: 160 } },
  { naam: 'Tuinen van Voorbeeld', locatie: 'Zuidrand', planstatus: 'visie/potentie', omgevingsvergunning: 'niet aangevraagd', woningen: [150, 100, 100, 50, 200], woningtype: 'gemengd', ontwikkelaar: null },
  { naam: 'Sportpark Noord herontwikkeling', locatie: 'Sportpark Noord', planstatus: 'visie/potentie', omgevingsvergunning: 'niet aangevraagd', woningen: [60, 40, 40, 0, 60], woningtype: 'eengezins', ontwikkelaar: null },
  { naam: 'Flexwonen Spoorzone', locatie: 'Spoorzone', planstatus: 'onherroepelijk', omgevingsvergunning: 'verleend', woningen: [64, 0, 0, 0, 0], woningtype: 'meergezins', ontwikkelaar: 'corporatie', startBouw: '2026-Q1', financieleHaalbaarheid: 'haalbaar', bouwstatus: 'in aanbouw', opleveringen: { 2026: 64 } },
  { naam: 'Havenfront blok C', locatie: 'Havenkwartier', planstatus: 'in voorbereiding', omgevingsvergunning: 'niet aangevraagd', woningen: [0, 40, 30, 40, 90], woningtype: 'meergezins', ontwikkelaar: 'markt', startBouw: '2027-Q4', financieleHaalbaarheid: 'onrendabele top', opleveringen: { 2029: 100, 2030: 100 } },
];

/** An ISO date `days` from now (the upcoming meeting and deadlines stay in the future). */
function isoIn(days: number, now: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

function must(actor: Actor | undefined): Actor {
  if (!actor) throw new Error('demo seed: lid without actor');
  return actor;
}

function populate(doc: Y.Doc, chairLidId: string, now: number): void {
  const vera = must(actorForLid(doc, chairLidId));
  editTafel(doc, vera, {
    regio: 'Regio Voorbeeld',
    woondealDoelen: { 2026: 700, 2027: 800, 2028: 900, 2029: 900, 2030: 900 },
  });
  const gemeente = addPartij(doc, vera, { naam: 'Gemeente Voorbeeldstad', bloedgroep: 'overheid' });
  const corporatie = addPartij(doc, vera, { naam: 'Woonstichting Thuis', bloedgroep: 'corporatie' });
  const markt = addPartij(doc, vera, { naam: 'Bouwbedrijf Horizon', bloedgroep: 'markt' });
  const gert = must(actorForLid(doc, addLid(doc, vera, { naam: 'Gert Gemeente', partijId: gemeente, rol: 'lid', functie: 'projectleider wonen' })));
  const carla = must(actorForLid(doc, addLid(doc, vera, { naam: 'Carla Corporatie', partijId: corporatie, rol: 'lid', functie: 'manager vastgoedontwikkeling' })));
  const dirk = must(actorForLid(doc, addLid(doc, vera, { naam: 'Dirk Ontwikkelaar', partijId: markt, rol: 'lid', functie: 'ontwikkelingsmanager' })));

  const ids: string[] = [];
  for (const p of PROJECTEN) {
    const [sh, mh, bk, vh, vk] = p.woningen;
    const id = createProject(doc, gert, {
      naam: p.naam,
      publiekEigenaar: gemeente,
      publiek: {
        gemeente: 'Voorbeeldstad',
        locatie: p.locatie,
        planstatus: p.planstatus,
        omgevingsvergunning: p.omgevingsvergunning,
        novex: p.novex ?? false,
        woningenSocialeHuur: sh,
        woningenMiddenhuur: mh,
        woningenBetaalbareKoop: bk,
        woningenVrijeSectorHuur: vh,
        woningenVrijeSectorKoop: vk,
        woningtype: p.woningtype,
      },
    });
    ids.push(id);
    if (p.ontwikkelaar === null) continue;
    setPrivaatEigenaar(doc, gert, id, p.ontwikkelaar === 'corporatie' ? corporatie : markt);
    const dev = p.ontwikkelaar === 'corporatie' ? carla : dirk;
    setProjectFields(doc, dev, id, {
      startBouw: p.startBouw ?? null,
      financieleHaalbaarheid: p.financieleHaalbaarheid ?? null,
      bouwstatus: p.bouwstatus ?? null,
    });
    for (const [jaar, n] of Object.entries(p.opleveringen ?? {})) setOplevering(doc, dev, id, Number(jaar), n);
  }
  const project = (naam: string): string => ids[PROJECTEN.findIndex((p) => p.naam === naam)] as string;

  const netcongestie = raiseKnelpunt(doc, dirk, {
    titel: 'Geen netaansluiting voor De Kade voor 2029',
    thema: 'energietransitie',
    beschrijving: 'De netbeheerder kan de aansluiting niet eerder leveren dan 2029; oplevering in 2028 komt in gevaar.',
    projecten: [project('De Kade'), project('Havenfront blok C')],
  });
  raiseKnelpunt(doc, gert, {
    titel: 'Stikstofdepositie Weidevogelhof',
    thema: 'stikstof',
    beschrijving: 'De AERIUS-berekening voor de bouwfase overschrijdt de drempel bij het nabijgelegen Natura 2000-gebied.',
    projecten: [project('Weidevogelhof')],
  });
  const onrendabel = raiseKnelpunt(doc, carla, {
    titel: 'Onrendabele top sociale huur Schoolstraat',
    thema: 'rendement',
    beschrijving: 'Door gestegen bouwkosten is de onrendabele top per sociale huurwoning ruim boven de begroting.',
    projecten: [project('Schoolstraat (voormalige basisschool)')],
  });
  raiseKnelpunt(doc, gert, {
    titel: 'Te weinig capaciteit voor vergunningverlening',
    thema: 'capaciteit',
    beschrijving: 'De afdeling vergunningen heeft vier vacatures; doorlooptijden lopen op tot 26 weken.',
    projecten: [project('De Kade'), project('Molenwijk transformatie kantoren')],
  });

  const vergadering = planVergadering(doc, vera, { titel: 'Versnellingstafel Q-overleg', datum: isoIn(14, now), locatie: 'Stadhuis Voorbeeldstad, zaal 2' });
  const punt1 = proposeAgendapunt(doc, gert, { vergaderingId: vergadering, titel: 'Stand planmonitor en verwachte productie', projecten: [] });
  const punt2 = proposeAgendapunt(doc, carla, { vergaderingId: vergadering, titel: 'Netcongestie en onrendabele top: gezamenlijke aanpak', knelpunten: [netcongestie, onrendabel] });
  ordenAgenda(doc, vera, vergadering, [punt1, punt2]);

  recordAfspraak(doc, vera, {
    wat: 'Gesprek met de netbeheerder organiseren over voorrang voor woningbouwlocaties',
    partijId: gemeente,
    deadline: isoIn(30, now),
    knelpuntId: netcongestie,
  });
  recordAfspraak(doc, vera, {
    wat: 'Doorrekening onrendabele top Schoolstraat delen met de tafel',
    partijId: corporatie,
    deadline: isoIn(21, now),
    knelpuntId: onrendabel,
  });
}

/** Seeds the demo tafel when it does not exist yet; true when it did so. */
export async function seedDemo(ctx: RelayContext): Promise<boolean> {
  if (await ctx.storage.tafelExists(DEMO_TAFEL_ID)) return false;
  const now = Date.now();
  await createTafel(
    ctx.storage,
    {
      tafelId: DEMO_TAFEL_ID,
      naam: 'Versnellingstafel Regio Voorbeeld',
      regio: 'Regio Voorbeeld',
      voorzitter: 'Vera Voorzitter',
      voorzittersPartij: 'Onafhankelijk voorzitter',
      populate: (doc, chair) => populate(doc, chair.lidId, now),
    },
    { publicUrl: ctx.config.publicUrl, inviteTtlMs: ctx.config.inviteTtlMs, createdBy: 'demo', now },
  );
  ctx.log.info(`demo tafel "${DEMO_TAFEL_ID}" created`);
  return true;
}

/** Issues a fresh invite per demo lid, prints the links and writes them to demo-links.json. */
export async function issueDemoLinks(ctx: RelayContext): Promise<DemoLink[]> {
  const { config } = ctx;
  if (!(await ctx.storage.tafelExists(DEMO_TAFEL_ID))) return [];
  const leden = await ctx.rooms.withDoc(DEMO_TAFEL_ID, (doc) =>
    readLeden(doc).map((lid) => ({ lid, partij: readPartij(doc, lid.partijId)?.naam ?? '' })),
  );
  if (!leden) return [];
  const links: DemoLink[] = [];
  for (const { lid, partij } of leden) {
    const invite = await issueInvite(ctx.storage, {
      tafelId: DEMO_TAFEL_ID,
      lidId: lid.id,
      createdBy: 'demo',
      publicUrl: config.publicUrl,
      ttlMs: config.inviteTtlMs,
      now: Date.now(),
    });
    links.push({ lidId: lid.id, naam: lid.naam, partij, rol: lid.rol, url: invite.url, code: invite.code });
  }
  fs.writeFileSync(path.join(config.dataDir, DEMO_LINKS_FILE), `${JSON.stringify(links, null, 2)}\n`, { mode: 0o600 });
  console.log('\nDemo tafel "Versnellingstafel Regio Voorbeeld": open een link per browser (elke link werkt één keer):');
  for (const l of links) console.log(`  ${l.naam.padEnd(18)} ${l.partij.padEnd(26)} ${l.url}`);
  console.log('');
  return links;
}
