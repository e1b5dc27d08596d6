// /join/:code — redeems an invite on this device and opens the tafel.

import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { JoinError, joinWithInvite, mayBeSamePersoon, type JoinedTafel } from '../../../sync';
import { Banner } from '../../components/Banner';
import { Button, LinkButton } from '../../components/Button';
import { strings } from '../../strings';
import { OokIk } from './OokIk';
import { WelcomeHeader } from './WelcomeHeader';
import './welcome.css';

// An invite works once: React's development double-run of effects must not redeem it twice.
type Joined = Awaited<ReturnType<typeof joinWithInvite>>;
const redeeming = new Map<string, Promise<Joined>>();

function redeem(code: string): Promise<Joined> {
  let p = redeeming.get(code);
  if (!p) {
    p = joinWithInvite(code);
    redeeming.set(code, p);
    // A failed attempt may be retried; a successful one is done.
    p.catch(() => redeeming.delete(code));
  }
  return p;
}

export default function JoinScreen() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<{ text: string; retry: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Other tafels on this device the person may be the same person at ("Bent u dit ook?").
  const [ookIk, setOokIk] = useState<{ joined: Joined; candidates: JoinedTafel[] } | null>(null);
  const open = (joined: Joined) => navigate(`/tafel/${encodeURIComponent(joined.tafelId)}`, { replace: true });

  useEffect(() => {
    let alive = true;
    setError(null);
    redeem(code).then(
      async (joined) => {
        const candidates = await mayBeSamePersoon(joined).catch(() => []);
        if (!alive) return;
        if (candidates.length > 0) setOokIk({ joined, candidates });
        else open(joined);
      },
      (e: unknown) => {
        if (!alive) return;
        const kind = e instanceof JoinError ? e.kind : 'server';
        // Retrying helps when the network or the server failed, not for a used or unknown invite.
        setError({ text: strings.join.fouten[kind] ?? strings.join.fouten.server!, retry: kind === 'network' || kind === 'server' });
      },
    );
    return () => {
      alive = false;
    };
  }, [code, attempt, navigate]);

  return (
    <>
      <WelcomeHeader />
      <main className="welcome page" id="main">
        <h1>{strings.join.titel}</h1>
        {ookIk ? (
          <OokIk joined={ookIk.joined} naam={ookIk.joined.naam || strings.tafelWissel.naamOnbekend} candidates={ookIk.candidates} onDone={() => open(ookIk.joined)} />
        ) : error ? (
          <>
            <Banner tone="error" title={strings.errors.titel}>
              {error.text}
            </Banner>
            <div className="button-row">
              {error.retry && (
                <Button variant="primary" onClick={() => setAttempt((n) => n + 1)}>
                  {strings.join.opnieuw}
                </Button>
              )}
              <LinkButton to="/" variant={error.retry ? 'secondary' : 'primary'}>
                {strings.join.naarOverzicht}
              </LinkButton>
            </div>
          </>
        ) : (
          <p role="status">{strings.join.bezig}</p>
        )}
      </main>
    </>
  );
}
