// The notulen after the meeting, printable and as PDF: date, time, place, aanwezig / afgemeld,
// what became of the previous meeting's notulen, per agendapunt its besluiten, the co-written
// verslag, then the besluitenlijst and the actielijst.

import { useParams } from 'react-router-dom';
import { readAanwezigheid, readActielijst, readAgenda, readBesluitenlijst, readNotulenGoedkeuring, readVergadering, readVergaderingRecord } from '../../../model';
import { AfdrukPagina, CijferTabel } from '../../afdruk/AfdrukPagina';
import { RichTekst } from '../../afdruk/RichTekst';
import { EmptyState } from '../../components/EmptyState';
import { strings, waarde } from '../../strings';
import { useNamen, useRead, useTafel } from '../../tafel';
import { datumLang } from './datum';
import { VergaderingGegevens } from './VergaderingGegevens';

const S = strings.afdruk;

export default function NotulenAfdruk() {
  const { vergaderingId = '' } = useParams();
  const { tafelId } = useTafel();
  const v = useRead((doc) => readVergadering(doc, vergaderingId), [vergaderingId]);
  const agenda = useRead((doc) => readAgenda(doc, vergaderingId), [vergaderingId]);
  const record = useRead((doc) => readVergaderingRecord(doc, vergaderingId), [vergaderingId]);
  const aanwezigheid = useRead((doc) => readAanwezigheid(doc, vergaderingId), [vergaderingId]);
  const besluiten = useRead((doc) => readBesluitenlijst(doc, vergaderingId), [vergaderingId]);
  const acties = useRead((doc) => readActielijst(doc, vergaderingId), [vergaderingId]);
  const goedkeuring = useRead((doc) => readNotulenGoedkeuring(doc, vergaderingId), [vergaderingId]);
  const namen = useNamen();
  const terug = `/tafel/${encodeURIComponent(tafelId)}/vergaderingen/${encodeURIComponent(vergaderingId)}`;
  if (!v) return <EmptyState title={strings.vergadering.nietGevonden} />;
  const partij = (id: string) => namen.partijen.get(id)?.naam ?? '';
  const met = (naam: string, partijId: string) => `${naam} (${partij(partijId)})`;
  const aanwezig = aanwezigheid.filter((r) => r.status === 'aanwezig').map((r) => met(r.naam, r.partijId));
  const afgemeld = aanwezigheid.filter((r) => r.status === 'afgemeld').map((r) => met(r.naam, r.partijId));
  const nummer = (id: string | null) => besluiten.find((b) => b.id === id)?.nummer;
  return (
    <AfdrukPagina titel={S.notulenTitel(v.titel)} datum={datumLang(v.datum)} terug={terug}>
      <VergaderingGegevens vergadering={v} tijden={record}>
        <dt>{strings.verslag.aanwezigen}</dt>
        <dd>{aanwezig.length > 0 ? aanwezig.join(', ') : strings.verslag.niemand}</dd>
        <dt>{strings.verslag.afgemeld}</dt>
        <dd>{afgemeld.length > 0 ? afgemeld.join(', ') : strings.verslag.niemand}</dd>
        {goedkeuring && (
          <>
            <dt>{strings.verslag.vorigeNotulenKop}</dt>
            <dd>
              {goedkeuring.uitkomst ? waarde(goedkeuring.uitkomst) : strings.verslag.nietVastgelegd}: {strings.verslag.vorigeNotulenVan(goedkeuring.vorige.titel, datumLang(goedkeuring.vorige.datum))}
            </dd>
          </>
        )}
      </VergaderingGegevens>
      <section aria-labelledby="afdruk-punten">
        <h2 id="afdruk-punten">{S.agendapunten}</h2>
        {agenda.map((a, i) => {
          const hier = besluiten.filter((b) => b.agendapuntId === a.id);
          return (
            <section key={a.id} aria-labelledby={`punt-${a.id}`}>
              <h3 id={`punt-${a.id}`}>
                {i + 1}. {a.titel}
              </h3>
              {hier.length > 0 && (
                <ul>
                  {hier.map((b) => (
                    <li key={b.id}>
                      <strong>
                        {S.besluit} {b.nummer ?? ''}
                      </strong>
                      : {b.tekst}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </section>
      <section aria-labelledby="afdruk-verslag">
        <h2 id="afdruk-verslag">{S.notulen}</h2>
        <RichTekst root="vergaderingen" entityId={v.id} veld="notulen" kopNiveau={3} leeg={<p>{S.geen}</p>} />
      </section>
      <section aria-labelledby="afdruk-besluitenlijst">
        <h2 id="afdruk-besluitenlijst">{S.besluitenlijst}</h2>
        {besluiten.length === 0 ? (
          <p>{S.geen}</p>
        ) : (
          <CijferTabel
            caption={S.besluitenlijst}
            captionVerborgen
            kolommen={[S.besluitNummer, S.besluit, S.agendapunten]}
            rijen={besluiten.map((b) => [<span className="besluitnummer">{nummer(b.id) ?? strings.verslag.nogGeenNummer}</span>, b.tekst, agenda.find((a) => a.id === b.agendapuntId)?.titel ?? '–'])}
          />
        )}
      </section>
      <section aria-labelledby="afdruk-actielijst">
        <h2 id="afdruk-actielijst">{S.actielijst}</h2>
        {acties.length === 0 ? (
          <p>{S.geen}</p>
        ) : (
          <CijferTabel
            caption={S.actielijst}
            captionVerborgen
            kolommen={[S.actie, S.partij, S.deadline, S.status]}
            rijen={acties.map((a) => [a.wat, partij(a.partijId), a.deadline ? datumLang(a.deadline) : '–', waarde(a.status)])}
          />
        )}
      </section>
    </AfdrukPagina>
  );
}
