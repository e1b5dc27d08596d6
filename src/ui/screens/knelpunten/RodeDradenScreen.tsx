// Rode draden: knelpunt themes that recur across projects or partijen, with the threshold from
// the tafel settings, so the table can look for a structural solution instead of casuistry.

import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { knelpuntenPerThema, readKnelpunten, readTafel, rodeDraden, type RodeDraad } from '../../../model';
import { EmptyState } from '../../components/EmptyState';
import { PartijBadge } from '../../components/OwnerBadge';
import { strings, waarde } from '../../strings';
import { usePlek, useRead, useTafel } from '../../tafel';
import { KnelpuntLinks } from './KnelpuntKiezer';
import { ProjectLinks } from './ProjectKiezer';
import './knelpunten.css';

const S = strings.rodeDraden;

export default function RodeDradenScreen() {
  usePlek('knelpunten');
  const knelpunten = useRead(readKnelpunten);
  const drempel = useRead((doc) => readTafel(doc).rodeDraadDrempel, []);
  const draden = useMemo(() => rodeDraden(knelpunten, drempel), [knelpunten, drempel]);
  const perThema = useMemo(() => knelpuntenPerThema(knelpunten), [knelpunten]);
  return (
    <div className="page rode-draden">
      <header className="page-head">
        <h1>{S.titel}</h1>
        <p className="intro">
          {S.intro(drempel)} {S.drempelInstelling}
        </p>
      </header>
      {draden.length === 0 ? (
        <EmptyState title={S.leeg}>
          <p>{S.leegActie}</p>
        </EmptyState>
      ) : (
        <ul className="cards plain-cards">
          {draden.map((d) => (
            <li key={d.thema}>
              <RodeDraadKaart draad={d} drempel={drempel} />
            </li>
          ))}
        </ul>
      )}
      {perThema.length > 0 && (
        <section className="card rode-draden__tabel" aria-labelledby="rd-perthema">
          <h2 id="rd-perthema">{S.perThema}</h2>
          <p className="muted">{S.perThemaUitleg}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{S.thema}</th>
                <th scope="col" className="num">
                  {S.openKolom}
                </th>
                <th scope="col" className="num">
                  {S.totaalKolom}
                </th>
              </tr>
            </thead>
            <tbody>
              {perThema.map((t) => (
                <tr key={t.thema}>
                  <th scope="row">
                    <ThemaLink thema={t.thema} />
                  </th>
                  <td className="num">{t.open}</td>
                  <td className="num">{t.totaal}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function ThemaLink({ thema }: { thema: string }) {
  const { tafelId } = useTafel();
  return <Link to={`/tafel/${tafelId}/knelpunten?thema=${encodeURIComponent(thema)}`}>{waarde(thema)}</Link>;
}

function RodeDraadKaart({ draad: d, drempel }: { draad: RodeDraad; drempel: number }) {
  const kop = `rd-${d.thema.replace(/[^a-z]/g, '-')}`;
  return (
    <article className="card rode-draad" aria-labelledby={kop}>
      <h2 id={kop}>
        <ThemaLink thema={d.thema} />
      </h2>
      <p className="rode-draad__cijfers">
        <span className="status-pill">{S.projecten(d.projecten.length)}</span>
        <span className="status-pill">{S.partijen(d.partijen.length)}</span>
        <span className="status-pill status-geescaleerd">{S.open(d.open, d.knelpunten.length)}</span>
      </p>
      <ul className="rode-draad__redenen">
        {d.redenen.includes('projecten') && <li>{S.redenProjecten(d.projecten.length, drempel)}</li>}
        {d.redenen.includes('partijen') && <li>{S.redenPartijen(d.partijen.length)}</li>}
      </ul>
      <p className="row">
        {d.partijen.map((p) => (
          <PartijBadge key={p} partijId={p} />
        ))}
      </p>
      <details>
        <summary>{S.knelpunten}</summary>
        <KnelpuntLinks ids={d.knelpunten} />
      </details>
      {d.projecten.length > 0 && (
        <details>
          <summary>{S.welkeProjecten}</summary>
          <ProjectLinks ids={d.projecten} />
        </details>
      )}
    </article>
  );
}
