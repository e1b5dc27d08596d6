// The frame around every screen of one tafel: opens the TafelSession for the tafel in the URL
// (local copy first, so it works offline), provides it to the screens, and shows the header
// (tafel name, presence, sync status), the navigation and sync notices.

import { useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { readTafel } from '../../model';
import { openTafelSession, type JoinedTafel, type TafelSession } from '../../sync';
import { Banner } from '../components/Banner';
import { noticeText } from '../codeText';
import { Button, LinkButton } from '../components/Button';
import { PresenceAvatars } from '../components/PresenceList';
import { SyncStatusBadge } from '../components/SyncStatusBadge';
import { TafelProvider } from '../tafel/TafelContext';
import { UndoProvider } from '../tafel/UndoProvider';
import { useJoinedTafels } from '../tafel/useJoinedTafels';
import { useRead } from '../tafel/useRead';
import { useReadModel } from '../tafel/useReadModel';
import { useSyncStatus, useTafel } from '../tafel/useTafel';
import { strings } from '../strings';
import { AccessEnded } from './AccessEnded';
import { updateApp } from './updateApp';
import { AppNav } from './AppNav';
import { ErrorBoundary } from './ErrorBoundary';
import { OwnerChangeNotices } from './OwnerChangeNotices';
import { TafelSwitcher } from './TafelSwitcher';
import './shell.css';
import './print.css';

export function TafelShell() {
  const { tafelId = '' } = useParams();
  const tafels = useJoinedTafels();
  const joined = tafels?.find((t) => t.tafelId === tafelId);
  if (tafels === null) return <Loading />;
  if (!joined) return <UnknownTafel />;
  // Ending the access opens the tafel anew, in its access-ended state (no copy, no token).
  return <OpenTafel key={`${joined.tafelId}:${joined.lidId}:${joined.accessEndedAt ?? ''}`} joined={joined} />;
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
      <UndoProvider>
        <ShellFrame />
      </UndoProvider>
    </TafelProvider>
  );
}

function ShellFrame() {
  const tafel = useRead(readTafel);
  const { tafelId = '' } = useParams();
  const status = useSyncStatus();
  // Once access ended the document is gone; the name the device remembered still says which tafel.
  const joinedNaam = useTafel().joined.naam;
  const naamUitLeesmodel = useReadModel()?.naam ?? '';
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
          <small>{tafel.naam || naamUitLeesmodel || (status.revoked ? joinedNaam : '') || strings.common.laden}</small>
        </Link>
        <TafelSwitcher currentId={tafelId} />
        <span className="header-spacer" />
        <PresenceAvatars />
        <SyncStatusBadge />
      </header>
      <div className="app-body">
        <AppNav />
        <main className="app-main" id="main" tabIndex={-1}>
          {status.revoked ? (
            <AccessEnded tafelId={tafelId} />
          ) : (
            <>
              {notice && notice !== hiddenNotice && (
                <Banner tone="info" onClose={() => setHiddenNotice(notice)}>
                  {notice}
                </Banner>
              )}
              <OwnerChangeNotices />
              {status.updateNodig && (
                <Banner tone="warning">
                  {strings.monitor.updateNodig}{' '}
                  <Button variant="primary" onClick={() => void updateApp()}>
                    {strings.monitor.appBijwerken}
                  </Button>
                </Banner>
              )}
              {!status.loaded && !status.opening && tafel.schemaVersion === 0 && status.connection !== 'online' && <Banner tone="warning">{strings.sync.nietGeladen}</Banner>}
              <ErrorBoundary resetKey={location.pathname}>
                <Outlet />
              </ErrorBoundary>
            </>
          )}
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
