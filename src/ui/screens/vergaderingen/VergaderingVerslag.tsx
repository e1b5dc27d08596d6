// The meeting's own record, next to the agenda and notulen: start and end time, who was aanwezig
// or afgemeld, what became of the previous meeting's notulen, the besluiten per agendapunt (numbered when the chair closes the meeting), the open
// afspraken of earlier meetings that come back by themselves, and the printable views.

import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { readAanwezigheid, readAgenda, readBesluitenlijst, readNotulenGoedkeuring, readOpenAfsprakenVoorAgenda, readVergaderingRecord, VORIGE_NOTULEN, type Aanwezigheid, type Besluit, type Vergadering, type VorigeNotulen } from '../../../model';
import { recordBesluit, removeBesluit, setAanwezigheid, setVergaderTijden, setVorigeNotulen, sluitVergadering } from '../../../operations';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { useToast } from '../../components/Toast';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, useMayEdit, useRead, useTafel, useWrite } from '../../tafel';
import { AfsprakenLijst } from './AfspraakItem';
import { FormError } from '../../components/FormProblem';
import { datumLang } from './datum';

const S = strings.verslag;

export function VergaderingVerslag({ vergadering: v }: { vergadering: Vergadering }) {
  return (
    <section className="card verslag" aria-labelledby="vg-verslag">
      <h2 id="vg-verslag">{S.kop}</h2>
      <p className="muted">{S.uitleg}</p>
      <Tijden vergaderingId={v.id} />
      <AanwezigheidLijst vergaderingId={v.id} />
      <VorigeNotulenKeuze vergaderingId={v.id} />
      <Besluiten vergadering={v} />
      <OpenAfspraken vergaderingId={v.id} />
      <Afdrukken vergaderingId={v.id} />
    </section>
  );
}

function Tijden({ vergaderingId }: { vergaderingId: string }) {
  const id = useId();
  const record = useRead((doc) => readVergaderingRecord(doc, vergaderingId), [vergaderingId]);
  const mag = useMayEdit('vergaderingen', vergaderingId, 'startTijd');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  const zet = (key: 'startTijd' | 'eindTijd', waarde: string) => setFout(write((doc, actor) => setVergaderTijden(doc, actor, vergaderingId, { [key]: waarde || null })));
  return (
    <div className="verslag__tijden">
      {(['startTijd', 'eindTijd'] as const).map((key) => (
        <div className="form-row" key={key}>
          <label htmlFor={`${id}-${key}`}>{FIELD_LABELS.vergaderingen[key]}</label>
          {mag.ok ? (
            <input key={record[key] ?? ""} id={`${id}-${key}`} type="time" defaultValue={record[key] ?? ''} onBlur={(e) => zet(key, e.target.value)} aria-describedby={`${id}-hulp`} />
          ) : (
            <output id={`${id}-${key}`}>{record[key] ?? '–'}</output>
          )}
        </div>
      ))}
      {mag.ok && (
        <p className="muted" id={`${id}-hulp`}>
          {S.tijdHulp}
        </p>
      )}
      <FormError message={fout} />
    </div>
  );
}

function AanwezigheidLijst({ vergaderingId }: { vergaderingId: string }) {
  const regels = useRead((doc) => readAanwezigheid(doc, vergaderingId), [vergaderingId]);
  const mag = useMayEdit('vergaderingen', vergaderingId, 'startTijd');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  return (
    <div className="verslag__aanwezigheid">
      <h3>{S.aanwezigheidKop}</h3>
      <ul className="aanwezigheid-lijst">
        {regels.map((r) => (
          <li key={r.lidId}>
            <span>{r.naam}</span>
            {mag.ok ? (
              <select
                aria-label={S.aanwezigheidVan(r.naam)}
                value={r.status ?? ''}
                onChange={(e) => setFout(write((doc, actor) => setAanwezigheid(doc, actor, vergaderingId, r.lidId, (e.target.value || null) as Aanwezigheid | null)))}
              >
                <option value="">{S.nietVastgelegd}</option>
                <option value="aanwezig">{S.aanwezigheid.aanwezig}</option>
                <option value="afgemeld">{S.aanwezigheid.afgemeld}</option>
              </select>
            ) : (
              <span className="muted">{r.status ? S.aanwezigheid[r.status] : S.nietVastgelegd}</span>
            )}
          </li>
        ))}
      </ul>
      <FormError message={fout} />
    </div>
  );
}

function VorigeNotulenKeuze({ vergaderingId }: { vergaderingId: string }) {
  const id = useId();
  const goedkeuring = useRead((doc) => readNotulenGoedkeuring(doc, vergaderingId), [vergaderingId]);
  const mag = useMayEdit('vergaderingen', vergaderingId, 'vorigeNotulen');
  const { tafelId } = useTafel();
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  if (!goedkeuring) return null;
  const { vorige, uitkomst } = goedkeuring;
  return (
    <div className="verslag__vorige-notulen">
      <h3 id={`${id}-kop`}>{S.vorigeNotulenKop}</h3>
      <p>
        <Link to={`/tafel/${encodeURIComponent(tafelId)}/vergaderingen/${encodeURIComponent(vorige.id)}`}>{S.vorigeNotulenVan(vorige.titel, datumLang(vorige.datum))}</Link>
      </p>
      {mag.ok ? (
        <div className="form-row">
          <label htmlFor={`${id}-uitkomst`}>{S.vorigeNotulenUitkomst}</label>
          <select
            id={`${id}-uitkomst`}
            value={uitkomst ?? ''}
            aria-describedby={`${id}-hulp`}
            onChange={(e) => setFout(write((doc, actor) => setVorigeNotulen(doc, actor, vergaderingId, (e.target.value || null) as VorigeNotulen | null)))}
          >
            <option value="">{S.nietVastgelegd}</option>
            {VORIGE_NOTULEN.map((u) => (
              <option key={u} value={u}>
                {waarde(u)}
              </option>
            ))}
          </select>
          <p className="muted" id={`${id}-hulp`}>
            {S.vorigeNotulenHulp}
          </p>
        </div>
      ) : (
        <p className="muted">{uitkomst ? waarde(uitkomst) : S.nietVastgelegd}</p>
      )}
      <FormError message={fout} />
    </div>
  );
}

function Besluiten({ vergadering: v }: { vergadering: Vergadering }) {
  const besluiten = useRead((doc) => readBesluitenlijst(doc, v.id), [v.id]);
  const agenda = useRead((doc) => readAgenda(doc, v.id), [v.id]);
  const magVastleggen = useMayCreate('besluiten');
  const magSluiten = useMayEdit('vergaderingen', v.id, 'status');
  const titelVan = new Map(agenda.map((a, i) => [a.id, `${i + 1}. ${a.titel}`]));
  const teNummeren = besluiten.some((b) => b.nummer === null);
  return (
    <div className="verslag__besluiten">
      <h3>{S.besluitenKop}</h3>
      {besluiten.length === 0 ? (
        <p className="muted">{S.geenBesluiten}</p>
      ) : (
        <ul className="besluiten-lijst">
          {besluiten.map((b) => (
            <BesluitRegel key={b.id} besluit={b} agendapunt={b.agendapuntId ? titelVan.get(b.agendapuntId) : undefined} />
          ))}
        </ul>
      )}
      {magVastleggen.ok && <BesluitForm vergaderingId={v.id} agenda={agenda.map((a, i) => ({ id: a.id, titel: `${i + 1}. ${a.titel}` }))} />}
      {magSluiten.ok && (v.status !== 'gehouden' || teNummeren) && <SluitenKnop vergaderingId={v.id} />}
    </div>
  );
}

function SluitenKnop({ vergaderingId }: { vergaderingId: string }) {
  const write = useWrite();
  const toast = useToast();
  let gegeven: string[] = [];
  return (
    <ConfirmedAction
      label={S.sluiten}
      question={S.sluitenVraag}
      action={() =>
        write((doc, actor) => {
          gegeven = sluitVergadering(doc, actor, vergaderingId);
        })
      }
      done={() => toast(S.gesloten(gegeven.length))}
    />
  );
}

function BesluitRegel({ besluit: b, agendapunt }: { besluit: Besluit; agendapunt: string | undefined }) {
  const magVerwijderen = useMayCreate('besluiten');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  return (
    <li className="besluit">
      <span className="besluit__nummer">{b.nummer ?? <span className="muted">{S.nogGeenNummer}</span>}</span>
      <span className="besluit__tekst">
        {b.tekst}
        {agendapunt && <span className="muted besluit__punt"> · {agendapunt}</span>}
      </span>
      {magVerwijderen.ok && b.nummer === null && (
        <button type="button" className="btn btn-quiet icon-btn" aria-label={S.besluitVerwijderen(b.tekst)} onClick={() => setFout(write((doc, actor) => removeBesluit(doc, actor, b.id)))}>
          ✕
        </button>
      )}
      <FormError message={fout} />
    </li>
  );
}

function BesluitForm({ vergaderingId, agenda }: { vergaderingId: string; agenda: { id: string; titel: string }[] }) {
  const id = useId();
  const write = useWrite();
  const toast = useToast();
  const [tekst, setTekst] = useState('');
  const [agendapuntId, setAgendapuntId] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    if (tekst.trim() === '') return setFout(strings.errors.waarde.leeg);
    const f = write((doc, actor) => recordBesluit(doc, actor, { vergaderingId, agendapuntId: agendapuntId || null, tekst: tekst.trim() }));
    setFout(f);
    if (f) return;
    setTekst('');
    toast(S.besluitVastgelegd);
  };
  return (
    <form className="form besluit-form" onSubmit={verzend} noValidate>
      <div className="form-row">
        <label htmlFor={`${id}-tekst`}>{FIELD_LABELS.besluiten.tekst}</label>
        <textarea id={`${id}-tekst`} rows={2} value={tekst} onChange={(e) => setTekst(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-punt`}>{FIELD_LABELS.besluiten.agendapuntId}</label>
        <select id={`${id}-punt`} value={agendapuntId} onChange={(e) => setAgendapuntId(e.target.value)}>
          <option value="">{S.geenAgendapunt}</option>
          {agenda.map((a) => (
            <option key={a.id} value={a.id}>
              {a.titel}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        {S.besluitVastleggen}
      </button>
      <FormError message={fout} />
    </form>
  );
}

function OpenAfspraken({ vergaderingId }: { vergaderingId: string }) {
  const open = useRead((doc) => readOpenAfsprakenVoorAgenda(doc, vergaderingId), [vergaderingId]);
  return (
    <div className="verslag__open-afspraken">
      <h3>{S.openAfsprakenKop}</h3>
      <p className="muted">{S.openAfsprakenUitleg}</p>
      {open.length === 0 ? (
        <p className="muted">{S.geenOpenAfspraken}</p>
      ) : (
        <AfsprakenLijst afspraken={open} />
      )}
    </div>
  );
}

function Afdrukken({ vergaderingId }: { vergaderingId: string }) {
  const { tafelId } = useTafel();
  const base = `/tafel/${encodeURIComponent(tafelId)}/vergaderingen/${encodeURIComponent(vergaderingId)}`;
  return (
    <div className="verslag__afdrukken">
      <h3>{S.afdrukkenKop}</h3>
      <ul className="link-lijst">
        <li>
          <Link to={`${base}/agenda-afdruk`}>{S.agendaAfdrukken}</Link>
        </li>
        <li>
          <Link to={`${base}/notulen-afdruk`}>{S.notulenAfdrukken}</Link>
        </li>
      </ul>
    </div>
  );
}
