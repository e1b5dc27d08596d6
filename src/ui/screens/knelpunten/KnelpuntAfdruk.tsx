// A knelpunt with its escalation request, printable and as PDF, for the woondealtafel, the
// landelijke tafel or the Expertteam: where it is escalated to and since when, each request sent
// up the ladder (what is asked and why, VerzoekenAfdruk), what the knelpunt is and who raised it,
// the projects it holds up (as far as they may leave the tafel) and what the tafel agreed on it.
// The reacties stay out: they are the tafel's own discussion, under the names of its leden, and
// what leaves the tafel with an escalation is the knelpunt, the request and the shared projects.

import { useParams } from 'react-router-dom';
import { readAfspraken, readKnelpunt } from '../../../model';
import { AfdrukPagina, CijferTabel } from '../../afdruk/AfdrukPagina';
import { EmptyState } from '../../components/EmptyState';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useNamen, useRead, useTafel } from '../../tafel';
import { datumLang } from '../vergaderingen/datum';
import { VerzoekenAfdruk } from '../netwerk/VerzoekenAfdruk';
import { KnelpuntProjectenAfdruk } from './KnelpuntProjectenAfdruk';

const S = strings.afdruk;
const dag = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));

export default function KnelpuntAfdruk() {
  const { knelpuntId = '' } = useParams();
  const { tafelId } = useTafel();
  const k = useRead((doc) => readKnelpunt(doc, knelpuntId), [knelpuntId]);
  const afspraken = useRead(readAfspraken);
  const namen = useNamen();
  const terug = `/tafel/${encodeURIComponent(tafelId)}/knelpunten/${encodeURIComponent(knelpuntId)}`;
  if (!k) return <EmptyState title={strings.knelpunt.nietGevonden} />;
  const partij = (id: string) => namen.partijen.get(id)?.naam ?? '';
  const sinds = dag(k.provenance.escalatie?.at);
  const eigenAfspraken = afspraken.filter((a) => a.knelpuntId === k.id);
  return (
    <AfdrukPagina titel={S.knelpuntTitel(k.titel)} datum={datumLang(dag(Date.now()))} terug={terug}>
      <section aria-labelledby="afdruk-escalatie">
        <h2 id="afdruk-escalatie">{S.escalatieVerzoek}</h2>
        {k.escalatie === 'tafel' ? (
          <p>{S.nietGeescaleerd}</p>
        ) : (
          <dl>
            <dt>{FIELD_LABELS.knelpunten.escalatie}</dt>
            <dd>{waarde(k.escalatie)}</dd>
            {sinds && (
              <>
                <dt>{S.escalatieSinds}</dt>
                <dd>{datumLang(sinds)}</dd>
              </>
            )}
            <dt>{FIELD_LABELS.knelpunten.status}</dt>
            <dd>{waarde(k.status)}</dd>
          </dl>
        )}
        <VerzoekenAfdruk knelpuntId={k.id} />
      </section>
      <section aria-labelledby="afdruk-knelpunt">
        <h2 id="afdruk-knelpunt">{FIELD_LABELS.knelpunten.beschrijving}</h2>
        <dl>
          <dt>{FIELD_LABELS.knelpunten.ingediendDoor}</dt>
          <dd>{partij(k.ingediendDoor)}</dd>
          <dt>{FIELD_LABELS.knelpunten.thema}</dt>
          <dd>{waarde(k.thema)}</dd>
        </dl>
        {k.beschrijving ? <p className="afdruk__tekst">{k.beschrijving}</p> : <p>{S.geen}</p>}
      </section>
      <KnelpuntProjectenAfdruk knelpunt={k} />
      <section aria-labelledby="afdruk-afspraken">
        <h2 id="afdruk-afspraken">{S.afspraken}</h2>
        {eigenAfspraken.length === 0 ? (
          <p>{S.geen}</p>
        ) : (
          <CijferTabel
            caption={S.afspraken}
            captionVerborgen
            kolommen={[S.actie, S.partij, S.deadline, S.status]}
            rijen={eigenAfspraken.map((a) => [a.wat, partij(a.partijId), a.deadline ? datumLang(a.deadline) : '–', waarde(a.status)])}
          />
        )}
      </section>
    </AfdrukPagina>
  );
}
