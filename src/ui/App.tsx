// The app shell: routes, the tafel frame and the PWA notices. Screens are loaded on first use
// (each is its own chunk; the service worker precaches them all, so this works offline too).
//
// Routes:  /                         tafels on this device, join with a code
//          /join/:code               redeem an invite
//          /tafel/:tafelId/...       the screens of one tafel (see TAFEL_ROUTES)

import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PwaNotices } from '../pwa';
import { ToastProvider } from './components/Toast';
import { NotFound } from './shell/NotFound';
import { TafelShell } from './shell/TafelShell';
import { screenOpenedFirst } from './firstScreen';
import { strings } from './strings';

// The screen the app opens on (home or planmonitor) starts loading now: src/ui/firstScreen.tsx.
type Screen = ComponentType;

const HomeScreen = screenOpenedFirst(/^\/tafel\/[^/]+\/?$/, () => import('./screens/home/HomeScreen'));
const PlanmonitorScreen = screenOpenedFirst(/^\/tafel\/[^/]+\/planmonitor\/?$/, () => import('./screens/planmonitor/PlanmonitorScreen'));
const TafelsScreen = lazy(() => import('./screens/welcome/TafelsScreen'));
const JoinScreen = lazy(() => import('./screens/welcome/JoinScreen'));

/** Paths below /tafel/:tafelId; '' is the tafel home. */
const TAFEL_ROUTES: readonly (readonly [string, Screen])[] = [
  ['', HomeScreen],
  ['planmonitor', PlanmonitorScreen],
  ['planmonitor/import', lazy(() => import('./screens/import/ImportScreen'))],
  ['planmonitor/kaart', lazy(() => import('./screens/kaart/KaartScreen'))],
  ['planmonitor/stand', lazy(() => import('./screens/planmonitor/PlanmonitorStandScreen'))],
  ['planmonitor/:projectId', lazy(() => import('./screens/planmonitor/ProjectScreen'))],
  ['knelpunten', lazy(() => import('./screens/knelpunten/KnelpuntenScreen'))],
  ['knelpunten/:knelpuntId', lazy(() => import('./screens/knelpunten/KnelpuntDetailScreen'))],
  ['rode-draden', lazy(() => import('./screens/knelpunten/RodeDradenScreen'))],
  ['escalaties', lazy(() => import('./screens/netwerk/EscalatieRegisterScreen'))],
  ['escalaties/:escalatieId', lazy(() => import('./screens/netwerk/OntvangenEscalatieScreen'))],
  ['netwerk', lazy(() => import('./screens/netwerk/NetwerkScreen'))],
  ['ontvangen-rapportages/:rapportageId', lazy(() => import('./screens/netwerk/OntvangenRapportageScreen'))],
  ['vergaderingen', lazy(() => import('./screens/vergaderingen/VergaderingenScreen'))],
  ['vergaderingen/:vergaderingId', lazy(() => import('./screens/vergaderingen/VergaderingDetailScreen'))],
  ['afspraken', lazy(() => import('./screens/vergaderingen/AfsprakenScreen'))],
  ['dashboard', lazy(() => import('./screens/dashboard/DashboardScreen'))],
  ['leden', lazy(() => import('./screens/leden/LedenScreen'))],
  ['instellingen', lazy(() => import('./screens/instellingen/InstellingenScreen'))],
  ['inbox', lazy(() => import('./screens/inbox/InboxScreen'))],
  ['zoeken', lazy(() => import('./screens/zoeken/ZoekenScreen'))],
  // Printable views and the rapportage (issue 15): stable addresses, documented in docs/rapportage.md.
  ['vergaderingen/:vergaderingId/agenda-afdruk', lazy(() => import('./screens/vergaderingen/AgendaAfdruk'))],
  ['vergaderingen/:vergaderingId/notulen-afdruk', lazy(() => import('./screens/vergaderingen/NotulenAfdruk'))],
  ['knelpunten/:knelpuntId/afdruk', lazy(() => import('./screens/knelpunten/KnelpuntAfdruk'))],
  ['rapportages', lazy(() => import('./screens/rapportages/RapportagesScreen'))],
  ['rapportages/:rapportageId', lazy(() => import('./screens/rapportages/RapportageScreen'))],
  ['rapportages/:rapportageId/afdruk', lazy(() => import('./screens/rapportages/RapportageAfdruk'))],
];

function Loading() {
  return (
    <p role="status" className="muted">
      {strings.common.laden}
    </p>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <ToastProvider>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<TafelsScreen />} />
            <Route path="/join/:code" element={<JoinScreen />} />
            <Route path="/tafel/:tafelId" element={<TafelShell />}>
              {TAFEL_ROUTES.map(([path, Screen]) =>
                path === '' ? <Route key="home" index element={<Screen />} /> : <Route key={path} path={path} element={<Screen />} />,
              )}
              <Route path="*" element={<NotFound inline />} />
            </Route>
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
        <PwaNotices />
      </ToastProvider>
    </BrowserRouter>
  );
}
