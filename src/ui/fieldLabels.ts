// One Dutch label per field of the document schema, used by every screen that names a field (form
// labels, column headers, the project's history) and by the conflict inbox, so a field is called
// the same everywhere. The key type is derived from src/model/schema.ts: a schema field without a
// label here, or a label for a field the schema does not have, fails `npx tsc`.
//
// The UI's other text lives in strings.ts; field labels live here because their shape follows the
// schema, root by root (the same key, e.g. `status`, means something else in each root).

import type { RootName, SCHEMA } from '../model/schema';
import { AANWEZIGHEID_PREFIX, IMPORT_KOPPELING_PREFIX, OPLEVERING_PREFIX, PLANNING_PREFIX, REACTIE_PREFIX } from '../model/schema';
import { EXTERN_PREFIX } from '../model/netwerkSchema';

type Schema = typeof SCHEMA;

/** The roots whose entries have named fields: every entity root and the tafel settings. */
export type LabelledRoot = { [R in RootName]: Schema[R] extends { readonly fields: object } ? R : never }[RootName];

/** The names of the fields of one root, as the schema declares them. */
export type FieldName<R extends LabelledRoot> = Schema[R] extends { readonly fields: infer F } ? keyof F & string : never;

/** One label for every field of every labelled root: nothing missing, nothing extra. */
export type FieldLabels = { readonly [R in LabelledRoot]: { readonly [K in FieldName<R>]: string } };

export const FIELD_LABELS = {
  tafel: {
    schemaVersion: 'Versie van het documentschema',
    naam: 'Naam van de tafel',
    regio: 'Regio',
    woondealDoelen: 'Woondeal: doelen per jaar',
    realisatiekansen: 'Realisatiekans per planstatus',
    prijsgrenzen: 'Prijsgrenzen per jaar',
    rodeDraadDrempel: 'Drempel voor een rode draad',
    soort: 'Soort tafel',
    provincies: 'Provincies',
    woondealregio: 'Woondealregio',
    bovenTafel: 'Regionale tafel erboven',
    landelijkeRodeDraadDrempel: 'Rode draad vanaf dit aantal regio’s',
  },
  partijen: {
    naam: 'Naam van de partij',
    bloedgroep: 'Bloedgroep',
  },
  leden: {
    naam: 'Naam',
    partijId: 'Partij',
    rol: 'Rol',
    functie: 'Functie',
    landsdeel: 'Landsdeel',
  },
  projecten: {
    publiekEigenaar: 'Publieke eigenaar (gemeente)',
    privaatEigenaar: 'Private eigenaar (ontwikkelaar of corporatie)',
    naam: 'Naam',
    gemeente: 'Gemeente',
    locatie: 'Wijk of locatie',
    planstatus: 'Planstatus',
    omgevingsvergunning: 'Omgevingsvergunning',
    novex: 'NOVEX-gebied',
    woningenSocialeHuur: 'Sociale huur',
    woningenMiddenhuur: 'Middenhuur',
    woningenBetaalbareKoop: 'Betaalbare koop',
    woningenVrijeSectorHuur: 'Vrije sector huur',
    woningenVrijeSectorKoop: 'Vrije sector koop',
    woningtype: 'Woningtype',
    publiekeBelemmeringen: 'Publieke belemmeringen',
    publiekeOpmerkingen: 'Opmerkingen (publiek)',
    projectfase: 'Projectfase',
    plantype: 'Plantype',
    knelpunten: 'Knelpunten (monitor)',
    realisatiekans: 'Realisatiekans van dit project',
    sleutelproject: 'Sleutelproject',
    vertrouwelijkheid: 'Mag buiten de tafel gedeeld worden met',
    cbsGemeentecode: 'CBS-gemeentecode',
    externeIds: 'Id’s in andere systemen',
    contour: 'Contour op de kaart',
    bronwaarden: 'Oorspronkelijke waarden',
    startBouw: 'Start bouw',
    startVerkoop: 'Start verkoop of verhuur',
    financieleHaalbaarheid: 'Financiële haalbaarheid',
    bouwstatus: 'Bouwstatus',
    privateBelemmeringen: 'Private belemmeringen',
    privateOpmerkingen: 'Opmerkingen (privaat)',
  },
  knelpunten: {
    ingediendDoor: 'Gemeld door',
    titel: 'Titel',
    beschrijving: 'Beschrijving',
    thema: 'Thema',
    projecten: 'Projecten',
    status: 'Status',
    escalatie: 'Escalatieniveau',
  },
  vergaderingen: {
    titel: 'Titel',
    datum: 'Datum',
    locatie: 'Locatie',
    status: 'Status',
    agendaVolgorde: 'Volgorde van de agenda',
    agendaVastgesteld: 'Agenda vastgesteld',
    notulen: 'Notulen',
    startTijd: 'Begintijd',
    eindTijd: 'Eindtijd',
    vorigeNotulen: 'Notulen vorige vergadering',
  },
  agendapunten: {
    vergaderingId: 'Vergadering',
    voorgesteldDoor: 'Voorgesteld door',
    titel: 'Titel van het agendapunt',
    knelpunten: 'Knelpunten',
    projecten: 'Projecten',
    escalaties: 'Escalaties',
    toelichting: 'Toelichting',
  },
  afspraken: {
    wat: 'Afspraak',
    partijId: 'Partij',
    deadline: 'Deadline',
    vergaderingId: 'Vergadering',
    knelpuntId: 'Knelpunt',
    escalatieId: 'Escalatie',
    status: 'Status',
    voortgang: 'Voortgang',
  },
  koppelingen: {
    andereTafelId: 'Id van de andere tafel',
    andereNaam: 'Tafel',
    andereSoort: 'Soort tafel',
    andereLandsdeel: 'Landsdeel',
    status: 'Status',
    sinds: 'Sinds',
  },
  escalaties: {
    knelpuntId: 'Knelpunt',
    niveau: 'Naar',
    gevraagd: 'Gevraagd',
    waarom: 'Waarom de regio het niet zelf kan',
    gedeeld: 'Gedeeld',
    projecten: 'Projecten (openbaar deel)',
    handmatigeStatus: 'Status (bijgehouden door de voorzitter)',
    afsluiting: 'Uitkomst',
    bezorging: 'Bezorging',
    terugmelding: 'Antwoord van de landelijke tafel',
    koppelingBeeindigd: 'Koppeling beëindigd',
  },
  ontvangenEscalaties: {
    bron: 'Regio',
    knelpunt: 'Het verzoek',
    gevraagd: 'Gevraagd',
    waarom: 'Waarom de regio het niet zelf kan',
    gedeeld: 'Gedeeld',
    projecten: 'Projecten (openbaar deel)',
    ontvangenOp: 'Ontvangen',
    afsluiting: 'Uitkomst',
    koppelingBeeindigd: 'Koppeling beëindigd',
    status: 'Status',
    antwoord: 'Antwoord (samen te bewerken)',
  },
  ontvangenRapportages: {
    bron: 'Regio',
    samenvatting: 'Samenvatting van de halfjaarrapportage',
    ontvangenOp: 'Ontvangen',
    koppelingBeeindigd: 'Koppeling beëindigd',
  },
  besluiten: {
    vergaderingId: 'Vergadering',
    agendapuntId: 'Bij agendapunt',
    tekst: 'Besluit',
  },
  rapportages: {
    periode: 'Periode',
    peildatumId: 'Peildatum',
    cijfers: 'Cijfers',
    status: 'Status',
    vastgesteldOp: 'Vastgesteld op',
    kernteam: 'Kernteam (schrijft mee)',
    koersoordeel: 'Koersoordeel',
    bezorging: 'Bezorging',
    samenvatting: 'Samenvatting en koersoordeel',
    productie: 'Productie, betaalbaarheid en plancapaciteit',
    slippage: 'Verschuiving sinds de vorige rapportage',
    knelpunten: 'Knelpunten en escalaties',
    besluiten: 'Besluiten en afspraken',
    ontsloten: 'Wat de tafel heeft losgetrokken',
    vragen: 'Vragen aan de woondealpartijen',
  },
} as const satisfies FieldLabels;

/** The label of one schema field. */
export function fieldLabel<R extends LabelledRoot>(root: R, key: FieldName<R>): string {
  return (FIELD_LABELS[root] as Readonly<Record<string, string>>)[key]!;
}

/** Keys made of a prefix and a variable part (schema "dynamic" fields): their label from the part. */
const DYNAMIC_LABELS: readonly (readonly [prefix: string, label: (rest: string) => string])[] = [
  [OPLEVERING_PREFIX, (jaar) => `Oplevering ${jaar}`],
  [PLANNING_PREFIX, (jaar) => `Planning ${jaar}`],
  [REACTIE_PREFIX, () => 'Reactie'],
  [EXTERN_PREFIX, () => 'Bericht van de andere tafel'],
  [AANWEZIGHEID_PREFIX, () => 'Aanwezigheid'],
  [IMPORT_KOPPELING_PREFIX, () => 'Kolomkoppeling voor import'],
];

/**
 * The label of whatever key a document path names, for the places that get keys at run time (the
 * conflict inbox, the field history): a schema field's label, a dynamic key's, else the key itself.
 */
export function labelOfPath(root: RootName, key: string): string {
  const labels = (FIELD_LABELS as Partial<Record<RootName, Readonly<Record<string, string>>>>)[root];
  if (labels && Object.prototype.hasOwnProperty.call(labels, key)) return labels[key]!;
  for (const [prefix, label] of DYNAMIC_LABELS) if (key.startsWith(prefix)) return label(key.slice(prefix.length));
  return key;
}
