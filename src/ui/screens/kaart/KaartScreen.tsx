// /tafel/:tafelId/planmonitor/kaart — the projects with an outline on a map, with the same filters
// as the planmonitor grid (they live in the URL, so switching between list and map keeps them).
// MapLibre GL is loaded only here (its own chunk). Online the PDOK BRT achtergrondkaart lies
// underneath; offline the service worker serves the tiles seen before, and with none the outlines
// stand on a plain background. Tapping an outline opens the project; the list below the map offers
// the same for keyboard and screen reader users.

import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import { readKnelpuntenCached, readProjectenCached } from '../../../model';
import { Banner } from '../../components/Banner';
import { LinkButton } from '../../components/Button';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { FilterBar } from '../planmonitor/PlanmonitorScreen';
import { buildRijen, filtersFromParams, gemeenten, paramsFromFilters, type Filters } from '../planmonitor/planmonitorView';
import { BRT_TEGELS, grenzen, kaartData, KLEUREN, type KleurKlasse, type Kleuring } from './kaartData';
import './kaart.css';

const t = strings.monitor.kaart;
/** The Netherlands, for a tafel without outlines yet. */
const NEDERLAND: [[number, number], [number, number]] = [[3.3, 50.7], [7.3, 53.6]];

export default function KaartScreen() {
  usePlek('planmonitor', {});
  const { tafelId } = useTafel();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { filters, sort } = filtersFromParams(params);
  const kleuring: Kleuring = params.get('kleur') === 'knelpunt' ? 'knelpunt' : 'planstatus';
  const projecten = useRead(readProjectenCached, []);
  const knelpunten = useRead(readKnelpuntenCached, []);
  const data = useMemo(() => kaartData(projecten, knelpunten, filters, kleuring), [projecten, knelpunten, filters, kleuring]);
  const gemeenteOpties = useMemo(() => gemeenten(buildRijen(projecten, knelpunten)), [projecten, knelpunten]);
  const container = useRef<HTMLDivElement | null>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [status, setStatus] = useState<'laden' | 'klaar' | 'geen'>('laden');
  const online = typeof navigator === 'undefined' || navigator.onLine;
  const base = `/tafel/${encodeURIComponent(tafelId)}/planmonitor`;

  const setFilters = (next: Partial<Filters>) => {
    const p = paramsFromFilters({ ...filters, ...next }, sort);
    if (kleuring !== 'planstatus') p.set('kleur', kleuring);
    setParams(p, { replace: true });
  };
  const setKleuring = (k: Kleuring) => {
    const p = new URLSearchParams(params);
    if (k === 'planstatus') p.delete('kleur');
    else p.set('kleur', k);
    setParams(p, { replace: true });
  };

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [maplibre, worker] = await Promise.all([import('maplibre-gl'), import('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url')]);
        await import('maplibre-gl/dist/maplibre-gl.css');
        // The tile worker, bundled by Vite and served (and precached) from our own origin.
        maplibre.setWorkerUrl(worker.default);
        if (cancelled || !container.current) return;
        const m = new maplibre.Map({
          container: container.current,
          style: {
            version: 8,
            sources: {
              // Tiles come from the network or, offline, from the service worker's cache.
              brt: { type: 'raster', tiles: [BRT_TEGELS], tileSize: 256, maxzoom: 19, attribution: t.bron },
              projecten: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
            },
            layers: [
              { id: 'achtergrond', type: 'background', paint: { 'background-color': '#eef0f3' } },
              { id: 'brt', type: 'raster', source: 'brt' },
              { id: 'vlak', type: 'fill', source: 'projecten', paint: { 'fill-color': ['get', 'kleur'], 'fill-opacity': 0.45 } },
              { id: 'rand', type: 'line', source: 'projecten', paint: { 'line-color': ['get', 'kleur'], 'line-width': 2.5 } },
            ],
          },
          bounds: NEDERLAND,
          attributionControl: { compact: true },
        });
        m.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
        m.on('click', 'vlak', (e) => {
          const id = e.features?.[0]?.properties?.id;
          if (typeof id === 'string') navigate(`${base}/${encodeURIComponent(id)}`);
        });
        m.on('mouseenter', 'vlak', () => (m.getCanvas().style.cursor = 'pointer'));
        m.on('mouseleave', 'vlak', () => (m.getCanvas().style.cursor = ''));
        // A failing tile (offline, not cached) leaves the plain background: nothing to report.
        m.on('error', () => undefined);
        m.on('load', () => {
          if (!cancelled) setStatus('klaar');
        });
        map.current = m;
      } catch {
        if (!cancelled) setStatus('geen');
      }
    })();
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, [base, navigate]);

  useEffect(() => {
    const m = map.current;
    if (!m || status !== 'klaar') return;
    (m.getSource('projecten') as GeoJSONSource | undefined)?.setData(data.geojson as unknown as Parameters<GeoJSONSource['setData']>[0]);
    const b = grenzen(data.geojson);
    m.fitBounds(b ?? NEDERLAND, { padding: 40, maxZoom: 16, duration: 0 });
    // Marks when the outlines are in (tiles may still be loading, or never come offline).
    const klaar = (e: { sourceId?: string; isSourceLoaded?: boolean }) => {
      if (e.sourceId !== 'projecten' || !e.isSourceLoaded) return;
      m.off('sourcedata', klaar);
      container.current?.setAttribute('data-getekend', String(data.lijst.length));
    };
    m.on('sourcedata', klaar);
  }, [data, status]);

  const klassen: KleurKlasse[] = kleuring === 'planstatus' ? ['hard', 'voorbereiding', 'zacht', 'onbekend'] : ['metKnelpunt', 'zonderKnelpunt'];
  return (
    <div className="page kaart">
      <div className="page-head">
        <h1>{t.titel}</h1>
        <LinkButton to={`${base}?${paramsFromFilters(filters, sort).toString()}`}>{t.lijst}</LinkButton>
      </div>
      <FilterBar filters={filters} gemeenten={gemeenteOpties} onChange={setFilters} />
      <div className="form-row kaart-kleur">
        <label htmlFor="kaart-kleur">{t.kleurOp}</label>
        <select id="kaart-kleur" value={kleuring} onChange={(e) => setKleuring(e.target.value as Kleuring)}>
          <option value="planstatus">{t.kleuringen.planstatus}</option>
          <option value="knelpunt">{t.kleuringen.knelpunt}</option>
        </select>
      </div>
      {!online && <Banner tone="info">{t.offline}</Banner>}
      {status === 'geen' && <Banner tone="warning">{t.geenKaart}</Banner>}
      <div className="kaart-vlak" ref={container} role="region" aria-label={t.kaartLabel} data-status={status}>
        {status === 'laden' && <p className="muted kaart-laden">{t.laden}</p>}
      </div>
      <ul className="kaart-legenda" aria-label={t.legenda}>
        {klassen.map((k) => (
          <li key={k}>
            <span className="kaart-swatch" style={{ background: KLEUREN[k] }} aria-hidden="true" />
            {t.klassen[k]}
          </li>
        ))}
      </ul>
      <p role="status">{t.opKaart(data.lijst.length)}</p>
      {data.zonderContour > 0 && <p className="muted">{t.zonderContour(data.zonderContour)}</p>}
      <ul className="plain-list kaart-lijst">
        {data.lijst.map((p) => (
          <li key={p.id}>
            <span className="kaart-swatch" style={{ background: KLEUREN[p.klasse] }} aria-hidden="true" />
            <Link to={`${base}/${encodeURIComponent(p.id)}`}>{p.naam}</Link> <span className="muted">({t.klassen[p.klasse]})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
