// One region's vastgestelde rapportage as it arrived at the landelijke tafel (docs/rapportage.md):
// where it came from and who set it vastgesteld, the koersoordeel, the key figures and the figures
// behind them, the region's summary and asks, the projects it may name (the rest counted). Nothing
// here can be changed: the relay wrote it, the rulebook refuses every lid. Earlier rapportages of
// the same region are linked below.

import { useId, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { readOntvangenRapportage, readOntvangenRapportages, type OntvangenRapportage, type RapportageSamenvatting } from '../../../model';
import { EmptyState } from '../../components/EmptyState';
import { formatDatumTijd } from '../../components/provenanceText';
import { strings } from '../../strings';
import { usePlek, useRead, useTafel } from '../../tafel';
import { sectieKop } from '../rapportages/RapportageSecties';
import { KerncijfersTabel, KnelpuntenPerThema, ProductieTabellen, ProjectenBijlage, SlippageTelling, SlippageThemas } from '../rapportages/RapportageTabellen';
import { datumLang } from '../vergaderingen/datum';
import '../rapportages/rapportage.css';
import './netwerk.css';

const S = strings.ontvangenRapportage;
const R = strings.rapportage;

export default function OntvangenRapportageScreen() {
  const { rapportageId = '' } = useParams();
  usePlek('ontvangen-rapportage');
  const { tafelId } = useTafel();
  const r = useRead((doc) => readOntvangenRapportage(doc, rapportageId), [rapportageId]);
  const terug = `/tafel/${encodeURIComponent(tafelId)}/escalaties`;
  const terugLink = (
    <Link className="btn btn-secondary" to={terug}>
      {S.terug}
    </Link>
  );
  if (!r) {
    return (
      <div className="page">
        <EmptyState title={S.nietGevonden} action={terugLink} />
      </div>
    );
  }
  if (!r.samenvatting) {
    return (
      <div className="page">
        <EmptyState title={S.onleesbaar} action={terugLink} />
      </div>
    );
  }
  return <Samenvatting r={r} s={r.samenvatting} terug={terug} />;
}

function Samenvatting({ r, s, terug }: { r: OntvangenRapportage; s: RapportageSamenvatting; terug: string }) {
  const id = useId();
  const sectie = (naam: string, kop: string, inhoud: ReactNode) => (
    <section className="card rapportage-sectie" aria-labelledby={`${id}-${naam}`}>
      <h2 id={`${id}-${naam}`}>{kop}</h2>
      {inhoud}
    </section>
  );
  return (
    <div className="page rapportage ontvangen-rapportage">
      <nav aria-label={strings.common.terug}>
        <Link to={terug}>← {S.terug}</Link>
      </nav>
      <header className="page-head">
        <h1>{S.titel(r.bron.tafelNaam || s.tafelNaam, s.periode)}</h1>
        <p className="escalatie-meta">
          <span className="status-pill">{s.koersoordeel ? R.koers[s.koersoordeel] : S.geenOordeel}</span>
          <span>{S.herkomst(r.bron.vastgesteldDoor, datumLang(s.vastgesteldOp))}</span>
          {r.bron.landsdeel && <span>{S.landsdeel(r.bron.landsdeel)}</span>}
          <span>{S.ontvangen(formatDatumTijd(r.ontvangenOp))}</span>
        </p>
        <p className="card rapportage__vast">{S.alleenLezen}</p>
        {r.koppelingBeeindigd !== null && <p className="muted">{S.koppelingBeeindigd(formatDatumTijd(r.koppelingBeeindigd))}</p>}
      </header>
      {sectie(
        'samenvatting',
        sectieKop('samenvatting'),
        <>
          <KerncijfersTabel peildatum={s.peildatum} k={s} />
          <p>{S.openEscalaties(s.openEscalaties)}</p>
          <Tekst tekst={s.teksten.samenvatting} />
        </>,
      )}
      {sectie('productie', sectieKop('productie'), <ProductieTabellen c={s} />)}
      {sectie(
        'slippage',
        sectieKop('slippage'),
        s.slippage ? (
          <>
            <SlippageTelling telling={s.slippage.telling} />
            <SlippageThemas themas={s.slippage.themas} />
          </>
        ) : (
          <p>{R.slippageGeenVorige}</p>
        ),
      )}
      {sectie('knelpunten', sectieKop('knelpunten'), <KnelpuntenPerThema knelpunten={s.knelpunten} />)}
      {sectie('vragen', sectieKop('vragen'), <Tekst tekst={s.teksten.vragen} />)}
      {sectie(
        'projecten',
        R.bijlage,
        <>
          <ProjectenBijlage projecten={s.projecten} />
          <p>{R.definities}</p>
          <p>{R.bronnen(datumLang(s.peildatum))}</p>
        </>,
      )}
      <Eerdere r={r} />
    </div>
  );
}

/** The narrative as it travelled: plain text, one paragraph per line. */
function Tekst({ tekst }: { tekst: string }) {
  if (!tekst.trim()) return <p className="muted">{S.geenTekst}</p>;
  return (
    <div className="ontvangen-rapportage__tekst">
      {tekst.split('\n').map((regel, i) => (regel.trim() ? <p key={i}>{regel}</p> : null))}
    </div>
  );
}

function Eerdere({ r }: { r: OntvangenRapportage }) {
  const id = useId();
  const { tafelId } = useTafel();
  const eerdere = useRead((doc) => readOntvangenRapportages(doc).filter((x) => x.bron.tafelId === r.bron.tafelId && x.id !== r.id && x.samenvatting), [r.bron.tafelId, r.id]);
  if (eerdere.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${id}-eerdere`}>
      <h2 id={`${id}-eerdere`}>{S.eerdere}</h2>
      <ul className="register-lijst">
        {eerdere.map((x) => (
          <li key={x.id}>
            <Link className="register-item__link" to={`/tafel/${encodeURIComponent(tafelId)}/ontvangen-rapportages/${x.id}`}>
              <span className="register-item__titel">{S.periode(x.samenvatting!.periode)}</span>
              <span className="register-item__meta">{x.samenvatting!.koersoordeel ? R.koers[x.samenvatting!.koersoordeel] : S.geenOordeel}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
