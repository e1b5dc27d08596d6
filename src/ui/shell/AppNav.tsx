// The side rail (landscape) or strip (portrait) with the screens of the open tafel.

import { NavLink } from 'react-router-dom';
import { isChair } from '../../ownership/rulebook';
import { useConflicts } from '../tafel/useConflicts';
import { useTafel } from '../tafel/useTafel';
import { useRead } from '../tafel/useRead';
import { useReadModel } from '../tafel/useReadModel';
import { readNetwerkPlek } from '../../model';
import type * as Y from 'yjs';

const isLandelijk = (doc: Y.Doc): boolean => readNetwerkPlek(doc).soort === 'landelijk';
import { strings } from '../strings';

const n = strings.nav;

export function AppNav() {
  const { tafelId, actor: liveActor } = useTafel();
  const conflicts = useConflicts(tafelId);
  // While the tafel opens the read model says what the navigation will hold, so nothing moves when it is live.
  const model = useReadModel();
  const actor = liveActor ?? model?.ik?.actor ?? null;
  const landelijk = useRead(isLandelijk) || model?.landelijk === true;
  const base = `/tafel/${encodeURIComponent(tafelId)}`;
  const items: { to: string; label: string; end?: boolean; count?: number; countLabel?: string }[] = [
    { to: base, label: n.home, end: true },
    { to: `${base}/zoeken`, label: n.zoeken },
    { to: `${base}/planmonitor`, label: n.planmonitor },
    { to: `${base}/knelpunten`, label: n.knelpunten },
    { to: `${base}/rode-draden`, label: n.rodeDraden },
    ...(landelijk ? [{ to: `${base}/escalaties`, label: strings.netwerk.navEscalaties }] : []),
    { to: `${base}/vergaderingen`, label: n.vergaderingen },
    { to: `${base}/afspraken`, label: n.afspraken },
    { to: `${base}/dashboard`, label: n.dashboard },
    { to: `${base}/rapportages`, label: n.rapportages },
    ...(actor && isChair(actor) ? [{ to: `${base}/leden`, label: n.leden }] : []),
    { to: `${base}/netwerk`, label: strings.netwerk.navNetwerk },
    { to: `${base}/instellingen`, label: n.instellingen },
    { to: `${base}/inbox`, label: n.inbox, count: conflicts.length, countLabel: n.inboxBadge(conflicts.length) },
  ];
  return (
    <nav className="app-nav" aria-label={n.label}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}>
              <span>{item.label}</span>
              {item.count ? (
                <span className="nav-count">
                  <span aria-hidden="true">{item.count}</span>
                  <span className="visually-hidden">{item.countLabel}</span>
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
