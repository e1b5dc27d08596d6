// The invite for one lid: created at the relay when the dialog opens, shown as a QR code for the
// tablet across the table and as a link to copy.

import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState } from 'react';
import type { Lid } from '../../../model';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { createInvite, inviteLink, LedenApiError, type Invite } from './ledenApi';

const t = strings.leden;

export function InviteDialog({ lid, onClose }: { lid: Lid | null; onClose: () => void }) {
  return (
    <Dialog open={lid !== null} title={lid ? t.uitnodigingTitel(lid.naam) : ''} onClose={onClose}>
      {lid && <InviteBody lid={lid} />}
    </Dialog>
  );
}

function InviteBody({ lid }: { lid: Lid }) {
  const { joined } = useTafel();
  const toast = useToast();
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(null);
    createInvite(joined, lid.id).then(
      (i) => alive && setInvite(i),
      (e: unknown) => {
        if (!alive) return;
        const kind = e instanceof LedenApiError ? e.kind : 'server';
        setError(kind === 'offline' ? t.uitnodigingOffline : kind === 'not-on-server' ? t.uitnodigingNogNietGedeeld : t.uitnodigingFout);
      },
    );
    return () => {
      alive = false;
    };
  }, [joined, lid.id, attempt]);

  if (error) {
    return (
      <>
        <Banner tone="error">{error}</Banner>
        <Button onClick={() => setAttempt((n) => n + 1)}>{strings.join.opnieuw}</Button>
      </>
    );
  }
  if (!invite) return <p role="status">{t.uitnodigingMaken}</p>;
  const link = inviteLink(invite, window.location.origin);
  return (
    <div className="invite">
      <p>{t.uitnodigingUitleg}</p>
      <div className="invite-qr">
        <QRCodeSVG value={link} size={240} marginSize={2} role="img" aria-label={t.qrLabel(lid.naam)} />
      </div>
      <div className="form-row">
        <label htmlFor="invite-link">{t.linkLabel}</label>
        <div className="row invite-link-row">
          <input id="invite-link" type="url" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <Button
            onClick={() => {
              navigator.clipboard?.writeText(link).then(
                () => toast(strings.common.gekopieerd),
                () => toast(t.uitnodigingFout, 'error'),
              );
            }}
          >
            {strings.common.kopieren}
          </Button>
        </div>
      </div>
      <p className="muted">{t.verlooptOp(format(invite.expiresAt, "d MMMM yyyy 'om' HH:mm", { locale: nl }))}</p>
    </div>
  );
}
