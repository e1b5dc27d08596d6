// /tafel/:tafelId — the tafel at a glance: next meeting, cadence warning, open knelpunten,
// afspraken due, planmonitor totals, sync status and who is online. While the tafel opens, the
// same overview comes from the read model (src/model/homeOverzicht.ts builds both).

import { format, formatDistanceToNow, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { Link } from 'react-router-dom';
import { cadans, readHomeOverzicht } from '../../../model';
import { Banner } from '../../components/Banner';
import { LinkButton } from '../../components/Button';
import { PartijBadge } from '../../components/OwnerBadge';
import { PresenceList } from '../../components/PresenceList';
import { SyncStatusBadge } from '../../components/SyncStatusBadge';
import { usePlek } from '../../tafel/usePresence';
import { useNamen } from '../../tafel/useNamen';
import { useRead } from '../../tafel/useRead';
import { useOpening, useReadModel } from '../../tafel/useReadModel';
import { useSyncStatus, useTafel } from '../../tafel/useTafel';
import { strings, waarde } from '../../strings';
import { afsprakenBinnenkort, vandaagIso, volgendeVergadering } from './homeView';
import { NieuwSindsKaart } from './NieuwSindsKaart';
import './home.css';
import { offlineNeedsHttps } from '../../../pwa/secureContext';

const h = strings.home;
const MAX_ITEMS = 5;

const datumLang = (iso: string) => format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: nl });
const datumKort = (iso: string) => format(parseISO(iso), 'd MMM yyyy', { locale: nl });

export default function HomeScreen() {
  usePlek('home');
  const { tafelId, actor: liveActor } = useTafel();
  const status = useSyncStatus();
  const namen = useNamen();
  const live = useRead(readHomeOverzicht);
  const model = useReadModel();
  const opening = useOpening();
  const overzicht = model ? model.home : live;
  // Who "ik" is, from the read model while the tafel opens: only for the greeting, never for edits.
  const actor = liveActor ?? model?.ik?.actor ?? null;
  const vandaag = vandaagIso();
  const base = `/tafel/${encodeURIComponent(tafelId)}`;

  const volgende = volgendeVergadering(overzicht.vergaderingen, vandaag);
  const ritme = cadans(overzicht.vergaderingen, vandaag);
  const open = overzicht.openKnelpunten;
  const due = afsprakenBinnenkort(overzicht.afspraken, vandaag);
  const mijnPartij = actor ? namen.partijen.get(actor.partijId)?.naam : undefined;
  const ik = actor ? namen.leden.get(actor.lidId) : undefined;

  return (
    <div className="page home">
      <div className="page-head">
        <div>
          <h1>{h.titel}</h1>
          {mijnPartij && ik && (
            <p className="muted">
              {ik.naam} · {h.rollen[ik.rol]} · {h.mijnPartij(mijnPartij)}
            </p>
          )}
        </div>
      </div>

      {ritme.status === 'te-lang-geleden' && ritme.laatste && (
        <Banner tone="warning">{h.cadans(formatDistanceToNow(parseISO(ritme.laatste.datum), { locale: nl, addSuffix: true }))}</Banner>
      )}
      {ritme.status === 'nog-nooit' && !volgende && <Banner tone="info">{h.nogNooitVergaderd}</Banner>}

      <div className="cards">
        {!opening && <NieuwSindsKaart />}
        <section className="card" aria-labelledby="home-vergadering">
          <h2 id="home-vergadering">{h.volgendeVergadering}</h2>
          {volgende ? (
            <>
              <p className="home-big">{volgende.titel}</p>
              <p>
                {datumLang(volgende.datum)}
                {volgende.locatie && <span className="muted"> · {volgende.locatie}</span>}
              </p>
              <LinkButton variant="primary" to={`${base}/vergaderingen/${encodeURIComponent(volgende.id)}`}>
                {h.naarVergadering}
              </LinkButton>
            </>
          ) : (
            <>
              <p>{h.geenVergadering}</p>
              <p className="muted">{h.geenVergaderingActie}</p>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="home-sync">
          <h2 id="home-sync">{strings.sync.regioLabel}</h2>
          <SyncStatusBadge />
          <p className="muted home-sync-uitleg">{offlineNeedsHttps() ? strings.onveiligAdres.kort : status.connection === 'online' ? strings.sync.onlineUitleg : strings.sync.offlineUitleg}</p>
        </section>

        <section className="card" aria-labelledby="home-knelpunten">
          <h2 id="home-knelpunten">
            {h.openKnelpunten} <span className="count">{overzicht.openKnelpuntenAantal}</span>
          </h2>
          {open.length === 0 ? (
            <p className="muted">{h.geenKnelpunten}</p>
          ) : (
            <ul className="plain-list">
              {open.map((k) => (
                <li key={k.id}>
                  <Link to={`${base}/knelpunten/${encodeURIComponent(k.id)}`} className="home-link">
                    {k.titel}
                  </Link>
                  <div className="row muted small">
                    <PartijBadge partijId={k.ingediendDoor} />
                    <span className="status-pill">{waarde(k.status)}</span>
                    {k.escalatie !== 'tafel' && <span className="status-pill">{waarde(k.escalatie)}</span>}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <LinkButton to={`${base}/knelpunten`}>{h.alleKnelpunten}</LinkButton>
        </section>

        <section className="card" aria-labelledby="home-afspraken">
          <h2 id="home-afspraken">{h.afsprakenBinnenkort}</h2>
          {due.length === 0 ? (
            <p className="muted">{h.geenAfspraken}</p>
          ) : (
            <ul className="plain-list">
              {due.slice(0, MAX_ITEMS).map(({ afspraak, teLaat }) => (
                <li key={afspraak.id}>
                  <span>{afspraak.wat}</span>
                  <div className="row small">
                    <PartijBadge partijId={afspraak.partijId} />
                    <span className={teLaat ? 'late' : 'muted'}>
                      {h.deadline(datumKort(afspraak.deadline ?? vandaag))}
                      {teLaat && ` · ${h.teLaat}`}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <LinkButton to={`${base}/afspraken`}>{h.alleAfspraken}</LinkButton>
        </section>

        <PresenceList />

        <section className="card" aria-labelledby="home-monitor">
          <h2 id="home-monitor">{h.monitorKort}</h2>
          <p className="home-big">{h.projecten(overzicht.projecten)}</p>
          <p>{h.woningen(overzicht.woningen)}</p>
          <LinkButton to={`${base}/planmonitor`}>{strings.nav.planmonitor}</LinkButton>
        </section>
      </div>
    </div>
  );
}
