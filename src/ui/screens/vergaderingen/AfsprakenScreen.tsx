// All afspraken of the tafel: filter by partij and status; the assigned partij updates status
// and voortgang in place. The chair can also record one here, outside a meeting.

import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AFSPRAAK_STATUSSEN, readAfspraken, type AfspraakStatus } from '../../../model';
import { Button } from '../../components/Button';
import { FilterKeuze, keuzesUit, partijKeuzes } from '../../components/FilterKeuze';
import { EmptyState } from '../../components/EmptyState';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, useNamen, usePlek, useRead, useTafel } from '../../tafel';
import { AfspraakForm } from './AfspraakForm';
import { AfsprakenLijst } from './AfspraakItem';
import { filterAfspraken, GEEN_AFSPRAAK_FILTER, sorteerAfspraken, type AfspraakFilter } from './afsprakenView';
import './vergaderingen.css';

const S = strings.afspraken;

function leesFilter(p: URLSearchParams): AfspraakFilter {
  const status = p.get('status') ?? '';
  return {
    partijId: p.get('partij') ?? '',
    status: (AFSPRAAK_STATUSSEN as readonly string[]).includes(status) ? (status as AfspraakStatus) : '',
    alleenLopend: p.get('lopend') === '1',
  };
}

function schrijfFilter(f: AfspraakFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.partijId) p.set('partij', f.partijId);
  if (f.status) p.set('status', f.status);
  if (f.alleenLopend) p.set('lopend', '1');
  return p;
}

export default function AfsprakenScreen() {
  usePlek('afspraken');
  const id = useId();
  const { actor } = useTafel();
  const namen = useNamen();
  const alle = useRead(readAfspraken);
  const magVastleggen = useMayCreate('afspraken');
  const [params, setParams] = useSearchParams();
  const filter = leesFilter(params);
  const zet = (f: AfspraakFilter) => setParams(schrijfFilter(f), { replace: true });
  const zichtbaar = useMemo(() => sorteerAfspraken(filterAfspraken(alle, filter)), [alle, filter]);
  const partijen = [...namen.partijen.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));

  return (
    <div className="page afspraken-screen">
      <header className="page-head">
        <h1>{S.titel}</h1>
        <p className="intro">{S.intro}</p>
      </header>
      {alle.length === 0 ? (
        <EmptyState title={S.leeg}>
          <p>{S.leegActie}</p>
        </EmptyState>
      ) : (
        <>
          <div className="filter-bar" role="search">
            <FilterKeuze id={`${id}-partij`} label={FIELD_LABELS.afspraken.partijId} value={filter.partijId} keuzes={partijKeuzes(partijen)} onChange={(v) => zet({ ...filter, partijId: v })} />
            <FilterKeuze id={`${id}-status`} label={FIELD_LABELS.afspraken.status} value={filter.status} keuzes={keuzesUit(AFSPRAAK_STATUSSEN)} onChange={(v) => zet({ ...filter, status: v as AfspraakFilter['status'] })} />
            <label className="check-row">
              <input type="checkbox" className="checkbox" checked={filter.alleenLopend} onChange={(e) => zet({ ...filter, alleenLopend: e.target.checked })} />
              {S.alleenOpen}
            </label>
            {actor && (
              <Button aria-pressed={filter.partijId === actor.partijId} onClick={() => zet({ ...filter, partijId: filter.partijId === actor.partijId ? '' : actor.partijId })}>
                {S.mijnPartij}
              </Button>
            )}
          </div>
          <p className="result-count" aria-live="polite">
            {S.resultaat(zichtbaar.length, alle.length)}
          </p>
          {zichtbaar.length === 0 ? (
            <EmptyState title={S.geenResultaat} action={<Button onClick={() => zet(GEEN_AFSPRAAK_FILTER)}>{strings.knelpunten.filtersWissen}</Button>} />
          ) : (
            <AfsprakenLijst afspraken={zichtbaar} />
          )}
        </>
      )}
      {magVastleggen.ok && (
        <section className="card">
          <AfspraakForm />
        </section>
      )}
    </div>
  );
}
