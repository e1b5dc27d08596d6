// Link projects by typing part of a name: chosen ones show as removable chips, matches as a
// short list of buttons. Works with 2,000 projects and with a finger.

import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { readProjecten } from '../../../model';
import { strings } from '../../strings';
import { useRead, useTafel } from '../../tafel';
import { zoekProjecten } from './projectZoeken';

const S = strings.projectKiezer;

/** `badge`: shown next to the legend, e.g. whose field this is. */
export function ProjectKiezer({ gekozen, onChange, label, badge }: { gekozen: readonly string[]; onChange: (ids: string[]) => void; label: string; badge?: ReactNode }) {
  const id = useId();
  const projecten = useRead(readProjecten);
  const [zoek, setZoek] = useState('');
  const byId = useMemo(() => new Map(projecten.map((p) => [p.id, p])), [projecten]);
  const treffers = useMemo(() => zoekProjecten(projecten, zoek, gekozen), [projecten, zoek, gekozen]);
  return (
    <fieldset className="project-kiezer">
      <legend className="field-head">
        <span className="field-label">{label}</span>
        {badge}
      </legend>
      {gekozen.length === 0 ? (
        <p className="muted">{S.geen}</p>
      ) : (
        <ul className="chips" aria-label={S.gekoppeld}>
          {gekozen.map((pid) => {
            const naam = byId.get(pid)?.naam ?? strings.common.onbekend;
            return (
              <li key={pid} className="chip">
                <span>{naam}</span>
                <button type="button" className="btn btn-quiet icon-btn" aria-label={S.verwijderen(naam)} onClick={() => onChange(gekozen.filter((x) => x !== pid))}>
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label htmlFor={id}>{S.zoek}</label>
      <input id={id} type="search" value={zoek} autoComplete="off" onChange={(e) => setZoek(e.target.value)} />
      {zoek.trim() !== '' && (
        <div aria-live="polite">
          {treffers.projecten.length === 0 ? (
            <p className="muted">{S.geenTreffers}</p>
          ) : (
            <ul className="project-kiezer__treffers">
              {treffers.projecten.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="btn btn-secondary"
                    aria-label={S.toevoegen(p.naam)}
                    onClick={() => {
                      onChange([...gekozen, p.id]);
                      setZoek('');
                    }}
                  >
                    + {p.naam}
                    {p.gemeente && <span className="muted"> · {p.gemeente}</span>}
                  </button>
                </li>
              ))}
              {treffers.meer > 0 && <li className="muted">{S.meer(treffers.meer)}</li>}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** Linked projects as links to their detail page (read-only display). */
export function ProjectLinks({ ids }: { ids: readonly string[] }) {
  const { tafelId } = useTafel();
  const projecten = useRead(readProjecten);
  const byId = useMemo(() => new Map(projecten.map((p) => [p.id, p])), [projecten]);
  return (
    <ul className="link-list">
      {ids.map((pid) => (
        <li key={pid}>
          <Link to={`/tafel/${tafelId}/planmonitor/${pid}`}>{byId.get(pid)?.naam ?? strings.common.onbekend}</Link>
        </li>
      ))}
    </ul>
  );
}
