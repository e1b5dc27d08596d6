// /tafel/:tafelId/zoeken?q=… — one box that searches the whole tafel (issue 16): projects,
// knelpunten, afspraken, besluiten, agendapunten and notulen, in the copy on this device, so offline too.

import { useDeferredValue, useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { searchTafel, type SearchHit } from '../../../model';
import { EmptyState } from '../../components/EmptyState';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import './zoeken.css';

const t = strings.zoeken;

function route(h: SearchHit): string {
  const enc = encodeURIComponent;
  switch (h.kind) {
    case 'project':
      return `planmonitor/${enc(h.id)}`;
    case 'knelpunt':
      return `knelpunten/${enc(h.id)}`;
    case 'afspraak':
      return 'afspraken';
    case 'besluit':
    case 'agendapunt':
    case 'notulen':
      return `vergaderingen/${enc(h.vergaderingId ?? h.id)}`;
  }
}

export default function ZoekenScreen() {
  usePlek('zoeken');
  const id = useId();
  const { tafelId } = useTafel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  // Typing stays quick on a large tafel: the results follow a moment later.
  const deferred = useDeferredValue(q);
  const hits = useRead((doc) => searchTafel(doc, deferred), [deferred]);
  const base = `/tafel/${encodeURIComponent(tafelId)}/`;
  return (
    <div className="page zoeken">
      <div className="page-head">
        <h1>{t.titel}</h1>
      </div>
      <form role="search" aria-label={t.titel} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`}>{t.label}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          placeholder={t.voorbeeld}
          onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
        />
        <p className="muted">{t.uitleg}</p>
      </form>
      {deferred.trim() !== '' && (
        <p className="result-count" role="status" aria-live="polite">
          {t.aantal(hits.length)}
        </p>
      )}
      {deferred.trim() !== '' && hits.length === 0 ? (
        <EmptyState title={t.niets(deferred.trim())} />
      ) : (
        <ul className="plain-list zoek-hits">
          {hits.map((h) => (
            <li key={`${h.kind}:${h.id}`} className="card zoek-hit">
              <span className={`badge zoek-soort zoek-${h.kind}`}>{t.soorten[h.kind]}</span>
              <Link to={base + route(h)} className="zoek-titel">
                {h.titel || strings.common.leeg}
              </Link>
              {h.fragment && <p className="muted zoek-fragment">{h.fragment}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
