// The closed lists of the domain (see docs/domain.md). Values are stored exactly as written
// here, so the document reads as Dutch and the relay can check every value against these lists.

export const BLOEDGROEPEN = ['overheid', 'corporatie', 'markt', 'onafhankelijk', 'adviseur'] as const;
export type Bloedgroep = (typeof BLOEDGROEPEN)[number];

/** Roles of a lid. voorzitter and secretaris run the tafel; gast only reads. */
export const ROLLEN = ['voorzitter', 'secretaris', 'lid', 'gast'] as const;
export type Rol = (typeof ROLLEN)[number];

export const PLANSTATUSSEN = [
  'visie/potentie',
  'in voorbereiding',
  'ontwerp ter inzage',
  'vastgesteld',
  'onherroepelijk',
] as const;
export type Planstatus = (typeof PLANSTATUSSEN)[number];
/** Harde plancapaciteit: plans with one of these statuses. */
export const HARDE_PLANSTATUSSEN: readonly Planstatus[] = ['vastgesteld', 'onherroepelijk'];

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
  'visie/potentie': 0.3,
  'in voorbereiding': 0.5,
  'ontwerp ter inzage': 0.7,
  vastgesteld: 0.85,
  onherroepelijk: 0.95,
};
export const DEFAULT_RODE_DRAAD_DREMPEL = 3;
