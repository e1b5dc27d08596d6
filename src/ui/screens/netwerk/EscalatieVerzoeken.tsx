// On a knelpunt at the sending tafel: its escalation requests up the ladder. The chair writes one
// (what is asked, why the tafel cannot solve it, what is shared, which projects' public part goes
// along); the landelijke tafel's status and answer show read-only with where they came from; the
// chair closes the loop. Requests to rungs outside the app are printed (with the knelpunt, on its
// printable view) and their status kept by hand.

import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { BUITEN_DE_APP, ESCALATIE_DOELEN, escalatiesVanKnelpunt, readProject, type Escalatie, type EscalatieDoel, type Knelpunt } from '../../../model';
import { escaleer, setHandmatigeStatus, sluitEscalatie } from '../../../operations';
import { formatDatumTijd } from '../../components/provenanceText';
import { BezorgingMelding } from '../../components/BezorgingMelding';
import { LockNote } from '../../components/LockNote';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, useMayEdit, useRead, useTafel, useWrite } from '../../tafel';
import { EscalatieDraad } from './EscalatieDraad';
import { EscalatieVelden, StatusKeuze } from './EscalatieDelen';
import './netwerk.css';
import { FormError } from '../../components/FormProblem';

const S = strings.netwerk;

export function EscalatieVerzoeken({ knelpunt: k }: { knelpunt: Knelpunt }) {
  const id = useId();
  const escalaties = useRead((doc) => escalatiesVanKnelpunt(doc, k.id), [k.id]);
  const mag = useMayCreate('escalaties');
  const [open, setOpen] = useState(false);
  return (
    <section className="card escalatie-verzoeken" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{S.verzoeken}</h2>
      <p className="muted">{S.verzoekenUitleg}</p>
      {escalaties.length === 0 && <p>{S.geenVerzoeken}</p>}
      {escalaties.map((e) => (
        <EscalatieKaart key={e.id} escalatie={e} knelpunt={k} />
      ))}
      {mag.ok ? (
        open ? (
          <VerzoekForm knelpunt={k} onKlaar={() => setOpen(false)} />
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
            {S.escaleren}
          </button>
        )
      ) : (
        <LockNote>{S.alleenVoorzitter}</LockNote>
      )}
    </section>
  );
}

function VerzoekForm({ knelpunt: k, onKlaar }: { knelpunt: Knelpunt; onKlaar: () => void }) {
  const id = useId();
  const write = useWrite();
  const projecten = useRead((doc) => k.projecten.map((p) => readProject(doc, p)).filter((p) => p !== undefined), [k.projecten]);
  const [niveau, setNiveau] = useState<EscalatieDoel>('landelijke versnellingstafel');
  const [gevraagd, setGevraagd] = useState('');
  const [waarom, setWaarom] = useState('');
  const [gedeeld, setGedeeld] = useState('');
  const [gekozen, setGekozen] = useState<string[]>([...k.projecten]);
  const [fout, setFout] = useState<string | null>(null);
  const verstuur = (e: FormEvent) => {
    e.preventDefault();
    if (gevraagd.trim() === '' || waarom.trim() === '') return setFout(strings.errors.waarde.leeg);
    const f = write((doc, actor) => {
      escaleer(doc, actor, { knelpuntId: k.id, niveau, gevraagd, waarom, gedeeld, projecten: gekozen.filter((p) => k.projecten.includes(p)) });
    });
    setFout(f);
    if (!f) onKlaar();
  };
  return (
    <form className="form escalatie-form" onSubmit={verstuur} aria-label={S.escaleren}>
      <label htmlFor={`${id}-niveau`}>{S.naar}</label>
      <select id={`${id}-niveau`} value={niveau} onChange={(e) => setNiveau(e.target.value as EscalatieDoel)}>
        {ESCALATIE_DOELEN.map((d) => (
          <option key={d} value={d}>
            {waarde(d)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-gevraagd`}>{S.gevraagd}</label>
      <textarea id={`${id}-gevraagd`} rows={3} required value={gevraagd} onChange={(e) => setGevraagd(e.target.value)} />
      <label htmlFor={`${id}-waarom`}>{S.waarom}</label>
      <textarea id={`${id}-waarom`} rows={3} required value={waarom} onChange={(e) => setWaarom(e.target.value)} />
      <label htmlFor={`${id}-gedeeld`}>{S.gedeeld}</label>
      <textarea id={`${id}-gedeeld`} rows={2} value={gedeeld} onChange={(e) => setGedeeld(e.target.value)} />
      <fieldset>
        <legend>{S.projectenDelen}</legend>
        {projecten.length === 0 && <p className="muted">{S.geenProjecten}</p>}
        {projecten.map((p) => (
          <label key={p.id} className="check-row">
            <input
              type="checkbox"
              checked={gekozen.includes(p.id)}
              onChange={(e) => setGekozen((g) => (e.target.checked ? [...g, p.id] : g.filter((x) => x !== p.id)))}
            />
            {p.naam}
          </label>
        ))}
      </fieldset>
      <FormError message={fout} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary">
          {S.versturen}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onKlaar}>
          {S.annuleren}
        </button>
      </div>
    </form>
  );
}

function Bezorging({ e }: { e: Escalatie }) {
  if (BUITEN_DE_APP.includes(e.niveau)) return <p className="muted">{S.buitenApp}</p>;
  return (
    <>
      <BezorgingMelding bezorging={e.bezorging} teksten={S} />
      {e.koppelingBeeindigd !== null && <p className="muted">{S.koppelingBeeindigd(formatDatumTijd(e.koppelingBeeindigd))}</p>}
    </>
  );
}

function EscalatieKaart({ escalatie: e, knelpunt: k }: { escalatie: Escalatie; knelpunt: Knelpunt }) {
  const id = useId();
  const buiten = BUITEN_DE_APP.includes(e.niveau);
  return (
    <article className="escalatie-kaart" aria-labelledby={`${id}-kop`}>
      <h3 id={`${id}-kop`}>{S.verzoekAan(e.niveau)}</h3>
      <EscalatieVelden gevraagd={e.gevraagd} waarom={e.waarom} gedeeld={e.gedeeld} />
      <Bezorging e={e} />
      {buiten ? <HandmatigeStatus e={e} knelpuntId={k.id} /> : <Terugmelding e={e} />}
      <LusSluiten e={e} />
      {!buiten && <EscalatieDraad root="escalaties" escalatieId={e.id} draad={e.draad} />}
    </article>
  );
}

function Terugmelding({ e }: { e: Escalatie }) {
  const t = e.terugmelding;
  return (
    <section className="terugmelding" aria-label={FIELD_LABELS.escalaties.terugmelding}>
      <h4>{FIELD_LABELS.escalaties.terugmelding}</h4>
      {!t ? (
        <p className="muted">{S.nogGeenAntwoord}</p>
      ) : (
        <>
          <p>
            <span className="status-pill">{waarde(t.status)}</span>
          </p>
          {t.antwoord && <p className="terugmelding__tekst">{t.antwoord}</p>}
          <p className="provenance-line">{S.herkomst(t.tafel.toLowerCase(), t.lid, formatDatumTijd(t.op))}</p>
          <p className="muted">{S.alleenLezen}</p>
        </>
      )}
    </section>
  );
}

function HandmatigeStatus({ e, knelpuntId }: { e: Escalatie; knelpuntId: string }) {
  const id = useId();
  const { tafelId } = useTafel();
  const write = useWrite();
  const mag = useMayEdit('escalaties', e.id, 'handmatigeStatus');
  const [fout, setFout] = useState<string | null>(null);
  return (
    <div className="handmatig">
      <label htmlFor={`${id}-status`}>{FIELD_LABELS.escalaties.handmatigeStatus}</label>
      <StatusKeuze
        id={`${id}-status`}
        value={e.handmatigeStatus ?? ''}
        disabled={!mag.ok}
        leeg
        onChange={(s) => setFout(write((doc, actor) => setHandmatigeStatus(doc, actor, e.id, s)))}
      />
      <FormError message={fout} />
      <Link className="btn btn-secondary" to={`/tafel/${encodeURIComponent(tafelId)}/knelpunten/${encodeURIComponent(knelpuntId)}/afdruk`}>
        {S.afdrukken}
      </Link>
    </div>
  );
}

function LusSluiten({ e }: { e: Escalatie }) {
  const id = useId();
  const write = useWrite();
  const mag = useMayEdit('escalaties', e.id, 'afsluiting');
  const [opgelost, setOpgelost] = useState(true);
  const [toelichting, setToelichting] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  if (e.afsluiting) return <p className="afsluiting">{S.afgesloten(e.afsluiting.opgelost, e.afsluiting.toelichting)}</p>;
  if (!mag.ok) return null;
  const sluit = (ev: FormEvent) => {
    ev.preventDefault();
    if (toelichting.trim() === '') return setFout(strings.errors.waarde.leeg);
    setFout(write((doc, actor) => sluitEscalatie(doc, actor, e.id, opgelost, toelichting)));
  };
  return (
    <form className="form lus-form" onSubmit={sluit} aria-label={S.lusSluiten}>
      <fieldset>
        <legend>{FIELD_LABELS.escalaties.afsluiting}</legend>
        <label className="check-row">
          <input type="radio" name={`${id}-uitkomst`} checked={opgelost} onChange={() => setOpgelost(true)} />
          {S.opgelost}
        </label>
        <label className="check-row">
          <input type="radio" name={`${id}-uitkomst`} checked={!opgelost} onChange={() => setOpgelost(false)} />
          {S.nietOpgelost}
        </label>
      </fieldset>
      <label htmlFor={`${id}-toelichting`}>{S.toelichting}</label>
      <input id={`${id}-toelichting`} type="text" maxLength={500} value={toelichting} onChange={(ev) => setToelichting(ev.target.value)} />
      <FormError message={fout} />
      <div className="button-row">
        <button type="submit" className="btn btn-secondary">
          {S.sluiten}
        </button>
      </div>
    </form>
  );
}
