// How a conflict entry reads: its values in words, and which screen shows the item.

import { kwartaalTekst } from '../../components/fieldFormat';
import { aantal, strings } from '../../strings';

/** A stored value for people: numbers the Dutch way, lists joined, empty as "(leeg)". */
export function conflictValueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return strings.inbox.leegWaarde;
  if (typeof v === 'string') return /^\d{4}-Q[1-4]$/.test(v) ? kwartaalTekst(v) : v;
  if (typeof v === 'number') return aantal(v);
  if (typeof v === 'boolean') return v ? strings.common.ja : strings.common.nee;
  if (Array.isArray(v)) return v.length ? v.map(conflictValueText).join(', ') : strings.inbox.leegWaarde;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.tekst === 'string') return o.tekst;
    const parts = Object.entries(o).map(([k, x]) => `${k}: ${conflictValueText(x)}`);
    return parts.length ? parts.join('; ') : strings.inbox.leegWaarde;
  }
  return String(v);
}

/**
 * The route (below /tafel/:tafelId) that shows the item of a conflict path, or null.
 * `vergaderingVan` finds the meeting of an agendapunt.
 */
export function conflictRoute(path: readonly string[], vergaderingVan: (agendapuntId: string) => string | undefined): string | null {
  const [root, id] = path;
  const enc = encodeURIComponent;
  switch (root) {
    case 'tafel':
      return 'instellingen';
    case 'partijen':
    case 'leden':
      return 'leden';
    case 'projecten':
      return id ? `planmonitor/${enc(id)}` : 'planmonitor';
    case 'knelpunten':
      return id ? `knelpunten/${enc(id)}` : 'knelpunten';
    case 'vergaderingen':
      return id ? `vergaderingen/${enc(id)}` : 'vergaderingen';
    case 'agendapunten': {
      const v = id ? vergaderingVan(id) : undefined;
      return v ? `vergaderingen/${enc(v)}` : 'vergaderingen';
    }
    case 'afspraken':
      return 'afspraken';
    default:
      return null;
  }
}
