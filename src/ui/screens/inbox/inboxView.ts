// How a conflict entry reads: its values in words, what happened to the item, and which screen shows it.

import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import type * as Y from 'yjs';
import { envelopeAt, SYSTEM_AUTHOR, type RootName } from '../../../model';
import { plainFieldAt } from '../../../operations';
import { ownerFieldOf } from '../../../ownership/rulebook';
import { docRuleState } from '../../../ownership/ruleState';
import { kwartaalTekst } from '../../components/fieldFormat';
import { formatDatumTijd } from '../../components/provenanceText';
import { lidNaam, type Namen } from '../../tafel/useNamen';
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

/**
 * What happened to the item since the user's edit, in one sentence, from the document as it is now:
 * "Het project is op 2 december 2026 overgedragen aan Woonstichting Thuis." when the field belongs
 * to a partij other than the user's (with the date its owner field was last set), else who last
 * changed the field and when. null when the document says nothing more than the reason.
 */
export function conflictWhatHappened(doc: Y.Doc, path: readonly string[], eigenPartijId: string | null, namen: Namen): string | null {
  const field = plainFieldAt(path);
  if (!field || field.entityId === null) return null;
  const { root, entityId, key } = field;
  if (!entityMapExists(doc, root, entityId)) return null;
  const soort = strings.inbox.soortLidwoord[root] ?? strings.herstel.soorten[root] ?? root;
  const ownerField = ownerFieldOf(root, key);
  if (ownerField) {
    const owner = envelopeAt(doc, root, entityId, ownerField);
    const partijId = typeof owner?.v === 'string' ? owner.v : null;
    if (owner && partijId && partijId !== eigenPartijId) {
      const partij = namen.partijen.get(partijId)?.naam ?? strings.provenance.onbekendePartij;
      return owner.by === SYSTEM_AUTHOR ? strings.inbox.isVan(soort, partij) : strings.inbox.overgedragen(soort, datum(owner.at), partij);
    }
  }
  const current = envelopeAt(doc, root, entityId, key);
  if (!current || current.by === SYSTEM_AUTHOR) return null;
  const partij = namen.partijen.get(current.p)?.naam ?? strings.provenance.onbekendePartij;
  return strings.inbox.gewijzigdDoor(lidNaam(namen, current.by), partij, formatDatumTijd(current.at));
}

function datum(at: number): string {
  return format(new Date(at), strings.inbox.datumFormaat, { locale: nl });
}

function entityMapExists(doc: Y.Doc, root: RootName, entityId: string): boolean {
  return docRuleState(doc).entityExists(root, entityId);
}
