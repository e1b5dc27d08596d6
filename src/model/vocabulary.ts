// The closed lists of the domain (see docs/domain.md). Values are stored exactly as written
// here, so the document reads as Dutch and the relay can check every value against these lists.

export const BLOEDGROEPEN = ['overheid', 'corporatie', 'markt', 'onafhankelijk', 'adviseur'] as const;
export type Bloedgroep = (typeof BLOEDGROEPEN)[number];

/** Roles of a lid. voorzitter and secretaris run the tafel; gast only reads. */
export const ROLLEN = ['voorzitter', 'secretaris', 'lid', 'gast'] as const;
export type Rol = (typeof ROLLEN)[number];

/**
 * Planologische hardheid in the national vocabulary the provincial monitors and VNG's DIWI share
 * (../shared/domain.md, "The monitors tables already keep"), hardest first.
 */
export const PLANSTATUSSEN = [
  '1A onherroepelijk',
  '1B onherroepelijk, uitwerkingsplicht',
  '1C onherroepelijk, wijzigingsbevoegdheid',
  '2A vastgesteld',
  '2B vastgesteld, uitwerkingsplicht',
  '2C vastgesteld, wijzigingsbevoegdheid',
  '3 in voorbereiding',
  '4A visie',
  '4B idee/optie',
  '5A ambtelijk met locatie',
  '5B ambtelijk zonder locatie',
] as const;
export type Planstatus = (typeof PLANSTATUSSEN)[number];
/** Harde plancapaciteit: the 1x (onherroepelijk) and 2x (vastgesteld) statuses; all others are zacht. */
export const HARDE_PLANSTATUSSEN: readonly Planstatus[] = PLANSTATUSSEN.filter((s) => s.startsWith('1') || s.startsWith('2'));
export type Hardheid = 'hard' | 'zacht';
/** Hard or zacht plancapaciteit, derived from the planstatus; a plan without one counts as zacht. */
export function hardheid(status: Planstatus | null): Hardheid {
  return status !== null && HARDE_PLANSTATUSSEN.includes(status) ? 'hard' : 'zacht';
}
/** The status a project without one is treated as: a plan nobody classified is at best an idea. */
export const ZACHTSTE_PLANSTATUS: Planstatus = '4B idee/optie';

/** The planstatus list of schema version 1 (kept to migrate and to recognise old clients). */
export const PLANSTATUSSEN_V1 = ['visie/potentie', 'in voorbereiding', 'ontwerp ter inzage', 'vastgesteld', 'onherroepelijk'] as const;
export type PlanstatusV1 = (typeof PLANSTATUSSEN_V1)[number];
/**
 * How a version 1 planstatus maps onto the national list (docs/vocabulary-mapping.md). The national
 * list has no "ontwerp ter inzage": a plan whose ontwerp is ter inzage is still in voorbereiding.
 */
export const PLANSTATUS_V1_NAAR_V2: Readonly<Record<PlanstatusV1, Planstatus>> = {
  'visie/potentie': '4A visie',
  'in voorbereiding': '3 in voorbereiding',
  'ontwerp ter inzage': '3 in voorbereiding',
  vastgesteld: '2A vastgesteld',
  onherroepelijk: '1A onherroepelijk',
};

/** Projectfase, separate from the planstatus: where the project itself stands. */
export const PROJECTFASEN = ['studie/initiatief', 'definitie', 'ontwerp', 'voorbereiding', 'realisatie', 'nazorg', 'afgerond'] as const;
export type Projectfase = (typeof PROJECTFASEN)[number];

export const PLANTYPES = [
  'pand transformatie',
  'transformatiegebied',
  'herstructurering',
  'verdichting',
  'uitbreiding uitleg',
  'uitbreiding overig',
] as const;
export type Plantype = (typeof PLANTYPES)[number];

/** The monitors' knelpunten of a plan (multi-select), distinct from the tafel's knelpunten register. */
export const PROJECT_KNELPUNTEN = [
  'netcongestie / nutsvoorzieningen',
  'stikstof',
  'onrendabele top',
  'parkeren',
  'bereikbaarheid',
  'capaciteit overheid',
  'capaciteit bouwsector',
  'geluidhinder',
  'maatschappelijk draagvlak',
  'natuurbescherming',
  'vervuilde grond',
  'procedures (bezwaar/beroep)',
  'anders',
] as const;
export type ProjectKnelpunt = (typeof PROJECT_KNELPUNTEN)[number];

/** The widest audience a project's data may reach outside the tafel; everyone at the tafel sees all. */
export const VERTROUWELIJKHEDEN = ['gemeente', 'regio', 'provincie', 'openbaar'] as const;
export type Vertrouwelijkheid = (typeof VERTROUWELIJKHEDEN)[number];
/** A project nobody classified stays inside: only what is explicitly cleared leaves the tafel. */
export const STANDAARD_VERTROUWELIJKHEID: Vertrouwelijkheid = 'gemeente';

/** Woningtypes of the planning grid (the monitors' columns). */
export const GRID_WONINGTYPES = ['eengezins', 'meergezins', 'onbekend'] as const;
export type GridWoningtype = (typeof GRID_WONINGTYPES)[number];
/** Price categories of the planning grid; their euro boundaries change per year (tafel settings). */
export const PRIJSCATEGORIEEN = ['huur1', 'huur2', 'huur3', 'huur4', 'huur_onb', 'koop1', 'koop2', 'koop3', 'koop4', 'koop_onb', 'onbekend'] as const;
export type Prijscategorie = (typeof PRIJSCATEGORIEEN)[number];
/** Which segment a price category counts as (the domain guide's rough mapping); null: not attributable. */
export const PRIJSCATEGORIE_SEGMENT: Readonly<Record<Prijscategorie, Segment | null>> = {
  huur1: 'sociale huur',
  huur2: 'sociale huur',
  huur3: 'middenhuur',
  huur4: 'vrije sector huur',
  huur_onb: null,
  koop1: 'betaalbare koop',
  koop2: 'betaalbare koop',
  koop3: 'vrije sector koop',
  koop4: 'vrije sector koop',
  koop_onb: null,
  onbekend: null,
};

/** Price category boundaries of one year in euro: koop in sale price, huur in monthly rent. */
export interface Prijsgrenzen {
  /** upper bounds of koop1, koop2, koop3 (koop4 is everything above) */
  readonly koop: readonly [number, number, number];
  /** upper bounds of huur1, huur2, huur3 (huur4 is everything above) */
  readonly huur: readonly [number, number, number];
}
/**
 * Defaults from the domain guide; a year without its own boundaries uses the latest earlier year.
 * The guide gives no huur boundaries for 2023, so 2023 carries 2024's until the chair sets them.
 */
export const DEFAULT_PRIJSGRENZEN: Readonly<Record<string, Prijsgrenzen>> = {
  '2023': { koop: [250_000, 350_000, 450_000], huur: [698, 880, 1124] },
  '2024': { koop: [290_000, 390_000, 490_000], huur: [698, 880, 1124] },
};

export const OMGEVINGSVERGUNNING = ['niet aangevraagd', 'aangevraagd', 'verleend', 'onherroepelijk'] as const;
export type Omgevingsvergunning = (typeof OMGEVINGSVERGUNNING)[number];

export const SEGMENTEN = [
  'sociale huur',
  'middenhuur',
  'betaalbare koop',
  'vrije sector huur',
  'vrije sector koop',
] as const;
export type Segment = (typeof SEGMENTEN)[number];
/** The segments that count as betaalbaar (woondeal target: two thirds). */
export const BETAALBARE_SEGMENTEN: readonly Segment[] = ['sociale huur', 'middenhuur', 'betaalbare koop'];

export const WONINGTYPES = ['eengezins', 'meergezins', 'gemengd'] as const;
export type Woningtype = (typeof WONINGTYPES)[number];

export const FINANCIELE_HAALBAARHEID = ['haalbaar', 'onrendabele top', 'onzeker'] as const;
export type FinancieleHaalbaarheid = (typeof FINANCIELE_HAALBAARHEID)[number];

export const BOUWSTATUSSEN = ['voorbereiding', 'in aanbouw', 'opgeleverd'] as const;
export type Bouwstatus = (typeof BOUWSTATUSSEN)[number];

export const KNELPUNT_STATUSSEN = ['gesignaleerd', 'in behandeling', 'opgelost', 'geescaleerd', 'vervallen'] as const;
export type KnelpuntStatus = (typeof KNELPUNT_STATUSSEN)[number];
/** Statuses of a knelpunt that still needs attention. */
export const OPEN_KNELPUNT_STATUSSEN: readonly KnelpuntStatus[] = ['gesignaleerd', 'in behandeling', 'geescaleerd'];

/** The escalation ladder, lowest rung first. */
export const ESCALATIENIVEAUS = [
  'tafel',
  'landelijke versnellingstafel',
  'bestuurlijke woondealtafel',
  'expertteam woningbouw',
] as const;
export type Escalatieniveau = (typeof ESCALATIENIVEAUS)[number];

/** BZK's critical success factors plus the handreiking's extra themes. */
export const THEMAS = [
  'processen en procedures',
  'capaciteit',
  'programmering',
  'rendement',
  'instrumentarium gemeenten',
  'mobiliteit',
  'leefbaarheid',
  'stikstof',
  'arbeidsmarkt',
  'energietransitie',
  'grondstoffen',
  'geluid',
  'watervoorziening',
  'participatie',
  'grondposities',
  'terug-onderhandelen',
] as const;
export type Thema = (typeof THEMAS)[number];

export const VERGADERSTATUSSEN = ['gepland', 'gehouden', 'geannuleerd'] as const;
export type Vergaderstatus = (typeof VERGADERSTATUSSEN)[number];

export const AFSPRAAK_STATUSSEN = ['open', 'in uitvoering', 'afgerond', 'vervallen'] as const;
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN)[number];

/** Jaarschijven the planning may name: sane years, not typos like 20027. */
export const JAARSCHIJF_MIN = 2000;
export const JAARSCHIJF_MAX = 2100;

/** Defaults a new tafel starts with; the chair changes them in the tafel settings. */
export const DEFAULT_REALISATIEKANSEN: Readonly<Record<Planstatus, number>> = {
  '1A onherroepelijk': 0.95,
  '1B onherroepelijk, uitwerkingsplicht': 0.9,
  '1C onherroepelijk, wijzigingsbevoegdheid': 0.9,
  '2A vastgesteld': 0.85,
  '2B vastgesteld, uitwerkingsplicht': 0.8,
  '2C vastgesteld, wijzigingsbevoegdheid': 0.8,
  '3 in voorbereiding': 0.5,
  '4A visie': 0.3,
  '4B idee/optie': 0.2,
  '5A ambtelijk met locatie': 0.15,
  '5B ambtelijk zonder locatie': 0.1,
};
export const DEFAULT_RODE_DRAAD_DREMPEL = 3;

/** Attendance of a lid at a meeting. */
export const AANWEZIGHEID = ['aanwezig', 'afgemeld'] as const;
export type Aanwezigheid = (typeof AANWEZIGHEID)[number];

/** What the meeting did with the notulen of the previous one (domain guide: notulen hold their approval). */
export const VORIGE_NOTULEN = ['vastgesteld', 'vastgesteld met wijzigingen', 'aangehouden'] as const;
export type VorigeNotulen = (typeof VORIGE_NOTULEN)[number];

/** The half-yearly rapportage's verdict on the woondeal's course. */
export const KOERSOORDELEN = ['op koers', 'op koers met zorgen', 'niet op koers'] as const;
export type Koersoordeel = (typeof KOERSOORDELEN)[number];

export const RAPPORTAGE_STATUSSEN = ['concept', 'vastgesteld'] as const;
export type RapportageStatus = (typeof RAPPORTAGE_STATUSSEN)[number];
