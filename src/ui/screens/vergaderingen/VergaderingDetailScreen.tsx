// The meeting room: the agenda (proposed by all, ordered and fixed by the chair), the live
// co-edited notulen, and the afspraken recorded during the meeting; who else is here right now.

import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { readAfspraken, readAgenda, readVergadering, VERGADERSTATUSSEN, type Vergadering, type Vergaderstatus } from '../../../model';
import { editVergadering, ordenAgenda } from '../../../operations';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { SharedTextEditor } from '../../editor/SharedTextEditor';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayCreate, useMayEdit, usePlek, usePresence, useRead, useTafel, useWrite } from '../../tafel';
import { AfspraakForm } from './AfspraakForm';
import { AfsprakenLijst } from './AfspraakItem';
import { AgendapuntItem } from './AgendapuntItem';
import { AgendapuntVoorstellen } from './AgendapuntVoorstellen';
import { sorteerAfspraken } from './afsprakenView';
import { VergaderingVerslag } from './VergaderingVerslag';
import './verslag.css';
import { datumLang } from './datum';
import './vergaderingen.css';
import { FormError } from '../../components/FormProblem';

const S = strings.vergadering;
const STATUS_OPTIES = VERGADERSTATUSSEN.map((s) => ({ value: s, label: strings.vergaderingen.status[s] ?? s }));

export default function VergaderingDetailScreen() {
  const { vergaderingId = '' } = useParams();
  usePlek('vergadering', { vergaderingId });
  const { tafelId } = useTafel();
  const v = useRead((doc) => readVergadering(doc, vergaderingId), [vergaderingId]);
  if (!v) {
    return (
      <div className="page">
        <EmptyState title={S.nietGevonden} action={<Link className="btn btn-secondary" to={`/tafel/${tafelId}/vergaderingen`}>{S.terug}</Link>}>
          <p>{S.nietGevondenActie}</p>
        </EmptyState>
      </div>
    );
  }
  return <VergaderingDetail vergadering={v} />;
}

function VergaderingDetail({ vergadering: v }: { vergadering: Vergadering }) {
  const { tafelId } = useTafel();
  const magGegevens = useMayEdit('vergaderingen', v.id, 'titel');
  return (
    <div className="page vergadering-detail">
      <nav aria-label={strings.common.terug}>
        <Link to={`/tafel/${tafelId}/vergaderingen`}>← {S.terug}</Link>
      </nav>
      <header className="page-head">
        <h1>{v.titel}</h1>
        <p className="vergadering-detail__wanneer">
          {datumLang(v.datum)}
          {v.locatie && ` · ${v.locatie}`} · <span className={`status-pill status-${v.status}`}>{strings.vergaderingen.status[v.status]}</span>
        </p>
        <Aanwezig vergaderingId={v.id} />
      </header>
      {magGegevens.ok && <Gegevens vergadering={v} />}
      <div className="vergadering-grid">
        <Agenda vergadering={v} />
        <div className="vergadering-grid__rechts">
          <section className="card" aria-labelledby="vg-notulen">
            <h2 id="vg-notulen">{S.notulen}</h2>
            <p className="muted">{S.notulenUitleg}</p>
            <SharedTextEditor root="vergaderingen" entityId={v.id} veld="notulen" label={S.notulen} />
          </section>
          <Afspraken vergaderingId={v.id} />
        </div>
      </div>
      <VergaderingVerslag vergadering={v} />
    </div>
  );
}

function Aanwezig({ vergaderingId }: { vergaderingId: string }) {
  const aanwezigen = usePresence().filter((a) => !a.isSelf && a.plek?.vergaderingId === vergaderingId);
  return (
    <p className="aanwezig" aria-live="polite">
      <span className="aanwezig__label">{S.aanwezig}: </span>
      {aanwezigen.length === 0 ? (
        <span className="muted">{S.niemandAnders}</span>
      ) : (
        aanwezigen.map((a) => (
          <span key={a.clientId} className="aanwezig__naam" style={{ borderColor: a.user.kleur }}>
            {a.user.naam}
          </span>
        ))
      )}
    </p>
  );
}

function Gegevens({ vergadering: v }: { vergadering: Vergadering }) {
  return (
    <details className="card vergadering-gegevens">
      <summary>{S.gegevens}</summary>
      <div className="fields-grid">
        <Field
          label={FIELD_LABELS.vergaderingen.titel}
          root="vergaderingen"
          entityId={v.id}
          fieldKey="titel"
          value={v.titel}
          provenance={v.provenance.titel}
          input={{ kind: 'text', required: true }}
          onSave={(doc, actor, x) => editVergadering(doc, actor, v.id, { titel: x as string })}
        />
        <Field
          label={FIELD_LABELS.vergaderingen.datum}
          root="vergaderingen"
          entityId={v.id}
          fieldKey="datum"
          value={v.datum}
          provenance={v.provenance.datum}
          hint={S.datumHulp}
          input={{ kind: 'text', required: true }}
          onSave={(doc, actor, x) => editVergadering(doc, actor, v.id, { datum: x as string })}
        />
        <Field
          label={FIELD_LABELS.vergaderingen.locatie}
          root="vergaderingen"
          entityId={v.id}
          fieldKey="locatie"
          value={v.locatie}
          provenance={v.provenance.locatie}
          input={{ kind: 'text' }}
          onSave={(doc, actor, x) => editVergadering(doc, actor, v.id, { locatie: x as string })}
        />
        <Field
          label={FIELD_LABELS.vergaderingen.status}
          root="vergaderingen"
          entityId={v.id}
          fieldKey="status"
          value={v.status}
          provenance={v.provenance.status}
          input={{ kind: 'select', options: STATUS_OPTIES }}
          onSave={(doc, actor, x) => editVergadering(doc, actor, v.id, { status: x as Vergaderstatus })}
        />
      </div>
    </details>
  );
}

function Agenda({ vergadering: v }: { vergadering: Vergadering }) {
  const agenda = useRead((doc) => readAgenda(doc, v.id), [v.id]);
  const magVaststellen = useMayEdit('vergaderingen', v.id, 'agendaVastgesteld');
  const magVoorstellen = useMayCreate('agendapunten');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  const toonVoorstel = magVoorstellen.ok && (!v.agendaVastgesteld || magVaststellen.ok);
  return (
    <section className="card agenda" aria-labelledby="vg-agenda">
      <h2 id="vg-agenda">{S.agenda}</h2>
      <p className={v.agendaVastgesteld ? 'agenda__status is-vast' : 'agenda__status'}>{v.agendaVastgesteld ? S.agendaVastgesteld : S.agendaConcept}</p>
      {magVaststellen.ok && (
        <Button
          variant={v.agendaVastgesteld ? 'secondary' : 'primary'}
          onClick={() => setFout(write((doc, actor) => ordenAgenda(doc, actor, v.id, agenda.map((a) => a.id), !v.agendaVastgesteld)))}
        >
          {v.agendaVastgesteld ? S.heropenen : S.vaststellen}
        </Button>
      )}
      <FormError message={fout} />
      {agenda.length === 0 ? (
        <EmptyState title={S.geenAgendapunten}>
          <p>{S.geenAgendapuntenActie}</p>
        </EmptyState>
      ) : (
        <ol className="agenda__lijst">
          {agenda.map((a, i) => (
            <AgendapuntItem key={a.id} punt={a} nummer={i + 1} agenda={agenda} vergaderingId={v.id} />
          ))}
        </ol>
      )}
      {toonVoorstel && <AgendapuntVoorstellen vergaderingId={v.id} />}
      {magVoorstellen.ok && !toonVoorstel && <p className="muted">{S.vastgesteldGeenVoorstel}</p>}
    </section>
  );
}

function Afspraken({ vergaderingId }: { vergaderingId: string }) {
  const alle = useRead(readAfspraken);
  const magVastleggen = useMayCreate('afspraken');
  const afspraken = useMemo(() => sorteerAfspraken(alle.filter((a) => a.vergaderingId === vergaderingId)), [alle, vergaderingId]);
  return (
    <section className="card" aria-labelledby="vg-afspraken">
      <h2 id="vg-afspraken">{S.afspraken}</h2>
      {afspraken.length === 0 ? (
        <p className="muted">
          {S.geenAfspraken} {magVastleggen.ok && S.geenAfsprakenActieVoorzitter}
        </p>
      ) : (
        <AfsprakenLijst afspraken={afspraken} zonderVergadering />
      )}
      {magVastleggen.ok && <AfspraakForm vergaderingId={vergaderingId} />}
    </section>
  );
}
