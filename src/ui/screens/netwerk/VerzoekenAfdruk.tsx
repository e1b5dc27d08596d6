// The knelpunt's escalation requests as they are printed with it (KnelpuntAfdruk): for a rung
// outside the app (the bestuurlijke woondealtafel, the Expertteam) this printed request is what
// the chair sends. Per request: the rung, when it was sent, what is asked, why the tafel cannot
// solve it, what else it shares, the projects whose public part goes along, its status, the
// answer with where it came from, and how the loop was closed.

import { escalatiesVanKnelpunt, escalatieStatus, readProjecten } from '../../../model';
import { formatDatumTijd } from '../../components/provenanceText';
import { FIELD_LABELS } from '../../fieldLabels';
import { strings, waarde } from '../../strings';
import { useRead } from '../../tafel';
import { EscalatieVelden } from './EscalatieDelen';

const S = strings.netwerk;
const L = FIELD_LABELS.escalaties;

export function VerzoekenAfdruk({ knelpuntId }: { knelpuntId: string }) {
  const escalaties = useRead((doc) => escalatiesVanKnelpunt(doc, knelpuntId), [knelpuntId]);
  const projecten = useRead(readProjecten);
  const naam = new Map(projecten.map((p) => [p.id, p.naam]));
  return escalaties.map((e) => {
    const status = escalatieStatus(e);
    const verstuurd = e.provenance.niveau?.at;
    return (
      <section key={e.id} aria-labelledby={`verzoek-${e.id}`}>
        <h3 id={`verzoek-${e.id}`}>{S.verzoekAan(e.niveau)}</h3>
        <EscalatieVelden gevraagd={e.gevraagd} waarom={e.waarom} gedeeld={e.gedeeld} />
        <dl>
          {verstuurd !== undefined && (
            <>
              <dt>{strings.afdruk.verzoekVerstuurd}</dt>
              <dd>{formatDatumTijd(verstuurd)}</dd>
            </>
          )}
          <dt>{L.projecten}</dt>
          <dd>{e.projecten.length === 0 ? strings.afdruk.geen : e.projecten.map((p) => naam.get(p) ?? '').filter(Boolean).join(', ')}</dd>
          <dt>{strings.afdruk.status}</dt>
          <dd>{status ? waarde(status) : strings.afdruk.geenStatus}</dd>
          {e.terugmelding?.antwoord && (
            <>
              <dt>{L.terugmelding}</dt>
              <dd>
                {e.terugmelding.antwoord} ({S.herkomst(e.terugmelding.tafel, e.terugmelding.lid, formatDatumTijd(e.terugmelding.op))})
              </dd>
            </>
          )}
          {e.afsluiting && (
            <>
              <dt>{L.afsluiting}</dt>
              <dd>{S.afgesloten(e.afsluiting.opgelost, e.afsluiting.toelichting)}</dd>
            </>
          )}
        </dl>
      </section>
    );
  });
}
