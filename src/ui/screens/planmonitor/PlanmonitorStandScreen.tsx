// /tafel/:tafelId/planmonitor/stand?datum=2026-10-01 — the planmonitor as it stood at the end of a
// date (issue 16), read-only: today's document rewound with the relay's field history
// (src/model/standOp.ts). The history is on the server, so this needs a connection and says so.
// The same grid, filters and totals row as the live planmonitor; rows do not open a project,
// whose page shows today.

import { endOfDay, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { readKnelpuntenOp, readProjectenOp, type Stand } from '../../../model';
import { fetchStateAsOf, HistoryError } from '../../../sync';
import { Banner } from '../../components/Banner';
import { LinkButton } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { ProjectGrid, FilterBar } from './PlanmonitorScreen';
import { buildRijen, filterRijen, filtersFromParams, gemeenten, paramsFromFilters, sortRijen, type Filters, type SortKey } from './planmonitorView';
import './planmonitor.css';

const t = strings.planmonitorStand;
const DATUM = /^\d{4}-\d{2}-\d{2}$/;

interface Standen {
  readonly projecten: Stand;
  readonly knelpunten: Stand;
}

export default function PlanmonitorStandScreen() {
  usePlek('planmonitor');
  const { joined, tafelId } = useTafel();
  const [params, setParams] = useSearchParams();
  const datum = DATUM.test(params.get('datum') ?? '') ? params.get('datum')! : '';
  const { filters, sort } = filtersFromParams(params);
  const [standen, setStanden] = useState<{ datum: string; standen: Standen } | null>(null);
  const [fout, setFout] = useState<string | null>(null);

  useEffect(() => {
    setFout(null);
    if (!datum) return;
    let alive = true;
    const at = endOfDay(parseISO(datum)).getTime();
    Promise.all([fetchStateAsOf(joined, 'projecten', at), fetchStateAsOf(joined, 'knelpunten', at)]).then(
      ([projecten, knelpunten]) => alive && setStanden({ datum, standen: { projecten, knelpunten } }),
      (e: unknown) => alive && setFout(e instanceof HistoryError && e.kind === 'offline' ? t.offline : t.fout),
    );
    return () => {
      alive = false;
    };
  }, [joined, datum]);

  const huidig = standen?.datum === datum ? standen.standen : null;
  const rijen = useRead((doc) => (huidig ? buildRijen(readProjectenOp(doc, huidig.projecten), readKnelpuntenOp(doc, huidig.knelpunten)) : null), [huidig]);
  const query = params.toString();
  const zichtbaar = useMemo(() => {
    const q = filtersFromParams(new URLSearchParams(query));
    return rijen ? sortRijen(filterRijen(rijen, q.filters), q.sort) : [];
  }, [rijen, query]);

  const setDatum = (d: string) => {
    const next = new URLSearchParams(params);
    if (d) next.set('datum', d);
    else next.delete('datum');
    setParams(next, { replace: true });
  };
  const keepDatum = (p: URLSearchParams) => {
    if (datum) p.set('datum', datum);
    return p;
  };
  const setFilters = (next: Partial<Filters>) => setParams(keepDatum(paramsFromFilters({ ...filters, ...next }, sort)), { replace: true });
  const toggleSort = (key: SortKey) =>
    setParams(keepDatum(paramsFromFilters(filters, { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' })), { replace: true });

  return (
    <div className="page planmonitor">
      <div className="page-head">
        <h1>{datum ? t.titelOp(format(parseISO(datum), 'd MMMM yyyy', { locale: nl })) : t.titel}</h1>
        <div className="pm-acties">
          <LinkButton to={`/tafel/${encodeURIComponent(tafelId)}/planmonitor`}>{t.naarVandaag}</LinkButton>
        </div>
      </div>
      <p className="muted pm-intro">{t.uitleg}</p>
      <div className="form-row pm-stand-datum">
        <label htmlFor="pm-stand-datum">{t.datum}</label>
        <input id="pm-stand-datum" type="date" value={datum} max={format(new Date(), 'yyyy-MM-dd')} onChange={(e) => setDatum(e.target.value)} />
      </div>
      {fout ? (
        <Banner tone="warning">{fout}</Banner>
      ) : !datum ? (
        <p>{t.kiesDatum}</p>
      ) : !rijen ? (
        <p role="status">{strings.common.laden}</p>
      ) : rijen.length === 0 ? (
        <EmptyState title={t.leeg}>
          <p>{t.leegUitleg}</p>
        </EmptyState>
      ) : (
        <>
          <FilterBar filters={filters} gemeenten={gemeenten(rijen)} resultaat={strings.planmonitor.resultaat(zichtbaar.length, rijen.length)} onChange={setFilters} />
          <ProjectGrid rijen={zichtbaar} links={false} totaal={rijen.length} uitLeesmodel={false} sortKey={sort.key} sortDir={sort.dir} onSort={toggleSort} tafelId={tafelId} />
        </>
      )}
    </div>
  );
}
