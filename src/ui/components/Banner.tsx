// Messages across the top of a screen: errors (what happened, what to do), warnings and notices.
// Errors are announced at once (role="alert"); the rest politely (role="status").

import type { ReactNode } from 'react';
import { strings } from '../strings';

export type BannerTone = 'error' | 'warning' | 'info' | 'success';

export function Banner({ tone, title, children, onClose }: { tone: BannerTone; title?: string; children: ReactNode; onClose?: () => void }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="banner-body">
        {title && <strong className="banner-title">{title}</strong>}
        <div>{children}</div>
      </div>
      {onClose && (
        <button type="button" className="btn btn-quiet icon-btn" onClick={onClose} aria-label={strings.common.sluiten}>
          ✕
        </button>
      )}
    </div>
  );
}
