// The frame around every screen of one tafel: opens the TafelSession for the tafel in the URL
// (local copy first, so it works offline), provides it to the screens, and shows the header
// (tafel name, presence, sync status), the navigation and sync notices.

import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { readTafel } from '../../model';
import { openTafelSession, type JoinedTafel, type TafelSession } from '../../sync';
import { Banner } from '../components/Banner';
import { noticeText } from '../codeText';
import { LinkButton } from '../components/Button';
import { PresenceAvatars } from '../components/PresenceList';
import { SyncStatusBadge } from '../components/SyncStatusBadge';
import { TafelProvider } from '../tafel/TafelContext';
import { useJoinedTafels } from '../tafel/useJoinedTafels';
import { useRead } from '../tafel/useRead';
import { useSyncStatus } from '../tafel/useTafel';
import { strings } from '../strings';
import { AppNav } from './AppNav';
import { ErrorBoundary } from './ErrorBoundary';
import { TafelSwitcher } from './TafelSwitcher';
import './shell.css';

export function TafelShell() {
  const { tafelId = '' } = useParams();
  const tafels = useJoinedTafels();
  const joined = tafels?.find((t) => t.tafelId === tafelId);
  if (tafels === null) return <Loading />;
  if (!joined) return <UnknownTafel />;
  return <OpenTafel key={`${joined.tafelId}:${joined.lidId}`} joined={joined} />;
}

function OpenTafel({ joined }: { joined: JoinedTafel }) {
  const [session, setSession] = useState<TafelSession | null>(null);
  useEffect(() => {
    const s = openTafelSession(joined);
    setSession(s);
    return () => {
      s.destroy();
      setSession(null);
    };
    // One session per tafel and lid (the key above): a renamed tafel or refreshed token needs no reopen.
  }, [joined.tafelId, joined.lidId]);
  if (!session) return <Loading />;
  return (
    <TafelProvider session={session} joined={joined}>
      <ShellFrame />
    </TafelProvider>
  );
}

function ShellFrame() {
  const tafel = useRead(readTafel);
  const { tafelId = '' } = useParams();
  const status = useSyncStatus();
  const location = useLocation();
  const [hiddenNotice, setHiddenNotice] = useState<string | null>(null);
  const notice = status.notice && noticeText(status.notice);
  return (
    <>
      <a className="skip-link" href="#main">
        {strings.app.hoofdinhoud}
      </a>
      <header className="app-header">
        <Link className="app-title" to={`/tafel/${encodeURIComponent(tafelId)}`}>
          <span>{strings.app.naam}</span>
          <small>{tafel.naam || strings.common.laden}</small>
        </Link>
        <TafelSwitcher currentId={tafelId} />
        <span className="header-spacer" />
        <PresenceAvatars />
        <SyncStatusBadge />
      </header>
      <div className="app-body">
        <AppNav />
        <main className="app-main" id="main" tabIndex={-1}>
          {notice && notice !== hiddenNotice && (
            <Banner tone="info" onClose={() => setHiddenNotice(notice)}>
              {notice}
            </Banner>
          )}
          {!status.loaded && tafel.schemaVersion === 0 && status.connection !== 'online' && <Banner tone="warning">{strings.sync.nietGeladen}</Banner>}
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
    </>
  );
}

function Loading() {
  return (
    <main className="app-main page" id="main">
      <p role="status">{strings.common.laden}</p>
    </main>
  );
}

function UnknownTafel() {
  return (
    <main className="app-main page" id="main">
      <h1>{strings.welcome.tafelOnbekend}</h1>
      <p>{strings.welcome.tafelOnbekendUitleg}</p>
      <LinkButton to="/" variant="primary">
        {strings.nav.tafelsOpApparaat}
      </LinkButton>
    </main>
  );
}
