// The knelpunten register: as a list or as a board by status, filtered by theme, partij and
// status; "Knelpunt melden" for every lid who may write.

import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ESCALATIENIVEAUS, KNELPUNT_STATUSSEN, readKnelpunten, THEMAS } from '../../../model';
import { Button } from '../../components/Button';
import { FilterKeuze, keuzesUit, partijKeuzes } from '../../components/FilterKeuze';
import { EmptyState } from '../../components/EmptyState';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, useNamen, usePlek, useRead, useTafel } from '../../tafel';
import { filterKnelpunten, GEEN_FILTER, leesFilter, leesWeergave, perStatus, schrijfParams, sorteerKnelpunten, type KnelpuntFilter, type Weergave } from './knelpuntenFilter';
import { KnelpuntKaart } from './KnelpuntKaart';
import { KnelpuntMelden } from './KnelpuntMelden';
import './knelpunten.css';

const S = strings.knelpunten;

export default function KnelpuntenScreen() {
  usePlek('knelpunten');
  const { tafelId } = useTafel();
  const alle = useRead(readKnelpunten);
  const mayCreate = useMayCreate('knelpunten');
  const [params, setParams] = useSearchParams();
  const filter = leesFilter(params);
  const weergave = leesWeergave(params);
  const [melden, setMelden] = useState(false);
  const zet = (f: KnelpuntFilter, w: Weergave = weergave) => setParams(schrijfParams(f, w), { replace: true });
  const zichtbaar = useMemo(() => sorteerKnelpunten(filterKnelpunten(alle, filter), ESCALATIENIVEAUS), [alle, filter]);

  return (
    <div className="page knelpunten-screen">
      <header className="page-head">
        <h1>{S.titel}</h1>
        <p className="intro">{S.intro}</p>
        <div className="button-row">
          {mayCreate.ok && (
            <Button variant="primary" onClick={() => setMelden(true)}>
              {S.melden}
            </Button>
          )}
          <Link className="btn btn-secondary" to={`/tafel/${tafelId}/rode-draden`}>
            {S.naarRodeDraden}
          </Link>
        </div>
      </header>

      {alle.length === 0 ? (
        <EmptyState title={S.leeg} action={mayCreate.ok ? <Button variant="primary" onClick={() => setMelden(true)}>{S.melden}</Button> : undefined}>
          <p>{mayCreate.ok ? S.leegActie : S.leegLezer}</p>
        </EmptyState>
      ) : (
        <>
          <Filters filter={filter} weergave={weergave} zet={zet} />
          <p className="result-count" aria-live="polite">
            {S.resultaat(zichtbaar.length, alle.length)}
          </p>
          {zichtbaar.length === 0 ? (
            <EmptyState title={S.geenResultaat} action={<Button onClick={() => zet(GEEN_FILTER)}>{S.filtersWissen}</Button>}>
              <p>{S.geenResultaatActie}</p>
            </EmptyState>
          ) : weergave === 'lijst' ? (
            <ul className="knelpunten-lijst">
              {zichtbaar.map((k) => (
                <li key={k.id}>
                  <KnelpuntKaart knelpunt={k} />
                </li>
              ))}
            </ul>
          ) : (
            <div className="knelpunten-bord">
              {perStatus(zichtbaar).map((kolom) => (
                <section key={kolom.status} className="knelpunten-bord__kolom" aria-labelledby={`kolom-${kolom.status}`}>
                  <h2 id={`kolom-${kolom.status}`}>
                    {waarde(kolom.status)} <span className="count">{kolom.knelpunten.length}</span>
                  </h2>
                  {kolom.knelpunten.length === 0 ? (
                    <p className="muted">{S.kolomLeeg}</p>
                  ) : (
                    <ul>
                      {kolom.knelpunten.map((k) => (
                        <li key={k.id}>
                          <KnelpuntKaart knelpunt={k} metStatusKeuze />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </div>
          )}
        </>
      )}
      <KnelpuntMelden open={melden} onClose={() => setMelden(false)} />
    </div>
  );
}

function Filters({ filter, weergave, zet }: { filter: KnelpuntFilter; weergave: Weergave; zet: (f: KnelpuntFilter, w?: Weergave) => void }) {
  const namen = useNamen();
  const partijen = [...namen.partijen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const actief = JSON.stringify(filter) !== JSON.stringify(GEEN_FILTER);
  return (
    <div className="filter-bar" role="search">
      <div className="form-row">
        <label htmlFor="kp-zoek">{S.zoekLabel}</label>
        <input id="kp-zoek" type="search" value={filter.zoek} onChange={(e) => zet({ ...filter, zoek: e.target.value })} />
      </div>
      <FilterKeuze id="kp-thema" label={FIELD_LABELS.knelpunten.thema} value={filter.thema} keuzes={keuzesUit(THEMAS)} onChange={(v) => zet({ ...filter, thema: v as KnelpuntFilter['thema'] })} />
      <FilterKeuze id="kp-partij" label={FIELD_LABELS.knelpunten.ingediendDoor} value={filter.partijId} keuzes={partijKeuzes(partijen)} onChange={(v) => zet({ ...filter, partijId: v })} />
      {weergave === 'lijst' && (
        <FilterKeuze id="kp-status" label={FIELD_LABELS.knelpunten.status} value={filter.status} keuzes={keuzesUit(KNELPUNT_STATUSSEN)} onChange={(v) => zet({ ...filter, status: v as KnelpuntFilter['status'] })} />
      )}
      <label className="check-row">
        <input type="checkbox" className="checkbox" checked={filter.alleenOpen} onChange={(e) => zet({ ...filter, alleenOpen: e.target.checked })} />
        {S.alleenOpen}
      </label>
      <div className="segmented" role="group" aria-label={S.weergave}>
        <button type="button" className="btn btn-secondary" aria-pressed={weergave === 'lijst'} onClick={() => zet(filter, 'lijst')}>
          {S.lijst}
        </button>
        <button type="button" className="btn btn-secondary" aria-pressed={weergave === 'bord'} onClick={() => zet({ ...filter, status: '' }, 'bord')}>
          {S.bord}
        </button>
      </div>
      {actief && (
        <Button variant="quiet" onClick={() => zet(GEEN_FILTER)}>
          {S.filtersWissen}
        </Button>
      )}
    </div>
  );
}
