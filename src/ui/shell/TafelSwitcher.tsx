// The tafels switcher in the header: every tafel on this device (with personen, every tafel of the
// person: docs/relay-api.md "Personen"), the current one marked, read from the device store so it
// works offline. A disclosure (details/summary): keyboard and screen reader use it natively;
// Escape closes it and gives focus back to its button, choosing a tafel closes it.

import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { useJoinedTafels } from '../tafel/useJoinedTafels';
import { strings } from '../strings';

const w = strings.tafelWissel;

export function TafelSwitcher({ currentId }: { currentId: string }) {
  const tafels = useJoinedTafels() ?? [];
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (details.current) details.current.open = false;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !details.current?.open) return;
    e.preventDefault();
    close();
    details.current.querySelector('summary')?.focus();
  };
  return (
    <details className="switcher" ref={details} onKeyDown={onKeyDown}>
      <summary className="btn btn-quiet">{strings.nav.wisselTafel}</summary>
      <nav className="switcher-menu" aria-label={w.lijst}>
        <ul>
          {tafels.map((t) => {
            const current = t.tafelId === currentId;
            return (
              <li key={t.tafelId}>
                <Link
                  className={`nav-link${current ? ' active' : ''}`}
                  to={`/tafel/${encodeURIComponent(t.tafelId)}`}
                  aria-current={current ? 'page' : undefined}
                  onClick={close}
                >
                  <span className="switcher-mark" aria-hidden="true">
                    {current ? '✓' : ''}
                  </span>
                  <span>
                    {t.naam || w.naamOnbekend}
                    {current && <span className="switcher-note"> ({w.huidige})</span>}
                    {t.accessEndedAt !== undefined && <span className="switcher-note"> ({w.toegangBeeindigd})</span>}
                  </span>
                </Link>
              </li>
            );
          })}
          <li className="switcher-all">
            <Link className="nav-link" to="/" onClick={close}>
              {strings.nav.tafelsOpApparaat}
            </Link>
          </li>
        </ul>
      </nav>
    </details>
  );
}
