// Switch to another tafel joined on this device, or go to the list of tafels.

import { Link } from 'react-router-dom';
import { useJoinedTafels } from '../tafel/useJoinedTafels';
import { strings } from '../strings';

export function TafelSwitcher({ currentId }: { currentId: string }) {
  const tafels = useJoinedTafels() ?? [];
  const others = tafels.filter((t) => t.tafelId !== currentId);
  return (
    <details className="switcher">
      <summary className="btn btn-quiet">{strings.nav.wisselTafel}</summary>
      <ul className="switcher-menu">
        {others.map((t) => (
          <li key={t.tafelId}>
            <Link className="nav-link" to={`/tafel/${encodeURIComponent(t.tafelId)}`}>
              {t.naam}
            </Link>
          </li>
        ))}
        <li>
          <Link className="nav-link" to="/">
            {strings.nav.tafelsOpApparaat}
          </Link>
        </li>
      </ul>
    </details>
  );
}
