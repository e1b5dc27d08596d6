// / — the tafels on this device, and how to join one (with a code or link from the chair).

import { formatDistanceToNow } from 'date-fns';
import { nl } from 'date-fns/locale';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { forgetTafel, type JoinedTafel } from '../../../sync';
import { Button, LinkButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { useJoinedTafels } from '../../tafel/useJoinedTafels';
import { strings } from '../../strings';
import { inviteCodeFrom } from './inviteCode';
import { WelcomeHeader } from './WelcomeHeader';
import './welcome.css';

const w = strings.welcome;

export default function TafelsScreen() {
  const tafels = useJoinedTafels();
  const [forgetting, setForgetting] = useState<JoinedTafel | null>(null);
  return (
    <>
      <WelcomeHeader />
      <main className="welcome page" id="main">
        <h1>{w.titel}</h1>
        <p className="lead">{w.intro}</p>
        {tafels === null ? (
          <p role="status">{strings.common.laden}</p>
        ) : tafels.length === 0 ? (
          <EmptyState title={w.geenTafels} />
        ) : (
          <section aria-labelledby="tafels-title" className="stack">
            <h2 id="tafels-title">{w.tafelsTitel}</h2>
            <ul className="tafel-cards">
              {tafels.map((t) => (
                <li key={t.tafelId} className="card tafel-card">
                  <div>
                    <h3>{t.naam}</h3>
                    <p className="muted">
                      {t.accessEndedAt !== undefined
                        ? strings.toegangBeeindigd.opTafelsLijst
                        : t.lastSyncAt
                          ? w.laatsteSync(formatDistanceToNow(t.lastSyncAt, { locale: nl, addSuffix: true }))
                          : w.nooit}
                    </p>
                  </div>
                  <div className="button-row">
                    <LinkButton variant="primary" to={`/tafel/${encodeURIComponent(t.tafelId)}`}>
                      {w.openen(t.naam)}
                    </LinkButton>
                    <Button variant="quiet" onClick={() => setForgetting(t)}>
                      {w.vergeten}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
        <JoinWithCode />
        <ConfirmDialog
          open={forgetting !== null}
          title={w.vergeten}
          message={forgetting ? w.vergetenVraag(forgetting.naam) : ''}
          confirmLabel={w.vergeten}
          onClose={() => setForgetting(null)}
          onConfirm={() => {
            if (forgetting) void forgetTafel(forgetting.tafelId);
            setForgetting(null);
          }}
        />
      </main>
    </>
  );
}

function JoinWithCode() {
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = inviteCodeFrom(text);
    if (!code) {
      setError(strings.join.fouten.unknown!);
      return;
    }
    navigate(`/join/${encodeURIComponent(code)}`);
  };
  return (
    <section className="card join-card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{strings.join.titel}</h2>
      <p>{w.hoeDeelnemen}</p>
      <form onSubmit={submit} className="join-form">
        <div className="form-row">
          <label htmlFor={id}>{w.codeLabel}</label>
          <input
            id={id}
            type="text"
            autoComplete="off"
            autoCapitalize="off"
            value={text}
            aria-describedby={`${id}-h${error ? ` ${id}-e` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
          <p className="field-hint" id={`${id}-h`}>
            {w.codeHulp}
          </p>
          {error && (
            <p className="field-error" id={`${id}-e`} role="alert">
              {error}
            </p>
          )}
        </div>
        <Button type="submit" variant="primary">
          {w.deelnemen}
        </Button>
      </form>
    </section>
  );
}
