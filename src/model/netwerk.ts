// The network of tafels (../shared/domain.md, "The network of tafels"): the kinds of tafel, the
// landsdelen of the landelijke versnellingstafel and their provinces, and the statuses an
// escalation goes through at the landelijke tafel. Closed lists, stored exactly as written here.

export const TAFELSOORTEN = ['regionaal', 'lokaal', 'landelijk'] as const;
export type Tafelsoort = (typeof TAFELSOORTEN)[number];

export const PROVINCIES = [
  'Groningen',
  'Friesland',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;
export type Provincie = (typeof PROVINCIES)[number];

/** The five landsdelen, each the care of one lid of the landelijke versnellingstafel. */
export const LANDSDELEN = ['Noord', 'Oost/Midden', 'Noordwest', 'Zuidwest', 'Zuid'] as const;
export type Landsdeel = (typeof LANDSDELEN)[number];

export const LANDSDEEL_PROVINCIES: Readonly<Record<Landsdeel, readonly Provincie[]>> = {
  Noord: ['Friesland', 'Groningen', 'Drenthe'],
  'Oost/Midden': ['Utrecht', 'Gelderland', 'Overijssel'],
  Noordwest: ['Noord-Holland', 'Flevoland'],
  Zuidwest: ['Zuid-Holland', 'Zeeland'],
  Zuid: ['Noord-Brabant', 'Limburg'],
};

/**
 * The landsdeel of a regional tafel follows from its provinces: the landsdeel that holds most of
 * them (ties: the first province named decides). Null when no province is known.
 */
export function landsdeelVan(provincies: readonly string[]): Landsdeel | null {
  const deelVan = (p: string) => LANDSDELEN.find((d) => (LANDSDEEL_PROVINCIES[d] as readonly string[]).includes(p));
  const counts = new Map<Landsdeel, number>();
  for (const p of provincies) {
    const d = deelVan(p);
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: Landsdeel | null = null;
  let most = 0;
  for (const p of provincies) {
    const d = deelVan(p);
    const n = d ? (counts.get(d) ?? 0) : 0;
    if (d && n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/** Statuses of an escalation at the receiving tafel (and, by hand, at the external ones). */
export const ESCALATIE_STATUSSEN = ['ontvangen', 'in behandeling', 'beantwoord', 'doorverwezen', 'gesloten'] as const;
export type EscalatieStatus = (typeof ESCALATIE_STATUSSEN)[number];
export const OPEN_ESCALATIE_STATUSSEN: readonly EscalatieStatus[] = ['ontvangen', 'in behandeling', 'doorverwezen'];

/** The rungs above the tafel an escalation can go to. */
export const ESCALATIE_DOELEN = ['landelijke versnellingstafel', 'bestuurlijke woondealtafel', 'expertteam woningbouw'] as const;
export type EscalatieDoel = (typeof ESCALATIE_DOELEN)[number];
/** Rungs that are not in the app: a printable request, the status kept by hand. */
export const BUITEN_DE_APP: readonly EscalatieDoel[] = ['bestuurlijke woondealtafel', 'expertteam woningbouw'];

/** How a link between two tafels stands, seen from one side. */
export const KOPPELING_STATUSSEN = ['verzoek verstuurd', 'verzoek ontvangen', 'actief', 'beeindigd'] as const;
export type KoppelingStatus = (typeof KOPPELING_STATUSSEN)[number];

/** Default for the cross-region rode draad at the landelijke tafel: a theme from this many regions. */
export const DEFAULT_LANDELIJKE_RODE_DRAAD_DREMPEL = 2;
