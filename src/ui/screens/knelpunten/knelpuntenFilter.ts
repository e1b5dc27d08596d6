// Which knelpunten the register shows, and in which order: pure, so it is tested without React.
// The filter lives in the URL (?thema=stikstof&open=1), so going back keeps it and a link shares it.

import { KNELPUNT_STATUSSEN, OPEN_KNELPUNT_STATUSSEN, THEMAS, type Knelpunt, type KnelpuntStatus, type Thema } from '../../../model';

export interface KnelpuntFilter {
  readonly zoek: string;
  readonly thema: Thema | '';
  /** partij that raised it */
  readonly partijId: string;
  readonly status: KnelpuntStatus | '';
  readonly alleenOpen: boolean;
}

export const GEEN_FILTER: KnelpuntFilter = { zoek: '', thema: '', partijId: '', status: '', alleenOpen: false };

export type Weergave = 'lijst' | 'bord';

export function leesFilter(params: URLSearchParams): KnelpuntFilter {
  const thema = params.get('thema') ?? '';
  const status = params.get('status') ?? '';
  return {
    zoek: params.get('zoek') ?? '',
    thema: (THEMAS as readonly string[]).includes(thema) ? (thema as Thema) : '',
    partijId: params.get('partij') ?? '',
    status: (KNELPUNT_STATUSSEN as readonly string[]).includes(status) ? (status as KnelpuntStatus) : '',
    alleenOpen: params.get('open') === '1',
  };
}

export function leesWeergave(params: URLSearchParams): Weergave {
  return params.get('weergave') === 'bord' ? 'bord' : 'lijst';
}

/** The URL parameters for a filter and view; empty parts are left out. */
export function schrijfParams(f: KnelpuntFilter, weergave: Weergave): URLSearchParams {
  const p = new URLSearchParams();
  if (f.zoek) p.set('zoek', f.zoek);
  if (f.thema) p.set('thema', f.thema);
  if (f.partijId) p.set('partij', f.partijId);
  if (f.status) p.set('status', f.status);
  if (f.alleenOpen) p.set('open', '1');
  if (weergave === 'bord') p.set('weergave', 'bord');
  return p;
}

export function isOpen(k: Knelpunt): boolean {
  return OPEN_KNELPUNT_STATUSSEN.includes(k.status);
}

/** When it was raised: the provenance of its (immutable) ingediendDoor field. */
export function gemeldOp(k: Knelpunt): number {
  return k.provenance.ingediendDoor?.at ?? 0;
}

/** Open knelpunten first, higher on the escalation ladder first, then newest first. */
export function sorteerKnelpunten(list: readonly Knelpunt[], ladder: readonly string[]): Knelpunt[] {
  return [...list].sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      ladder.indexOf(b.escalatie) - ladder.indexOf(a.escalatie) ||
      gemeldOp(b) - gemeldOp(a) ||
      a.titel.localeCompare(b.titel, 'nl'),
  );
}

export function filterKnelpunten(list: readonly Knelpunt[], f: KnelpuntFilter): Knelpunt[] {
  const zoek = f.zoek.trim().toLocaleLowerCase('nl');
  return list.filter(
    (k) =>
      (!f.thema || k.thema === f.thema) &&
      (!f.partijId || k.ingediendDoor === f.partijId) &&
      (!f.status || k.status === f.status) &&
      (!f.alleenOpen || isOpen(k)) &&
      (!zoek || k.titel.toLocaleLowerCase('nl').includes(zoek) || k.beschrijving.toLocaleLowerCase('nl').includes(zoek)),
  );
}

/** The board: one column per status, in the order of the vocabulary. */
export function perStatus(list: readonly Knelpunt[]): { status: KnelpuntStatus; knelpunten: Knelpunt[] }[] {
  return KNELPUNT_STATUSSEN.map((status) => ({ status, knelpunten: list.filter((k) => k.status === status) }));
}
