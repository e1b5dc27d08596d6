// Meetings: the coming ones and the past ones; the chair plans a new one here.

import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import * as Y from 'yjs';
import { NAAM_MAX, readAgenda, readVergaderingen, type Vergadering } from '../../../model';
import { planVergadering } from '../../../operations';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { formProblems, problemSummary, type FormRule } from '../../components/formCheck';
import { FormError, FormProblem, LengthHint, problemAria } from '../../components/FormProblem';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, usePlek, useRead, useTafel, useWrite } from '../../tafel';
import { splitsVergaderingen } from './agendaVolgorde';
import { datumKort, datumLang, vandaagIso } from './datum';
import './vergaderingen.css';

const S = strings.vergaderingen;

const agendaTellingen = (doc: Y.Doc): ReadonlyMap<string, number> => new Map(readVergaderingen(doc).map((v) => [v.id, readAgenda(doc, v.id).length]));

export default function VergaderingenScreen() {
  usePlek('vergaderingen');
  const alle = useRead(readVergaderingen);
  const tellingen = useRead(agendaTellingen);
  const mayCreate = useMayCreate('vergaderingen');
  const [plannen, setPlannen] = useState(false);
  const { komend, geweest } = useMemo(() => splitsVergaderingen(alle, vandaagIso()), [alle]);

  return (
    <div className="page vergaderingen-screen">
      <header className="page-head">
        <h1>{S.titel}</h1>
        <p className="intro">{S.intro}</p>
        {mayCreate.ok && (
          <div className="button-row">
            <Button variant="primary" onClick={() => setPlannen(true)}>
              {S.plannen}
            </Button>
          </div>
        )}
      </header>
      <section aria-labelledby="vg-komend">
        <h2 id="vg-komend">{S.komend}</h2>
        {komend.length === 0 ? (
          <EmptyState title={S.geenKomend}>
            <p>{mayCreate.ok ? S.geenKomendActieVoorzitter : S.geenKomendActie}</p>
          </EmptyState>
        ) : (
          <VergaderingLijst lijst={komend} tellingen={tellingen} />
        )}
      </section>
      <section aria-labelledby="vg-geweest">
        <h2 id="vg-geweest">{S.geweest}</h2>
        {geweest.length === 0 ? <p className="muted">{S.geenGeweest}</p> : <VergaderingLijst lijst={geweest} tellingen={tellingen} />}
      </section>
      <VergaderingPlannen open={plannen} onClose={() => setPlannen(false)} />
    </div>
  );
}

function VergaderingLijst({ lijst, tellingen }: { lijst: readonly Vergadering[]; tellingen: ReadonlyMap<string, number> }) {
  const { tafelId } = useTafel();
  return (
    <ul className="kaart-lijst vergadering-lijst">
      {lijst.map((v) => (
        <li key={v.id} className={`vergadering-rij status-${v.status}`}>
          <Link to={`/tafel/${tafelId}/vergaderingen/${v.id}`} className="kaart-link vergadering-rij__link">
            <span className="vergadering-rij__datum">{datumLang(v.datum)}</span>
            <span className="vergadering-rij__titel">{v.titel}</span>
            <span className="muted">
              {[v.locatie, S.agendapunten(tellingen.get(v.id) ?? 0), S.status[v.status]].filter(Boolean).join(' · ')}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function VergaderingPlannen({ open, onClose }: { open: boolean; onClose: () => void }) {
  const id = useId();
  const { tafelId } = useTafel();
  const write = useWrite();
  const navigate = useNavigate();
  const [datum, setDatum] = useState('');
  const [titel, setTitel] = useState('');
  const [locatie, setLocatie] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [problemen, setProblemen] = useState<Record<string, string>>({});
  const regels: FormRule[] = [
    { id: `${id}-datum`, label: FIELD_LABELS.vergaderingen.datum, value: datum, required: true },
    { id: `${id}-titel`, label: FIELD_LABELS.vergaderingen.titel, value: titel, max: NAAM_MAX },
    { id: `${id}-locatie`, label: FIELD_LABELS.vergaderingen.locatie, value: locatie, max: NAAM_MAX },
  ];
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    const p = formProblems(regels);
    setProblemen(p);
    if (Object.keys(p).length > 0) return setFout(problemSummary(regels, p));
    let nieuw = '';
    const f = write((doc, actor) => {
      nieuw = planVergadering(doc, actor, { titel: titel.trim() || S.nieuw.titelStandaard(datumKort(datum)), datum, locatie: locatie.trim() });
    });
    setFout(f);
    if (f) return;
    setDatum('');
    setTitel('');
    setLocatie('');
    onClose();
    navigate(`/tafel/${tafelId}/vergaderingen/${nieuw}`);
  };
  return (
    <Dialog open={open} title={S.nieuw.titel} onClose={onClose}>
      <form className="form" onSubmit={verzend} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-datum`}>
            {FIELD_LABELS.vergaderingen.datum} <span className="muted">({strings.common.verplicht})</span>
          </label>
          <input id={`${id}-datum`} type="date" value={datum} required onChange={(e) => setDatum(e.target.value)} {...problemAria(`${id}-datum`, problemen[`${id}-datum`])} />
          <FormProblem id={`${id}-datum`} problem={problemen[`${id}-datum`]} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-titel`}>{FIELD_LABELS.vergaderingen.titel}</label>
          <input
            id={`${id}-titel`}
            type="text"
            value={titel}
            placeholder={datum ? S.nieuw.titelStandaard(datumKort(datum)) : ''}
            onChange={(e) => setTitel(e.target.value)}
            {...problemAria(`${id}-titel`, problemen[`${id}-titel`], true)}
          />
          <LengthHint id={`${id}-titel`} value={titel} max={NAAM_MAX} />
          <FormProblem id={`${id}-titel`} problem={problemen[`${id}-titel`]} />
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-locatie`}>{FIELD_LABELS.vergaderingen.locatie}</label>
          <input id={`${id}-locatie`} type="text" value={locatie} onChange={(e) => setLocatie(e.target.value)} {...problemAria(`${id}-locatie`, problemen[`${id}-locatie`], true)} />
          <LengthHint id={`${id}-locatie`} value={locatie} max={NAAM_MAX} />
          <FormProblem id={`${id}-locatie`} problem={problemen[`${id}-locatie`]} />
        </div>
        <FormError message={fout} />
        <div className="button-row">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {strings.common.annuleren}
          </button>
          <button type="submit" className="btn btn-primary">
            {S.nieuw.plannen}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
