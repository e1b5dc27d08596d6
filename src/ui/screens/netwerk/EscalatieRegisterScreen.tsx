// The landelijke tafel's escalation register: what the linked regional tafels sent, each assigned
// to the lid of its landsdeel; the cross-region rode draden; and for a landsdeel lid the overview
// of the regional tafels of their landsdeel: their latest koersoordeel and key figures side by side
// (from the vastgestelde rapportages they sent) and their open escalations.

import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { isOpen, landelijkeRodeDraden, landsdeelKoers, lidVoorLandsdeel, readLid, readNetwerkPlek, readOntvangenEscalaties, type OntvangenEscalatie } from '../../../model';
import { EmptyState } from '../../components/EmptyState';
import { formatDatumTijd } from '../../components/provenanceText';
import { strings, waarde } from '../../strings';
import { usePlek, useRead, useTafel } from '../../tafel';
import { KoersPerRegio } from './KoersPerRegio';
import './netwerk.css';

const S = strings.netwerk;

export default function EscalatieRegisterScreen() {
  usePlek('escalaties');
  const id = useId();
  const { session } = useTafel();
  const mijnLandsdeel = useRead((doc) => readLid(doc, session.lidId)?.landsdeel ?? null, [session.lidId]);
  const [filter, setFilter] = useState<'mijn' | 'open' | 'alle'>(mijnLandsdeel ? 'mijn' : 'alle');
  const alle = useRead(readOntvangenEscalaties);
  const drempel = useRead((doc) => readNetwerkPlek(doc).landelijkeRodeDraadDrempel, []);
  const rodeDraden = useRead(landelijkeRodeDraden);
  const lijst = alle.filter((e) => (filter === 'mijn' ? e.bron.landsdeel === mijnLandsdeel : filter === 'open' ? isOpen(e) : true));
  return (
    <div className="page escalatie-register">
      <header className="page-head">
        <h1>{S.registerTitel}</h1>
        <p className="muted">{S.registerUitleg}</p>
      </header>
      {mijnLandsdeel && <LandsdeelOverzicht landsdeel={mijnLandsdeel} />}
      <section className="card" aria-labelledby={`${id}-lijst`}>
        <h2 id={`${id}-lijst`}>{S.registerTitel}</h2>
        <div className="segmented" role="group" aria-label={S.filter}>
          {mijnLandsdeel && (
            <button type="button" className={`btn btn-secondary${filter === 'mijn' ? ' is-actief' : ''}`} aria-pressed={filter === 'mijn'} onClick={() => setFilter('mijn')}>
              {S.mijnLandsdeel}
            </button>
          )}
          <button type="button" className={`btn btn-secondary${filter === 'open' ? ' is-actief' : ''}`} aria-pressed={filter === 'open'} onClick={() => setFilter('open')}>
            {S.open}
          </button>
          <button type="button" className={`btn btn-secondary${filter === 'alle' ? ' is-actief' : ''}`} aria-pressed={filter === 'alle'} onClick={() => setFilter('alle')}>
            {S.alle}
          </button>
        </div>
        {lijst.length === 0 ? <EmptyState title={S.geenOntvangen} /> : <RegisterLijst escalaties={lijst} />}
      </section>
      <section className="card" aria-labelledby={`${id}-draden`}>
        <h2 id={`${id}-draden`}>{S.rodeDraden}</h2>
        <p className="muted">{S.rodeDradenUitleg(drempel)}</p>
        {rodeDraden.length === 0 ? (
          <p>{S.geenRodeDraden}</p>
        ) : (
          <ul className="rode-draden-lijst">
            {rodeDraden.map((r) => (
              <li key={r.thema}>
                <h3>
                  {waarde(r.thema)} <span className="status-pill">{S.uitRegios(r.regios.length)}</span>
                </h3>
                <RegisterLijst escalaties={r.escalaties} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RegisterLijst({ escalaties }: { escalaties: readonly OntvangenEscalatie[] }) {
  const { tafelId } = useTafel();
  const toegewezen = useRead((doc) => new Map(escalaties.map((e) => [e.id, lidVoorLandsdeel(doc, e.bron.landsdeel)?.naam ?? null])), [escalaties]);
  return (
    <ul className="register-lijst">
      {escalaties.map((e) => (
        <li key={e.id} className="register-item">
          <Link to={`/tafel/${encodeURIComponent(tafelId)}/escalaties/${e.id}`} className="register-item__link">
            <span className="register-item__titel">{e.knelpunt.titel}</span>
            <span className="register-item__meta">
              <span className="status-pill">{waarde(e.status)}</span> {e.bron.tafelNaam} · {waarde(e.knelpunt.thema)} · {S.ontvangen(formatDatumTijd(e.ontvangenOp))} ·{' '}
              {toegewezen.get(e.id) ? S.toegewezenAan(toegewezen.get(e.id)!) : S.nietToegewezen}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function LandsdeelOverzicht({ landsdeel }: { landsdeel: NonNullable<OntvangenEscalatie['bron']['landsdeel']> }) {
  const id = useId();
  const regios = useRead((doc) => landsdeelKoers(doc, landsdeel), [landsdeel]);
  return (
    <section className="card" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{S.overzicht(landsdeel)}</h2>
      {regios.length === 0 ? (
        <p>{S.geenRegios}</p>
      ) : (
        <>
          <KoersPerRegio regios={regios} kopId={`${id}-koers`} />
          <ul className="landsdeel-regios">
            {regios.map((r) => (
              <li key={r.koppeling.id} className="landsdeel-regio">
                <h3>{r.koppeling.andereNaam}</h3>
                <p>
                  <span className="status-pill">{S.koppelingStatus[r.koppeling.status]}</span> {S.openEscalaties(r.openEscalaties.length)}
                </p>
                {r.openEscalaties.length > 0 && <RegisterLijst escalaties={r.openEscalaties} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
