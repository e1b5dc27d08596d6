// The app's own notices: a new version, offline readiness and storage that may be evicted or is
// running low. One polite live region at the bottom of the screen; it never takes focus, so it
// cannot interrupt typing.

import { useState } from 'react';
import { strings, aantal } from '../ui/strings';
import { httpsVariant, offlineNeedsHttps } from './secureContext';
import { useAppUpdate } from './useAppUpdate';
import { useStorageNotices } from './useStorageNotices';
import './pwa.css';

const t = strings.pwa;

function megabytes(bytes: number): string {
  return `${aantal(Math.floor(bytes / (1024 * 1024)))} MB`;
}

export function PwaNotices() {
  const update = useAppUpdate();
  const storage = useStorageNotices();
  const [insecureSeen, setInsecureSeen] = useState(false);

  return (
    <div className="pwa-notices" role="status" aria-live="polite" aria-label={t.meldingen}>
      {update.available && (
        <div className="pwa-notice">
          <p className="pwa-notice-text">
            <strong>{t.nieuweVersie}</strong> {t.nieuweVersieUitleg}
          </p>
          <div className="pwa-notice-actions">
            <button type="button" className="pwa-button pwa-button-primary" onClick={update.accept}>
              {t.vernieuwen}
            </button>
            <button type="button" className="pwa-button" onClick={update.postpone}>
              {t.later}
            </button>
          </div>
        </div>
      )}
      {update.waitingForTyping && (
        <div className="pwa-notice">
          <p className="pwa-notice-text">{t.vernieuwenNaTypen}</p>
        </div>
      )}
      {update.offlineReady && (
        <div className="pwa-notice">
          <p className="pwa-notice-text">{t.offlineKlaar}</p>
          <div className="pwa-notice-actions">
            <button type="button" className="pwa-button" onClick={update.dismissOfflineReady}>
              {strings.common.sluiten}
            </button>
          </div>
        </div>
      )}
      {offlineNeedsHttps() && !insecureSeen && (
        <div className="pwa-notice pwa-notice-warning">
          <p className="pwa-notice-text">
            <strong>{strings.onveiligAdres.titel}</strong> {strings.onveiligAdres.uitleg(window.location.origin, httpsVariant(window.location.href))}
          </p>
          <div className="pwa-notice-actions">
            <button type="button" className="pwa-button" onClick={() => setInsecureSeen(true)}>
              {t.begrepen}
            </button>
          </div>
        </div>
      )}
      {storage.refused && (
        <div className="pwa-notice pwa-notice-warning">
          <p className="pwa-notice-text">{t.opslagNietBlijvend}</p>
          <div className="pwa-notice-actions">
            <button type="button" className="pwa-button" onClick={storage.acknowledgeRefusal}>
              {t.begrepen}
            </button>
          </div>
        </div>
      )}
      {storage.low && (
        <div className="pwa-notice pwa-notice-warning">
          <p className="pwa-notice-text">{t.opslagBijnaVol(megabytes(storage.low.free))}</p>
          <div className="pwa-notice-actions">
            <button type="button" className="pwa-button" onClick={storage.dismissLow}>
              {t.begrepen}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
