// The half-yearly rapportages of the tafel: the list (newest period first) and, for the chair,
// starting a new one for a half year at a peildatum. Each has a stable address:
// /tafel/<tafelId>/rapportages/<rapportageId> (and .../afdruk for print and PDF).

import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { periodeVan, readPeildata, readRapportages } from '../../../model';
import { startRapportage, vandaag } from '../../../operations';
import { EmptyState } from '../../components/EmptyState';
import { useToast } from '../../components/Toast';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, usePlek, useRead, useTafel, useWrite } from '../../tafel';
import { datumLang } from '../vergaderingen/datum';
import './rapportage.css';
import { FormError } from '../../components/FormProblem';

const S = strings.rapportage;

export default function RapportagesScreen() {
  usePlek('rapportages');
  const { tafelId } = useTafel();
  const rapportages = useRead(readRapportages);
  const mag = useMayCreate('rapportages');
  return (
    <div className="page rapportages">
      <header className="page-head">
        <h1>{S.titel}</h1>
        <p className="intro">{S.intro}</p>
      </header>
      {mag.ok && <StartRapportage />}
      {rapportages.length === 0 ? (
        <EmptyState title={S.leeg}>
          <p>{S.leegActie}</p>
        </EmptyState>
      ) : (
        <ul className="kaart-lijst">
          {rapportages.map((r) => (
            <li key={r.id}>
              <Link className="kaart-link" to={`/tafel/${encodeURIComponent(tafelId)}/rapportages/${encodeURIComponent(r.id)}`}>
                <span className="rapportage-rij__titel">{S.documentTitel(r.periode)}</span>
                <span className="muted">
                  {r.cijfers ? S.peildatumRegel(datumLang(r.cijfers.peildatum)) : ''} · {S.status[r.status]}
                  {r.koersoordeel ? ` · ${S.koers[r.koersoordeel]}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Half years to choose from: this one and the three before. */
function perioden(nu: string): string[] {
  const out: string[] = [];
  let p = periodeVan(nu);
  for (let i = 0; i < 4; i++) {
    out.push(p);
    const [j, h] = p.split('-H') as [string, string];
    p = h === '2' ? `${j}-H1` : `${Number(j) - 1}-H2`;
  }
  return out;
}

function StartRapportage() {
  const id = useId();
  const { tafelId } = useTafel();
  const peildata = useRead(readPeildata);
  const write = useWrite();
  const toast = useToast();
  const navigate = useNavigate();
  const keuzes = perioden(vandaag());
  const [periode, setPeriode] = useState(keuzes[0]!);
  const [peildatumId, setPeildatumId] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const gekozen = peildatumId || peildata.at(-1)?.id || '';
  if (peildata.length === 0) return <p className="card">{S.geenPeildata}</p>;
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    let nieuw = '';
    const f = write((doc, actor) => {
      nieuw = startRapportage(doc, actor, { periode, peildatumId: gekozen });
    });
    setFout(f);
    if (f) return;
    toast(S.gestart);
    navigate(`/tafel/${encodeURIComponent(tafelId)}/rapportages/${encodeURIComponent(nieuw)}`);
  };
  return (
    <form className="card form rapportage-start" onSubmit={verzend} noValidate aria-labelledby={`${id}-kop`}>
      <h2 id={`${id}-kop`}>{S.nieuw}</h2>
      <div className="fields-grid">
        <div className="form-row">
          <label htmlFor={`${id}-periode`}>{FIELD_LABELS.rapportages.periode}</label>
          <select id={`${id}-periode`} value={periode} onChange={(e) => setPeriode(e.target.value)}>
            {keuzes.map((p) => (
              <option key={p} value={p}>
                {S.periodeOptie(p.slice(0, 4), p.slice(5))}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-peil`}>{FIELD_LABELS.rapportages.peildatumId}</label>
          <select id={`${id}-peil`} value={gekozen} onChange={(e) => setPeildatumId(e.target.value)}>
            {[...peildata].reverse().map((p) => (
              <option key={p.id} value={p.id}>
                {datumLang(p.datum)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        {S.starten}
      </button>
      <FormError message={fout} />
    </form>
  );
}
