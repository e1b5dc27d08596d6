// The rapportage as a printable document and, through the browser's "Opslaan als PDF", the tagged
// PDF for the woondeal partijen: title, tafel, period and peildatum, the eight sections with their
// figures as tables, the narrative read-only. Address: /tafel/<tafelId>/rapportages/<id>/afdruk.

import { useParams } from 'react-router-dom';
import { readRapportage } from '../../../model';
import { AfdrukPagina } from '../../afdruk/AfdrukPagina';
import { EmptyState } from '../../components/EmptyState';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useRead, useTafel } from '../../tafel';
import { datumLang } from '../vergaderingen/datum';
import { RapportageSecties } from './RapportageSecties';
import './rapportage.css';

const S = strings.rapportage;

export default function RapportageAfdruk() {
  const { rapportageId = '' } = useParams();
  const { tafelId } = useTafel();
  const r = useRead((doc) => readRapportage(doc, rapportageId), [rapportageId]);
  const terug = `/tafel/${encodeURIComponent(tafelId)}/rapportages/${encodeURIComponent(rapportageId)}`;
  if (!r || !r.cijfers) return <EmptyState title={S.nietGevonden} />;
  const c = r.cijfers;
  const datum = r.vastgesteldOp ? S.vastgesteldOp(datumLang(r.vastgesteldOp)) : `${S.status.concept} · ${S.peildatumRegel(datumLang(c.peildatum))}`;
  const oordeel = (
    <p className="koers-regel">
      <strong>{FIELD_LABELS.rapportages.koersoordeel}:</strong> {r.koersoordeel ? S.koers[r.koersoordeel] : S.geenOordeel}
    </p>
  );
  return (
    <AfdrukPagina titel={S.documentTitel(c.periode)} datum={datum} terug={terug}>
      <p>
        {S.peildatumRegel(datumLang(c.peildatum))}
        {c.vorigePeildatum ? `, ${S.vorigePeildatumRegel(datumLang(c.vorigePeildatum))}` : ''}
      </p>
      <RapportageSecties rapportage={r} cijfers={c} bewerkbaar={false} koersoordeel={oordeel} />
    </AfdrukPagina>
  );
}
