// Linking knelpunten (to an agendapunt): the open ones as checkboxes, since a tafel has tens of
// knelpunten, not thousands. Linked ones that are closed stay listed so they can be unlinked.

import { useId, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { readKnelpunten } from '../../../model';
import { strings, waarde } from '../../strings';
import { useRead, useTafel } from '../../tafel';
import { isOpen } from './knelpuntenFilter';

export function KnelpuntKiezer({ gekozen, onChange, label, badge }: { gekozen: readonly string[]; onChange: (ids: string[]) => void; label: string; badge?: ReactNode }) {
  const id = useId();
  const alle = useRead(readKnelpunten);
  const keuzes = useMemo(() => alle.filter((k) => isOpen(k) || gekozen.includes(k.id)).sort((a, b) => a.titel.localeCompare(b.titel, 'nl')), [alle, gekozen]);
  return (
    <fieldset className="knelpunt-kiezer">
      <legend className="field-head">
        <span className="field-label">{label}</span>
        {badge}
      </legend>
      {keuzes.length === 0 ? (
        <p className="muted">{strings.vergadering.geenOpenKnelpunten}</p>
      ) : (
        <ul className="check-list">
          {keuzes.map((k) => (
            <li key={k.id}>
              <label className="check-row" htmlFor={`${id}-${k.id}`}>
                <input
                  id={`${id}-${k.id}`}
                  type="checkbox"
                  className="checkbox"
                  checked={gekozen.includes(k.id)}
                  onChange={(e) => onChange(e.target.checked ? [...gekozen, k.id] : gekozen.filter((x) => x !== k.id))}
                />
                {k.titel} <span className="muted">({waarde(k.thema)})</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export function KnelpuntLinks({ ids }: { ids: readonly string[] }) {
  const { tafelId } = useTafel();
  const alle = useRead(readKnelpunten);
  const byId = useMemo(() => new Map(alle.map((k) => [k.id, k])), [alle]);
  return (
    <ul className="link-list">
      {ids.map((kid) => (
        <li key={kid}>
          <Link to={`/tafel/${tafelId}/knelpunten/${kid}`}>{byId.get(kid)?.titel ?? strings.common.onbekend}</Link>
        </li>
      ))}
    </ul>
  );
}
