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
import { createInvite, LedenApiError, type Invite } from '../../../sync';
import { inviteLink } from './inviteLink';
import { useLedenStatus } from './useLedenStatus';

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
  // Watched while the dialog is open: once the invitee joined (a newer join than when the dialog
  // opened), the used link is not shown any more. Compared with the relay's own earlier answer, so
  // the tablet's clock does not matter.
  const { status } = useLedenStatus(3_000);
  const lastJoin = status ? (status.get(lid.id)?.lastJoinAt ?? null) : undefined;
  const [baseline, setBaseline] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (baseline === undefined && lastJoin !== undefined) setBaseline(lastJoin);
  }, [baseline, lastJoin]);
  const joinedSince = baseline !== undefined && lastJoin !== undefined && lastJoin !== null && lastJoin !== baseline;

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
  if (joinedSince) {
    return (
      <Banner tone="success">
        <span role="status">{strings.ledenStatus.uitnodigingGebruikt(lid.naam)}</span>
      </Banner>
    );
  }
  const link = inviteLink(invite, window.location.origin);
  return (
    <div className="invite">
      <p>{t.uitnodigingUitleg}</p>
      {lid.id === joined.lidId && <p>{strings.tafelWissel.eigenUitnodiging}</p>}
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
