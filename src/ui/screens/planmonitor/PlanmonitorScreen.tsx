// /tafel/:tafelId/planmonitor — all projects in a sortable, filterable, virtualised grid (only
// the rows in view are rendered, so 2,000 projects scroll smoothly). Filters live in the URL.
// While the tafel opens, the rows come from the read model (the very same rows, built by the
// same function); the grid stays mounted when the document takes over, so order, widths, scroll
// and focus stay as they were. Editing ("Nieuw project") waits for the document.

import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { changedByOtherSince, PLANSTATUSSEN, readKnelpuntenCached, readProjectenCached, SEGMENTEN } from '../../../model';
import { Button, LinkButton } from '../../components/Button';
import { FilterKeuze, keuzesUit, partijKeuzes } from '../../components/FilterKeuze';
import { EmptyState } from '../../components/EmptyState';
import { useMediaQuery } from '../../components/useMediaQuery';
import { NieuwBadge } from '../../components/NieuwBadge';
import { PartijBadge } from '../../components/OwnerBadge';
import { useMarkersSince } from '../../tafel/useLastVisit';
import { useMayCreate } from '../../tafel/useMayEdit';
import { useNamen } from '../../tafel/useNamen';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { useOpening, useReadModel } from '../../tafel/useReadModel';
import { useTafel } from '../../tafel/useTafel';
import { aantal, strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { ExportKnop } from './ExportKnop';
import { NieuwProjectDialog } from './NieuwProjectDialog';
import {
  aantalFilters,
  buildRijen,
  filterRijen,
  filtersFromParams,
  gemeenten,
  GEEN_FILTERS,
  hasFilters,
  paramsFromFilters,
  sortRijen,
  type Filters,
  type ProjectRij,
  type SortKey,
} from './planmonitorView';
import { PlanmonitorTotalen } from './PlanmonitorTotalen';
import './planmonitor.css';

const t = strings.planmonitor;
const ROW_HEIGHT = 64;
/** Short screens (a landscape tablet): rows of 48px (a name of two lines, no location line), so ten rows and more fit at open. */
const KORT_SCHERM = '(max-height: 800px)';
const ROW_HEIGHT_KORT = 48;

const COLUMNS: { key: SortKey | 'publiek' | 'privaat'; label: string; num?: boolean; sortable: boolean; narrowHidden?: boolean }[] = [
  { key: 'naam', label: t.kolommen.naam!, sortable: true },
  { key: 'gemeente', label: FIELD_LABELS.projecten.gemeente, sortable: true, narrowHidden: true },
  { key: 'planstatus', label: FIELD_LABELS.projecten.planstatus, sortable: true },
  { key: 'woningen', label: t.kolommen.woningen!, num: true, sortable: true },
  { key: 'betaalbaar', label: t.kolommen.betaalbaar!, num: true, sortable: true, narrowHidden: true },
  { key: 'oplevering', label: t.kolommen.oplevering!, sortable: true },
  { key: 'publiek', label: t.kolommen.publiek!, sortable: false, narrowHidden: true },
  { key: 'privaat', label: t.kolommen.privaat!, sortable: false },
  { key: 'knelpunten', label: t.kolommen.knelpunten!, num: true, sortable: true },
];

export default function PlanmonitorScreen() {
  usePlek('planmonitor');
  const { tafelId } = useTafel();
  const projecten = useRead(readProjectenCached);
  const knelpunten = useRead(readKnelpuntenCached);
  const model = useReadModel();
  const opening = useOpening();
  const mayCreate = useMayCreate('projecten');
  const [params, setParams] = useSearchParams();
  const { filters, sort } = filtersFromParams(params);
  const [creating, setCreating] = useState(false);
  const { since, lidId } = useMarkersSince();
  const gewijzigd = useMemo(
    () => new Set(since === null ? [] : projecten.filter((p) => changedByOtherSince(p.provenance, since, lidId)).map((p) => p.id)),
    [projecten, since, lidId],
  );

  const liveRijen = useMemo(() => buildRijen(projecten, knelpunten), [projecten, knelpunten]);
  const rijen = model ? model.planmonitor : liveRijen;
  // Typing in the search box stays instant; the grid follows as soon as React has time.
  const query = useDeferredValue(params.toString());
  const zichtbaar = useMemo(() => {
    const q = filtersFromParams(new URLSearchParams(query));
    return sortRijen(filterRijen(rijen, q.filters), q.sort);
  }, [rijen, query]);
  const gemeenteOpties = useMemo(() => gemeenten(rijen), [rijen]);

  const setFilters = (next: Partial<Filters>) => setParams(paramsFromFilters({ ...filters, ...next }, sort), { replace: true });
  const toggleSort = (key: SortKey) =>
    setParams(paramsFromFilters(filters, { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' }), { replace: true });

  return (
    <div className="page planmonitor">
      <div className="page-head">
        <h1>{t.titel}</h1>
        <div className="pm-acties">
          <LinkButton to={`kaart?${params.toString()}`}>{strings.monitor.kaart.knop}</LinkButton>
          <LinkButton to={`stand?${params.toString()}`}>{strings.planmonitorStand.knop}</LinkButton>
          <LinkButton to="import">{strings.monitor.importeren}</LinkButton>
          <ExportKnop />
          {(mayCreate.ok || model?.magProjectMaken) && (
            // Shown (not yet usable) while the tafel opens, so the header does not change when it is live.
            <Button variant="primary" onClick={() => setCreating(true)} disabled={!mayCreate.ok}>
              {t.nieuwProject}
            </Button>
          )}
        </div>
      </div>
      <p className="muted pm-intro pm-intro-monitor">{t.intro}</p>

      {rijen.length === 0 && opening ? (
        <p role="status">{strings.common.laden}</p>
      ) : rijen.length === 0 ? (
        <EmptyState title={t.leeg}>
          <p>{mayCreate.ok ? t.leegActieOverheid : t.leegActieAnderen}</p>
        </EmptyState>
      ) : (
        <>
          <FilterBar filters={filters} gemeenten={gemeenteOpties} resultaat={t.resultaat(zichtbaar.length, rijen.length)} onChange={setFilters} />
          {zichtbaar.length === 0 ? (
            <EmptyState title={t.geenResultaat} action={<Button onClick={() => setParams(paramsFromFilters(GEEN_FILTERS, sort), { replace: true })}>{t.filtersWissen}</Button>}>
              <p>{t.geenResultaatActie}</p>
            </EmptyState>
          ) : (
            <ProjectGrid rijen={zichtbaar} gewijzigd={gewijzigd} totaal={rijen.length} uitLeesmodel={model !== null} sortKey={sort.key} sortDir={sort.dir} onSort={toggleSort} tafelId={tafelId} />
          )}
        </>
      )}
      <NieuwProjectDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/**
 * The search box and the five filters. On tablets the filters fold away behind one button that
 * says how many are on ("Filters (2)"), so the grid gets the screen; the search box and the number
 * of projects shown stay in view. Wider screens show all filters (the button is not shown there).
 */
export function FilterBar({
  filters,
  gemeenten,
  resultaat,
  onChange,
}: {
  filters: Filters;
  gemeenten: string[];
  /** How many projects the filters leave (the map says that beside itself instead). */
  resultaat?: string;
  onChange: (f: Partial<Filters>) => void;
}) {
  const namen = useNamen();
  const [open, setOpen] = useState(false);
  const partijen = [...namen.partijen.values()]
    .filter((p) => p.bloedgroep === 'overheid' || p.bloedgroep === 'corporatie' || p.bloedgroep === 'markt')
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return (
    <form className="filter-bar" role="search" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      <div className="form-row filter-zoek">
        <label htmlFor="pm-zoek">{t.zoekLabel}</label>
        <input id="pm-zoek" type="search" value={filters.zoek} onChange={(e) => onChange({ zoek: e.target.value })} />
      </div>
      <Button className="filter-knop" aria-expanded={open} aria-controls="pm-filters" onClick={() => setOpen(!open)}>
        {t.filtersKnop(aantalFilters(filters))}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </Button>
      <div id="pm-filters" className={`filter-velden${open ? ' open' : ''}`}>
        <FilterKeuze id="pm-gemeente" label={FIELD_LABELS.projecten.gemeente} value={filters.gemeente} keuzes={gemeenten.map((g) => ({ value: g, label: g }))} onChange={(v) => onChange({ gemeente: v })} />
        <FilterKeuze
          id="pm-planstatus"
          label={FIELD_LABELS.projecten.planstatus}
          value={filters.planstatus}
          keuzes={[
            ...keuzesUit(PLANSTATUSSEN),
            { value: 'onbekend', label: waarde(strings.common.onbekend) },
            { value: 'hard', label: strings.monitor.hard },
            { value: 'zacht', label: strings.monitor.zacht },
          ]}
          onChange={(v) => onChange({ planstatus: v })}
        />
        <FilterKeuze id="pm-segment" label={t.filterSegment} value={filters.segment} keuzes={keuzesUit(SEGMENTEN)} onChange={(v) => onChange({ segment: v })} />
        <FilterKeuze id="pm-eigenaar" label={t.filterEigenaar} value={filters.eigenaar} keuzes={partijKeuzes(partijen)} onChange={(v) => onChange({ eigenaar: v })} />
        <FilterKeuze id="pm-knelpunt" label={t.filterKnelpunt} value={filters.knelpunt} keuzes={[{ value: 'ja', label: t.metKnelpunt }, { value: 'nee', label: t.zonderKnelpunt }]} onChange={(v) => onChange({ knelpunt: v as Filters['knelpunt'] })} />
      </div>
      {hasFilters(filters) && (
        <div className="filter-clear">
          <Button variant="quiet" onClick={() => onChange(GEEN_FILTERS)}>
            {t.filtersWissen}
          </Button>
        </div>
      )}
      {resultaat !== undefined && (
        <p className="result-count" role="status" aria-live="polite">
          {resultaat}
        </p>
      )}
    </form>
  );
}

interface GridProps {
  rijen: ProjectRij[];
  /** false: the rows do not open the project (the monitor as of a date shows what is no longer so) */
  links?: boolean;
  /** Projects changed by others since this lid's previous visit: marked "Gewijzigd". */
  gewijzigd?: ReadonlySet<string>;
  totaal: number;
  /** The rows are the read model's (the document is still opening). */
  uitLeesmodel: boolean;
  sortKey: SortKey;
  sortDir: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  tafelId: string;
}

export function ProjectGrid({ rijen, links = true, gewijzigd, totaal, uitLeesmodel, sortKey, sortDir, onSort, tafelId }: GridProps) {
  // The page itself scrolls (no scroll box inside a scrolling page on a tablet); the virtualizer
  // needs to know where the rows start on the page.
  const bodyRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  const kort = useMediaQuery(KORT_SCHERM);
  const rowHeight = kort ? ROW_HEIGHT_KORT : ROW_HEIGHT;
  useLayoutEffect(() => {
    const measure = () => bodyRef.current && setOffset(bodyRef.current.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rijen.length,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: offset,
  });
  // Turning the tablet can change the row height: the rows' positions follow.
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const base = `/tafel/${encodeURIComponent(tafelId)}/planmonitor/`;
  const navigate = useNavigate();
  return (
    <div className={`grid-wrap${kort ? ' grid-kort' : ''}`} role="table" aria-label={t.tabelLabel} aria-rowcount={rijen.length + 2}>
      <div role="rowgroup" className="grid-head">
        <div role="row" className="grid-row" aria-rowindex={1}>
          {COLUMNS.map((c) => {
            const active = c.key === sortKey;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={`grid-cell col-${c.key}${c.num ? ' num' : ''}${c.narrowHidden ? ' narrow-hidden' : ''}`}
                aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : c.sortable ? 'none' : undefined}
              >
                {c.sortable ? (
                  <button type="button" className="sort-btn" onClick={() => onSort(c.key as SortKey)} title={t.sorteerOp(c.label)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {active ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={bodyRef} className="grid-body" data-total={totaal} data-bron={uitLeesmodel ? 'leesmodel' : 'document'}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rijen[v.index]!;
            return (
              <div
                key={r.id}
                role="row"
                aria-rowindex={v.index + 2}
                className={`grid-row grid-body-row${links ? '' : ' alleen-lezen'}`}
                // A tap anywhere on the row opens the project; keyboard and screen reader users use its link.
                onClick={(e) => {
                  if (links && !(e.target instanceof Element && e.target.closest('a'))) navigate(base + encodeURIComponent(r.id));
                }}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${v.start - offset}px)` }}
              >
                <div role="cell" className={`grid-cell col-naam${gewijzigd?.has(r.id) ? ' met-marker' : ''}`}>
                  {links ? (
                    <Link to={base + encodeURIComponent(r.id)} className="row-link">
                      {r.naam || strings.common.leeg}
                    </Link>
                  ) : (
                    <span className="row-link">{r.naam || strings.common.leeg}</span>
                  )}
                  {(gewijzigd?.has(r.id) || r.locatie || r.gemeente) && (
                    <span className="muted sub">
                      {gewijzigd?.has(r.id) && <NieuwBadge>{strings.nieuwSinds.gewijzigd}</NieuwBadge>} <span className="plek">{[r.locatie, r.gemeente].filter(Boolean).join(' · ')}</span>
                    </span>
                  )}
                </div>
                <div role="cell" className="grid-cell col-gemeente narrow-hidden">
                  {r.gemeente || strings.common.leeg}
                </div>
                <div role="cell" className="grid-cell col-planstatus">
                  {waarde(r.planstatus)}
                </div>
                <div role="cell" className="grid-cell num">
                  {aantal(r.woningen)}
                </div>
                <div role="cell" className="grid-cell num narrow-hidden">
                  {aantal(r.betaalbaar)}
                </div>
                <div role="cell" className="grid-cell">
                  {r.opleveringVan === null ? strings.common.leeg : t.oplevering(r.opleveringVan, r.opleveringTot ?? r.opleveringVan)}
                </div>
                <div role="cell" className="grid-cell narrow-hidden">
                  <PartijBadge partijId={r.publiekEigenaar || null} />
                </div>
                <div role="cell" className="grid-cell">
                  <PartijBadge partijId={r.privaatEigenaar} />
                </div>
                <div role="cell" className="grid-cell num">
                  {r.openKnelpunten > 0 ? (
                    <span className="knelpunt-count" title={t.openKnelpunten(r.openKnelpunten)}>
                      <span aria-hidden="true">{r.openKnelpunten}</span>
                      <span className="visually-hidden">{t.openKnelpunten(r.openKnelpunten)}</span>
                    </span>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <PlanmonitorTotalen rijen={rijen} />
    </div>
  );
}
