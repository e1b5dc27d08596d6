// /tafel/:tafelId/instellingen — name, region, woondeal targets per year, realisation
// probabilities per planstatus and the rode-draad threshold. The chair edits; others read.

import { useState, type FormEvent } from 'react';
import { PLANSTATUSSEN, readTafel, type Planstatus } from '../../../model';
import { editTafel } from '../../../operations';
import { Button } from '../../components/Button';
import { LockNote } from '../../components/LockNote';
import { Field } from '../../components/Field';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { useMayEdit, useWrite } from '../../tafel/useMayEdit';
import { usePlek } from '../../tafel/usePresence';
import { useRead } from '../../tafel/useRead';
import { aantal, strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { PrijsgrenzenKaart } from './PrijsgrenzenKaart';
import { formatPercent, parsePercent, withDoel, withKans } from './instellingenView';
import './instellingen.css';

const t = strings.instellingen;
const W = strings.errors.waarde;

export default function InstellingenScreen() {
  usePlek('instellingen');
  const tafel = useRead(readTafel);
  return (
    <div className="page instellingen">
      <div className="page-head">
        <div>
          <h1>{t.titel}</h1>
          <p className="muted">{t.intro}</p>
        </div>
      </div>
      <div className="cards">
        <section className="card" aria-labelledby="inst-algemeen">
          <h2 id="inst-algemeen">{t.algemeen}</h2>
          <Field label={FIELD_LABELS.tafel.naam} root="tafel" entityId={null} fieldKey="naam" value={tafel.naam} provenance={tafel.provenance.naam} input={{ kind: 'text', required: true }} onSave={(doc, actor, v) => editTafel(doc, actor, { naam: String(v) })} />
          <Field label={FIELD_LABELS.tafel.regio} root="tafel" entityId={null} fieldKey="regio" value={tafel.regio} provenance={tafel.provenance.regio} input={{ kind: 'text' }} onSave={(doc, actor, v) => editTafel(doc, actor, { regio: String(v) })} />
          <Field
            label={FIELD_LABELS.tafel.rodeDraadDrempel}
            hint={t.rodeDraadUitleg}
            root="tafel"
            entityId={null}
            fieldKey="rodeDraadDrempel"
            value={tafel.rodeDraadDrempel}
            provenance={tafel.provenance.rodeDraadDrempel}
            input={{ kind: 'number' }}
            onSave={(doc, actor, v) => editTafel(doc, actor, { rodeDraadDrempel: Number(v) })}
          />
        </section>
        <WoondealDoelen doelen={tafel.woondealDoelen} />
        <Realisatiekansen kansen={tafel.realisatiekansen} />
        <PrijsgrenzenKaart />
      </div>
    </div>
  );
}

/** A number in a table cell that saves on blur or Enter and keeps what was typed on error. */
function CellInput({ id, label, value, onCommit }: { id: string; label: string; value: string; onCommit: (text: string) => string | null }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    if (text === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const failure = onCommit(text);
    setError(failure);
    if (!failure) setDraft(null);
  };
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="cell-input"
        aria-label={label}
        value={draft ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-e` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => draft !== null && commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <span className="field-error" id={`${id}-e`} role="alert">
          {error}
        </span>
      )}
    </>
  );
}

const doelFout = (e: 'jaar' | 'getal' | 'bestaat') => (e === 'jaar' ? W.geenJaar : e === 'getal' ? W.geenGetal : strings.project.jaarBestaat);

function WoondealDoelen({ doelen }: { doelen: Readonly<Record<string, number>> }) {
  const mayEdit = useMayEdit('tafel', null, 'woondealDoelen');
  const tafel = useRead(readTafel);
  const write = useWrite();
  const jaren = Object.keys(doelen).sort();
  const save = (jaar: string, text: string, allowExisting = true): string | null => {
    const r = withDoel(doelen, jaar, text, allowExisting);
    if (!r.ok) return doelFout(r.error);
    return write((doc, actor) => editTafel(doc, actor, { woondealDoelen: r.doelen }));
  };
  const totaal = jaren.reduce((n, j) => n + (doelen[j] ?? 0), 0);
  return (
    <section className="card" aria-labelledby="inst-woondeal">
      <h2 id="inst-woondeal">{FIELD_LABELS.tafel.woondealDoelen}</h2>
      <p className="field-hint">{t.woondealUitleg}</p>
      {jaren.length === 0 ? (
        <p className="muted">{t.geenDoelen}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.jaar}</th>
              <th scope="col" className="num">
                {t.doel}
              </th>
              {mayEdit.ok && (
                <th scope="col">
                  <span className="visually-hidden">{strings.common.verwijderen}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {jaren.map((j) => (
              <tr key={j}>
                <th scope="row">{j}</th>
                <td className="num">
                  {mayEdit.ok ? <CellInput id={`doel-${j}`} label={`${t.doel} ${j}`} value={String(doelen[j] ?? 0)} onCommit={(text) => save(j, text)} /> : aantal(doelen[j] ?? 0)}
                </td>
                {mayEdit.ok && (
                  <td>
                    <Button variant="quiet" className="icon-btn" aria-label={t.jaarVerwijderen(j)} onClick={() => save(j, '')}>
                      ✕
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{strings.project.totaal}</th>
              <td className="num">
                <strong>{aantal(totaal)}</strong>
              </td>
              {mayEdit.ok && <td />}
            </tr>
          </tfoot>
        </table>
      )}
      {mayEdit.ok ? <DoelToevoegen jaren={jaren} onAdd={(j, n) => save(j, n, false)} /> : <VoorzitterLockNote />}
      <ProvenanceLine provenance={tafel.provenance.woondealDoelen} />
    </section>
  );
}

function DoelToevoegen({ jaren, onAdd }: { jaren: string[]; onAdd: (jaar: string, text: string) => string | null }) {
  const volgend = jaren.length ? Number(jaren[jaren.length - 1]) + 1 : new Date().getFullYear();
  const [jaar, setJaar] = useState(String(volgend));
  const [n, setN] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (n.trim() === '') return setError(W.geenGetal);
    const failure = onAdd(jaar, n);
    setError(failure);
    if (!failure) {
      setJaar(String(Number(jaar) + 1));
      setN('');
    }
  };
  return (
    <form className="opl-add" onSubmit={submit} aria-label={t.jaarToevoegen}>
      <div className="form-row">
        <label htmlFor="doel-nieuw-jaar">{t.jaar}</label>
        <input id="doel-nieuw-jaar" type="text" inputMode="numeric" value={jaar} onChange={(e) => setJaar(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor="doel-nieuw-n">{t.doel}</label>
        <input id="doel-nieuw-n" type="text" inputMode="numeric" value={n} onChange={(e) => setN(e.target.value)} />
      </div>
      <Button type="submit">{t.jaarToevoegen}</Button>
      {error && (
        <p className="field-error opl-add-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function Realisatiekansen({ kansen }: { kansen: Readonly<Record<Planstatus, number>> }) {
  const mayEdit = useMayEdit('tafel', null, 'realisatiekansen');
  const tafel = useRead(readTafel);
  const write = useWrite();
  const save = (status: Planstatus, text: string): string | null => {
    const kans = parsePercent(text);
    if (kans === null) return W.geenKans;
    return write((doc, actor) => editTafel(doc, actor, { realisatiekansen: withKans(kansen, status, kans) }));
  };
  return (
    <section className="card" aria-labelledby="inst-kansen">
      <h2 id="inst-kansen">{FIELD_LABELS.tafel.realisatiekansen}</h2>
      <p className="field-hint">{t.realisatiekansenUitleg}</p>
      <table className="table">
        <tbody>
          {PLANSTATUSSEN.map((s) => (
            <tr key={s}>
              <th scope="row">{waarde(s)}</th>
              <td className="num">
                {mayEdit.ok ? (
                  <span className="pct">
                    <CellInput id={`kans-${s.replace(/\W/g, '-')}`} label={t.kans(s)} value={formatPercent(kansen[s])} onCommit={(text) => save(s, text)} />
                    <span aria-hidden="true">%</span>
                  </span>
                ) : (
                  `${formatPercent(kansen[s])}%`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!mayEdit.ok && <VoorzitterLockNote />}
      <ProvenanceLine provenance={tafel.provenance.realisatiekansen} />
    </section>
  );
}

function VoorzitterLockNote() {
  return <LockNote>{strings.owner.slotVan(strings.owner.voorzitter)}</LockNote>;
}
