// The tafel's place in the network: its kind, provinces and landsdeel, and its links with other
// tafels. The links as the relay mirrored them into the document show offline too; the chair asks,
// accepts and ends links online, through the relay's API.

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { isChair } from '../../../ownership/rulebook';
import { readKoppelingen, readNetwerkPlek } from '../../../model';
import { ConfirmDialog } from '../../components/Dialog';
import { formatDatumTijd } from '../../components/provenanceText';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { usePlek, useRead, useTafel } from '../../tafel';
import { aanvaardKoppeling, beeindigKoppeling, leesNetwerk, NetwerkApiError, vraagKoppeling, type NetwerkTafel } from '../../../sync';
import { LandelijkeInstellingen } from './LandelijkeInstellingen';
import './netwerk.css';
import { FormError } from '../../components/FormProblem';

const S = strings.netwerk;

export default function NetwerkScreen() {
  usePlek('netwerk');
  const id = useId();
  const { joined, actor } = useTafel();
  const plek = useRead(readNetwerkPlek);
  const koppelingen = useRead(readKoppelingen);
  const chair = actor !== null && isChair(actor);
  const [tafels, setTafels] = useState<readonly NetwerkTafel[]>([]);
  const [met, setMet] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [teBeeindigen, setTeBeeindigen] = useState<{ id: string; naam: string } | null>(null);

  const laad = useCallback(() => {
    if (!chair) return;
    leesNetwerk(joined).then(
      (n) => setTafels(n.tafels),
      (e: unknown) => setFout(S.fout[e instanceof NetwerkApiError ? e.kind : 'server'] ?? null),
    );
  }, [joined, chair]);
  useEffect(laad, [laad, koppelingen]);

  const doe = (actie: () => Promise<unknown>) => {
    setBezig(true);
    setFout(null);
    actie().then(
      () => {
        setBezig(false);
        laad();
      },
      (e: unknown) => {
        setBezig(false);
        setFout(S.fout[e instanceof NetwerkApiError ? e.kind : 'server'] ?? null);
      },
    );
  };
  const vraag = (e: FormEvent) => {
    e.preventDefault();
    const doel = met || tafels[0]?.tafelId;
    if (doel) doe(() => vraagKoppeling(joined, doel));
  };

  return (
    <div className="page netwerk-page">
      <header className="page-head">
        <h1>{S.netwerkTitel}</h1>
      </header>
      <section className="card" aria-labelledby={`${id}-plek`}>
        <h2 id={`${id}-plek`}>{S.dezeTafel}</h2>
        <dl className="escalatie-velden">
          <dt>{FIELD_LABELS.tafel.soort}</dt>
          <dd>{S.soort[plek.soort]}</dd>
          {plek.soort !== 'landelijk' && (
            <>
              <dt>{FIELD_LABELS.tafel.provincies}</dt>
              <dd>{plek.provincies.join(', ') || strings.common.onbekend}</dd>
              <dt>{S.landsdeel}</dt>
              <dd>{plek.landsdeel ?? strings.common.onbekend}</dd>
              {plek.woondealregio && (
                <>
                  <dt>{FIELD_LABELS.tafel.woondealregio}</dt>
                  <dd>{plek.woondealregio}</dd>
                </>
              )}
            </>
          )}
        </dl>
      </section>
      {plek.soort === 'landelijk' && <LandelijkeInstellingen />}
      <section className="card" aria-labelledby={`${id}-koppelingen`}>
        <h2 id={`${id}-koppelingen`}>{S.koppelingen}</h2>
        <p className="muted">{S.koppelingenUitleg}</p>
        {koppelingen.length === 0 ? (
          <p>{S.geenKoppelingen}</p>
        ) : (
          <ul className="koppelingen-lijst">
            {koppelingen.map((k) => (
              <li key={k.id} className={`koppeling koppeling--${k.status.replace(' ', '-')}`}>
                <div>
                  <strong>{k.andereNaam}</strong> <span className="muted">({S.soort[k.andereSoort]}{k.andereLandsdeel ? `, ${k.andereLandsdeel}` : ''})</span>
                  <br />
                  <span className="status-pill">{S.koppelingStatus[k.status]}</span> {S.sinds(formatDatumTijd(k.sinds))}
                </div>
                {chair && k.status !== 'beeindigd' && (
                  <div className="button-row">
                    {k.status === 'verzoek ontvangen' && (
                      <button type="button" className="btn btn-primary" disabled={bezig} onClick={() => doe(() => aanvaardKoppeling(joined, k.id))}>
                        {S.aanvaarden}
                      </button>
                    )}
                    <button type="button" className="btn btn-secondary" disabled={bezig} onClick={() => setTeBeeindigen({ id: k.id, naam: k.andereNaam })}>
                      {k.status === 'actief' ? S.beeindigen : k.status === 'verzoek ontvangen' ? S.weigeren : S.intrekken}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {chair ? (
          tafels.length > 0 && (
            <form className="form" onSubmit={vraag}>
              <label htmlFor={`${id}-met`}>{S.vragenAan}</label>
              <select id={`${id}-met`} value={met || tafels[0]?.tafelId} onChange={(e) => setMet(e.target.value)}>
                {tafels.map((t) => (
                  <option key={t.tafelId} value={t.tafelId}>
                    {t.naam} ({S.soort[t.soort]}
                    {t.landsdeel ? `, ${t.landsdeel}` : ''})
                  </option>
                ))}
              </select>
              <div className="button-row">
                <button type="submit" className="btn btn-primary" disabled={bezig}>
                  {S.vragen}
                </button>
              </div>
            </form>
          )
        ) : (
          <p className="muted">{S.alleenVoorzitterKoppelt}</p>
        )}
        <FormError message={fout} />
        <ConfirmDialog
          open={teBeeindigen !== null}
          title={S.beeindigen}
          message={S.beeindigenVraag(teBeeindigen?.naam ?? '')}
          confirmLabel={S.beeindigen}
          onClose={() => setTeBeeindigen(null)}
          onConfirm={() => {
            const k = teBeeindigen;
            setTeBeeindigen(null);
            if (k) doe(() => beeindigKoppeling(joined, k.id));
          }}
        />
      </section>
    </div>
  );
}
