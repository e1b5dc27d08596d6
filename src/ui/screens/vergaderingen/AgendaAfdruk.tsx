// The agenda to send before the meeting, as a printable page (and PDF through the browser's own
// "Opslaan als PDF"): date, time, place, the previous meeting's notulen to approve, the items in the chair's order with who proposed them and
// their toelichting, and the open afspraken that come back by themselves.

import { useParams } from 'react-router-dom';
import { readAgenda, readNotulenGoedkeuring, readOpenAfsprakenVoorAgenda, readVergadering, readVergaderingRecord } from '../../../model';
import { AfdrukPagina, CijferTabel } from '../../afdruk/AfdrukPagina';
import { RichTekst } from '../../afdruk/RichTekst';
import { EmptyState } from '../../components/EmptyState';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useNamen, useRead, useTafel } from '../../tafel';
import { datumLang } from './datum';
import { VergaderingGegevens } from './VergaderingGegevens';

const S = strings.afdruk;

export default function AgendaAfdruk() {
  const { vergaderingId = '' } = useParams();
  const { tafelId } = useTafel();
  const v = useRead((doc) => readVergadering(doc, vergaderingId), [vergaderingId]);
  const agenda = useRead((doc) => readAgenda(doc, vergaderingId), [vergaderingId]);
  const record = useRead((doc) => readVergaderingRecord(doc, vergaderingId), [vergaderingId]);
  const open = useRead((doc) => readOpenAfsprakenVoorAgenda(doc, vergaderingId), [vergaderingId]);
  const goedkeuring = useRead((doc) => readNotulenGoedkeuring(doc, vergaderingId), [vergaderingId]);
  const namen = useNamen();
  const terug = `/tafel/${encodeURIComponent(tafelId)}/vergaderingen/${encodeURIComponent(vergaderingId)}`;
  if (!v) return <EmptyState title={strings.vergadering.nietGevonden} />;
  const partij = (id: string) => namen.partijen.get(id)?.naam ?? '';
  return (
    <AfdrukPagina titel={S.agendaTitel(v.titel)} datum={datumLang(v.datum)} terug={terug}>
      <VergaderingGegevens vergadering={v} tijden={record} />
      {goedkeuring && (
        <section aria-labelledby="afdruk-vorige-notulen">
          <h2 id="afdruk-vorige-notulen">{strings.verslag.vorigeNotulenKop}</h2>
          <p>{strings.verslag.vorigeNotulenTerVaststelling(goedkeuring.vorige.titel, datumLang(goedkeuring.vorige.datum))}</p>
        </section>
      )}
      <section aria-labelledby="afdruk-agendapunten">
        <h2 id="afdruk-agendapunten">{S.agendapunten}</h2>
        {agenda.length === 0 && <p>{S.geenAgenda}</p>}
        {agenda.map((a, i) => (
          <section key={a.id} className="afdruk-punt" aria-labelledby={`punt-${a.id}`}>
            <h3 id={`punt-${a.id}`}>
              {i + 1}. {a.titel}
            </h3>
            <p className="afdruk__meta">
              {FIELD_LABELS.agendapunten.voorgesteldDoor}: {partij(a.voorgesteldDoor)}
            </p>
            <RichTekst root="agendapunten" entityId={a.id} veld="toelichting" kopNiveau={4} />
          </section>
        ))}
      </section>
      <section aria-labelledby="afdruk-open">
        <h2 id="afdruk-open">{strings.verslag.openAfsprakenKop}</h2>
        {open.length === 0 ? (
          <p>{strings.verslag.geenOpenAfspraken}</p>
        ) : (
          <CijferTabel
            caption={strings.verslag.openAfsprakenUitleg}
            kolommen={[S.actie, S.partij, S.deadline, S.status]}
            rijen={open.map((a) => [a.wat, partij(a.partijId), a.deadline ? datumLang(a.deadline) : '–', waarde(a.status)])}
          />
        )}
      </section>
    </AfdrukPagina>
  );
}
