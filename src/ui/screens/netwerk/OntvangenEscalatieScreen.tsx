// One escalation at the landelijke tafel: the request with the public part of its projects, who
// it is assigned to, the status and the answer the leden write together (both travel back to the
// regional tafel), the thread with the region, the agenda and the afspraken about it.

import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { lidVoorLandsdeel, readAfspraken, readOntvangenEscalatie, readPartijen, readVergaderingen, type EscalatieStatus, type OntvangenEscalatie } from '../../../model';
import { afspraakBijEscalatie, escalatieOpAgenda, setOntvangenStatus } from '../../../operations';
import { EmptyState } from '../../components/EmptyState';
import { formatDatumTijd } from '../../components/provenanceText';
import { SharedTextEditor } from '../../editor/SharedTextEditor';
import { strings, aantal, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, useMayEdit, usePlek, useRead, useTafel, useWrite } from '../../tafel';
import { AfsprakenLijst } from '../vergaderingen/AfspraakItem';
import { EscalatieDraad } from './EscalatieDraad';
import { EscalatieVelden, StatusKeuze } from './EscalatieDelen';
import './netwerk.css';
import { FormError } from '../../components/FormProblem';

const S = strings.netwerk;

export default function OntvangenEscalatieScreen() {
  const { escalatieId = '' } = useParams();
  usePlek('escalatie');
  const { tafelId } = useTafel();
  const e = useRead((doc) => readOntvangenEscalatie(doc, escalatieId), [escalatieId]);
  const terug = `/tafel/${encodeURIComponent(tafelId)}/escalaties`;
  if (!e) {
    return (
      <div className="page">
        <EmptyState title={S.nietGevonden} action={<Link className="btn btn-secondary" to={terug}>{S.terug}</Link>} />
      </div>
    );
  }
  return <Detail e={e} terug={terug} />;
}

function Detail({ e, terug }: { e: OntvangenEscalatie; terug: string }) {
  const id = useId();
  const toegewezen = useRead((doc) => lidVoorLandsdeel(doc, e.bron.landsdeel)?.naam ?? null, [e.bron.landsdeel]);
  return (
    <div className="page escalatie-detail">
      <nav aria-label={strings.common.terug}>
        <Link to={terug}>← {S.terug}</Link>
      </nav>
      <header className="page-head">
        <h1>{e.knelpunt.titel}</h1>
        <p className="escalatie-meta">
          <span className="status-pill">{waarde(e.status)}</span>
          <span>{e.bron.tafelNaam}</span>
          <span>
            {S.landsdeel}: {e.bron.landsdeel ?? strings.common.onbekend}
          </span>
          <span>{toegewezen ? S.toegewezenAan(toegewezen) : S.nietToegewezen}</span>
          <span>{S.ontvangen(formatDatumTijd(e.ontvangenOp))}</span>
        </p>
        {e.koppelingBeeindigd !== null && <p className="muted">{S.koppelingBeeindigd(formatDatumTijd(e.koppelingBeeindigd))}</p>}
        {e.afsluiting && (
          <p className="afsluiting" role="status">
            {S.afsluitingRegio(S.afgesloten(e.afsluiting.opgelost, e.afsluiting.toelichting), e.afsluiting.naam, formatDatumTijd(e.afsluiting.op))}
          </p>
        )}
      </header>
      <div className="detail-grid">
        <section className="card" aria-labelledby={`${id}-verzoek`}>
          <h2 id={`${id}-verzoek`}>{S.verzoek}</h2>
          <p>{e.knelpunt.beschrijving}</p>
          <EscalatieVelden thema={e.knelpunt.thema} gevraagd={e.gevraagd} waarom={e.waarom} gedeeld={e.gedeeld} />
          {e.projecten.length > 0 && (
            <table className="table">
              <caption>{S.projecten}</caption>
              <thead>
                <tr>
                  <th scope="col">{S.project}</th>
                  <th scope="col">{FIELD_LABELS.projecten.gemeente}</th>
                  <th scope="col">{FIELD_LABELS.projecten.planstatus}</th>
                  <th scope="col" className="num">
                    {S.woningen}
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.projecten.map((p, i) => (
                  <tr key={i}>
                    <td>{p.naam}</td>
                    <td>{p.gemeente}</td>
                    <td>{waarde(p.planstatus)}</td>
                    <td className="num">{aantal(p.woningen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <div className="detail-side">
          <StatusEnAntwoord e={e} />
          <OpAgenda e={e} />
          <Afspraken e={e} />
        </div>
      </div>
      <EscalatieDraad root="ontvangenEscalaties" escalatieId={e.id} draad={e.draad} />
    </div>
  );
}

function StatusEnAntwoord({ e }: { e: OntvangenEscalatie }) {
  const id = useId();
  const write = useWrite();
  const mag = useMayEdit('ontvangenEscalaties', e.id, 'status');
  const [status, setStatus] = useState<EscalatieStatus>(e.status === 'ontvangen' ? 'beantwoord' : e.status);
  const [melding, setMelding] = useState<string | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const verstuur = (ev: FormEvent) => {
    ev.preventDefault();
    const f = write((doc, actor) => setOntvangenStatus(doc, actor, e.id, status));
    setFout(f);
    setMelding(f ? null : S.antwoordVerstuurd);
  };
  return (
    <section className="card" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{FIELD_LABELS.ontvangenEscalaties.antwoord}</h2>
      <SharedTextEditor root="ontvangenEscalaties" entityId={e.id} veld="antwoord" label={FIELD_LABELS.ontvangenEscalaties.antwoord} />
      <p className="muted">{S.antwoordUitleg}</p>
      {mag.ok && (
        <form className="form" onSubmit={verstuur}>
          <label htmlFor={`${id}-status`}>{FIELD_LABELS.ontvangenEscalaties.status}</label>
          <StatusKeuze id={`${id}-status`} value={status} onChange={setStatus} />
          <FormError message={fout} />
          {melding && <p role="status">{melding}</p>}
          <div className="button-row">
            <button type="submit" className="btn btn-primary">
              {S.antwoordVersturen}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function OpAgenda({ e }: { e: OntvangenEscalatie }) {
  const id = useId();
  const write = useWrite();
  const mag = useMayCreate('agendapunten');
  const vergaderingen = useRead(readVergaderingen).filter((v) => v.status === 'gepland');
  const [gekozen, setGekozen] = useState('');
  const [melding, setMelding] = useState<string | null>(null);
  if (!mag.ok) return null;
  const zet = (ev: FormEvent) => {
    ev.preventDefault();
    const v = gekozen || vergaderingen[0]?.id;
    if (!v) return;
    const f = write((doc, actor) => {
      escalatieOpAgenda(doc, actor, v, e.id, S.agendaTitel(e.knelpunt.titel));
    });
    setMelding(f ?? S.opAgendaGezet);
  };
  return (
    <section className="card" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{S.opAgenda}</h2>
      {vergaderingen.length === 0 ? (
        <p className="muted">{S.geenVergadering}</p>
      ) : (
        <form className="form" onSubmit={zet}>
          <label htmlFor={`${id}-vergadering`}>{S.vergadering}</label>
          <select id={`${id}-vergadering`} value={gekozen || vergaderingen[0]!.id} onChange={(ev) => setGekozen(ev.target.value)}>
            {vergaderingen.map((v) => (
              <option key={v.id} value={v.id}>
                {v.titel} ({v.datum})
              </option>
            ))}
          </select>
          <div className="button-row">
            <button type="submit" className="btn btn-secondary">
              {S.opAgenda}
            </button>
          </div>
          {melding && <p role="status">{melding}</p>}
        </form>
      )}
    </section>
  );
}

function Afspraken({ e }: { e: OntvangenEscalatie }) {
  const id = useId();
  const write = useWrite();
  const mag = useMayCreate('afspraken');
  const alle = useRead(readAfspraken);
  const partijen = useRead(readPartijen);
  const afspraken = alle.filter((a) => a.escalatieId === e.id);
  const [wat, setWat] = useState('');
  const [partijId, setPartijId] = useState('');
  const [melding, setMelding] = useState<string | null>(null);
  const leg = (ev: FormEvent) => {
    ev.preventDefault();
    const p = partijId || partijen[0]?.id;
    if (wat.trim() === '' || !p) return setMelding(strings.errors.waarde.leeg);
    const f = write((doc, actor) => {
      afspraakBijEscalatie(doc, actor, { wat: wat.trim(), partijId: p, escalatieId: e.id });
    });
    setMelding(f ?? S.afspraakVastgelegd);
    if (!f) setWat('');
  };
  return (
    <section className="card" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{S.afspraken}</h2>
      {afspraken.length === 0 ? (
        <p className="muted">{S.geenAfspraken}</p>
      ) : (
        <AfsprakenLijst afspraken={afspraken} zonderKnelpunt />
      )}
      {mag.ok && (
        <form className="form" onSubmit={leg} aria-label={S.afspraak}>
          <label htmlFor={`${id}-wat`}>{FIELD_LABELS.afspraken.wat}</label>
          <input id={`${id}-wat`} type="text" value={wat} onChange={(ev) => setWat(ev.target.value)} />
          <label htmlFor={`${id}-partij`}>{FIELD_LABELS.afspraken.partijId}</label>
          <select id={`${id}-partij`} value={partijId || partijen[0]?.id || ''} onChange={(ev) => setPartijId(ev.target.value)}>
            {partijen.map((p) => (
              <option key={p.id} value={p.id}>
                {p.naam}
              </option>
            ))}
          </select>
          <div className="button-row">
            <button type="submit" className="btn btn-secondary">
              {S.afspraak}
            </button>
          </div>
          {melding && <p role="status">{melding}</p>}
        </form>
      )}
    </section>
  );
}
