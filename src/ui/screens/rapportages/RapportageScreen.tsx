// One rapportage at its stable address: the frozen figures of every section with the narrative
// the chair and the kernteam co-edit live, the koersoordeel, comments by every lid, and the
// chair's "vaststellen", after which nothing changes (the relay refuses it too).

import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { KOERSOORDELEN, readKoppelingen, readLeden, readRapportage, type Koersoordeel, type Rapportage } from '../../../model';
import { reageerOpRapportage, setKernteam, setKoersoordeel, stelRapportageVast } from '../../../operations';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { ReactieForm, ReactieLijst } from '../../components/ReactieDraad';
import { EmptyState } from '../../components/EmptyState';
import { useToast } from '../../components/Toast';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { lidNaam, useMayEdit, useNamen, usePlek, useRead, useTafel, useWrite } from '../../tafel';
import { datumLang } from '../vergaderingen/datum';
import { RapportageSecties } from './RapportageSecties';
import './rapportage.css';
import { FormError } from '../../components/FormProblem';
import { RapportageBezorging } from './RapportageBezorging';

const S = strings.rapportage;

export default function RapportageScreen() {
  const { rapportageId = '' } = useParams();
  usePlek('rapportage');
  const { tafelId } = useTafel();
  const r = useRead((doc) => readRapportage(doc, rapportageId), [rapportageId]);
  const lijst = `/tafel/${encodeURIComponent(tafelId)}/rapportages`;
  if (!r || !r.cijfers) {
    return (
      <div className="page">
        <EmptyState title={S.nietGevonden} action={<Link className="btn btn-secondary" to={lijst}>{S.terug}</Link>} />
      </div>
    );
  }
  return <RapportageDetail rapportage={r} lijst={lijst} />;
}

function RapportageDetail({ rapportage: r, lijst }: { rapportage: Rapportage; lijst: string }) {
  const c = r.cijfers!;
  const magTekst = useMayEdit('rapportages', r.id, 'samenvatting');
  const vast = r.status === 'vastgesteld';
  const adres = `${lijst}/${encodeURIComponent(r.id)}`;
  return (
    <div className="page rapportage">
      <nav aria-label={strings.common.terug}>
        <Link to={lijst}>← {S.terug}</Link>
      </nav>
      <header className="page-head">
        <h1>{S.kopTitel(c.tafelNaam, c.periode)}</h1>
        <p className="intro">
          {S.peildatumRegel(datumLang(c.peildatum))} · {S.status[r.status]}
          {vast && r.vastgesteldOp ? ` · ${S.vastgesteldOp(datumLang(r.vastgesteldOp))}` : ''}
        </p>
        <p>
          <Link to={`${adres}/afdruk`}>{S.afdrukken}</Link>
        </p>
        <p className="muted rapportage__adres">
          {S.adres}: <code>{`${window.location.origin}${adres}`}</code>
        </p>
      </header>
      {vast && (
        <div className="card">
          <p className="rapportage__vast">{S.isVastgesteld}</p>
          <RapportageBezorging rapportage={r} />
        </div>
      )}
      {!vast && <Kernteam rapportage={r} />}
      <RapportageSecties rapportage={r} cijfers={c} bewerkbaar={!vast && magTekst.ok} koersoordeel={<KoersKeuze rapportage={r} />} />
      <Reacties rapportage={r} />
      {!vast && <Vaststellen rapportage={r} />}
    </div>
  );
}

function KoersKeuze({ rapportage: r }: { rapportage: Rapportage }) {
  const id = useId();
  const mag = useMayEdit('rapportages', r.id, 'koersoordeel');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  return (
    <div className="form-row koersoordeel">
      <label htmlFor={id}>{FIELD_LABELS.rapportages.koersoordeel}</label>
      {mag.ok ? (
        <select id={id} value={r.koersoordeel ?? ''} onChange={(e) => setFout(write((doc, actor) => setKoersoordeel(doc, actor, r.id, (e.target.value || null) as Koersoordeel | null)))}>
          <option value="">{S.geenOordeel}</option>
          {KOERSOORDELEN.map((k) => (
            <option key={k} value={k}>
              {S.koers[k]}
            </option>
          ))}
        </select>
      ) : (
        <output id={id} className={`koers koers-${(r.koersoordeel ?? 'geen').replace(/ /g, '-')}`}>
          {r.koersoordeel ? S.koers[r.koersoordeel] : S.geenOordeel}
        </output>
      )}
      <FormError message={fout} />
    </div>
  );
}

function Kernteam({ rapportage: r }: { rapportage: Rapportage }) {
  const mag = useMayEdit('rapportages', r.id, 'kernteam');
  const leden = useRead(readLeden).filter((l) => l.rol === 'lid');
  const namen = useNamen();
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  const toggle = (lidId: string, aan: boolean) => {
    const nieuw = aan ? [...r.kernteam, lidId] : r.kernteam.filter((x) => x !== lidId);
    setFout(write((doc, actor) => setKernteam(doc, actor, r.id, nieuw)));
  };
  return (
    <section className="card" aria-labelledby="rp-kernteam">
      <h2 id="rp-kernteam">{FIELD_LABELS.rapportages.kernteam}</h2>
      <p className="muted">{S.kernteamUitleg}</p>
      {mag.ok ? (
        <ul className="kernteam-lijst">
          {leden.map((l) => (
            <li key={l.id}>
              <label>
                <input type="checkbox" checked={r.kernteam.includes(l.id)} onChange={(e) => toggle(l.id, e.target.checked)} /> {S.kernteamLid(`${l.naam} (${namen.partijen.get(l.partijId)?.naam ?? ''})`)}
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p>{r.kernteam.map((id) => lidNaam(namen, id)).join(', ') || strings.common.leeg}</p>
      )}
      <FormError message={fout} />
    </section>
  );
}

function Reacties({ rapportage: r }: { rapportage: Rapportage }) {
  const namen = useNamen();
  const mag = useMayEdit('rapportages', r.id, 'reactie.nieuweReactie');
  const write = useWrite();
  return (
    <section className="card rapportage-reacties" aria-labelledby="rp-reacties">
      <h2 id="rp-reacties">{S.reacties}</h2>
      <ReactieLijst
        reacties={r.reacties}
        leeg={S.geenReacties}
        item={(x) => (
          <li key={x.id} className="reactie">
            <p className="reactie__van">{lidNaam(namen, x.by)}</p>
            <p className="reactie__tekst">{x.tekst}</p>
          </li>
        )}
      />
      {mag.ok && <ReactieForm label={S.reactieLabel} knop={S.reageren} plaats={(tekst) => write((doc, actor) => reageerOpRapportage(doc, actor, r.id, tekst))} />}
    </section>
  );
}

function Vaststellen({ rapportage: r }: { rapportage: Rapportage }) {
  const mag = useMayEdit('rapportages', r.id, 'status');
  const write = useWrite();
  const toast = useToast();
  // Where the tafel is linked to the landelijke tafel, the chair learns what will leave for it.
  const landelijk = useRead((doc) => readKoppelingen(doc).find((k) => k.status === 'actief' && k.andereSoort === 'landelijk')?.andereNaam ?? null, []);
  if (!mag.ok) return null;
  return (
    <div className="rapportage-vaststellen">
      <ConfirmedAction
        label={S.vaststellen}
        question={landelijk ? `${S.vaststellenVraag} ${strings.ontvangenRapportage.gaatNaar(landelijk)}` : S.vaststellenVraag}
        action={() => write((doc, actor) => stelRapportageVast(doc, actor, r.id))}
        done={() => toast(S.vastgesteld)}
      />
    </div>
  );
}
