// One knelpunt: its content (the raising partij edits it), status (raiser or chair), the
// escalation ladder (chair), comments by everyone, and where it came up: agenda and afspraken.

import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import * as Y from 'yjs';
import {
  readAgenda,
  KNELPUNT_STATUSSEN,
  readAfspraken,
  readKnelpunt,
  readVergaderingen,
  THEMAS,
  type Agendapunt,
  type Knelpunt,
  type KnelpuntStatus,
  type Thema,
} from '../../../model';
import { editKnelpunt, removeKnelpunt, setKnelpuntStatus } from '../../../operations';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { PartijBadge } from '../../components/OwnerBadge';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayRemove, usePlek, useRead, useTafel, useWrite } from '../../tafel';
import { AfsprakenLijst } from '../vergaderingen/AfspraakItem';
import { datumKort } from '../vergaderingen/datum';
import { EscalatieLadder } from './EscalatieLadder';
import { EscalatieVerzoeken } from '../netwerk/EscalatieVerzoeken';
import { KnelpuntGeschiedenis } from './KnelpuntGeschiedenis';
import { KoppelingenVeld } from './KoppelingenVeld';
import { Reacties } from './Reacties';
import './knelpunten.css';

const S = strings.knelpunt;
const THEMA_OPTIES = THEMAS.map((t) => ({ value: t, label: waarde(t) }));
const STATUS_OPTIES = KNELPUNT_STATUSSEN.map((s) => ({ value: s, label: waarde(s) }));

export default function KnelpuntDetailScreen() {
  const { knelpuntId = '' } = useParams();
  usePlek('knelpunt');
  const { tafelId } = useTafel();
  const k = useRead((doc) => readKnelpunt(doc, knelpuntId), [knelpuntId]);
  if (!k) {
    return (
      <div className="page">
        <EmptyState title={S.nietGevonden} action={<Link className="btn btn-secondary" to={`/tafel/${tafelId}/knelpunten`}>{S.terug}</Link>}>
          <p>{S.nietGevondenActie}</p>
        </EmptyState>
      </div>
    );
  }
  return <KnelpuntDetail knelpunt={k} />;
}

/** The meetings whose agenda links this knelpunt, with the linking item. */
function agendaMet(doc: Y.Doc, knelpuntId: string): { vergaderingId: string; titel: string; datum: string; punt: Agendapunt }[] {
  return readVergaderingen(doc).flatMap((v) =>
    readAgenda(doc, v.id)
      .filter((a) => a.knelpunten.includes(knelpuntId))
      .map((punt) => ({ vergaderingId: v.id, titel: v.titel, datum: v.datum, punt })),
  );
}

function KnelpuntDetail({ knelpunt: k }: { knelpunt: Knelpunt }) {
  const { tafelId } = useTafel();
  const navigate = useNavigate();
  const write = useWrite();
  const mayRemove = useMayRemove('knelpunten', k.id);
  const alleAfspraken = useRead(readAfspraken);
  const afspraken = useMemo(() => alleAfspraken.filter((a) => a.knelpuntId === k.id), [alleAfspraken, k.id]);
  const agenda = useRead((doc) => agendaMet(doc, k.id), [k.id]);

  return (
    <div className="page knelpunt-detail">
      <nav aria-label={strings.common.terug}>
        <Link to={`/tafel/${tafelId}/knelpunten`}>← {S.terug}</Link>
      </nav>
      <header className="page-head">
        <h1>{k.titel}</h1>
        <p className="knelpunt-kaart__meta">
          <span className={`status-pill tag-status status-${k.status.replace(' ', '-')}`}>{waarde(k.status)}</span>
          <span className="status-pill">{waarde(k.thema)}</span>
          <span>
            {FIELD_LABELS.knelpunten.ingediendDoor}: <PartijBadge partijId={k.ingediendDoor} />
          </span>
        </p>
        <p className="knelpunt-detail__acties">
          <Link to={`/tafel/${tafelId}/knelpunten/${k.id}/afdruk`}>{strings.afdruk.knelpuntAfdrukken}</Link>
          <KnelpuntGeschiedenis knelpuntId={k.id} titel={k.titel} />
        </p>
      </header>

      <div className="detail-grid">
        <section className="card" aria-labelledby="kp-inhoud">
          <h2 id="kp-inhoud">{S.inhoud}</h2>
          <Field
            label={FIELD_LABELS.knelpunten.titel}
            root="knelpunten"
            entityId={k.id}
            fieldKey="titel"
            value={k.titel}
            provenance={k.provenance.titel}
            input={{ kind: 'text', required: true }}
            onSave={(doc, actor, v) => editKnelpunt(doc, actor, k.id, { titel: v as string })}
          />
          <Field
            label={FIELD_LABELS.knelpunten.thema}
            root="knelpunten"
            entityId={k.id}
            fieldKey="thema"
            value={k.thema}
            provenance={k.provenance.thema}
            input={{ kind: 'select', options: THEMA_OPTIES }}
            onSave={(doc, actor, v) => editKnelpunt(doc, actor, k.id, { thema: v as Thema })}
          />
          <Field
            label={FIELD_LABELS.knelpunten.status}
            root="knelpunten"
            entityId={k.id}
            fieldKey="status"
            value={k.status}
            provenance={k.provenance.status}
            input={{ kind: 'select', options: STATUS_OPTIES }}
            onSave={(doc, actor, v) => setKnelpuntStatus(doc, actor, k.id, v as KnelpuntStatus)}
          />
          <Field
            label={FIELD_LABELS.knelpunten.beschrijving}
            root="knelpunten"
            entityId={k.id}
            fieldKey="beschrijving"
            value={k.beschrijving}
            provenance={k.provenance.beschrijving}
            input={{ kind: 'textarea' }}
            onSave={(doc, actor, v) => editKnelpunt(doc, actor, k.id, { beschrijving: v as string })}
          />
          <KoppelingenVeld
            label={FIELD_LABELS.knelpunten.projecten}
            root="knelpunten"
            entityId={k.id}
            fieldKey="projecten"
            ids={k.projecten}
            provenance={k.provenance.projecten}
            onSave={(doc, actor, ids) => editKnelpunt(doc, actor, k.id, { projecten: ids })}
          />
        </section>

        <div className="detail-side">
          <EscalatieLadder knelpunt={k} />
          <EscalatieVerzoeken knelpunt={k} />
          <section className="card" aria-labelledby="kp-agenda">
            <h2 id="kp-agenda">{S.agenda}</h2>
            {agenda.length === 0 ? (
              <p className="muted">{S.nietOpAgenda}</p>
            ) : (
              <ul className="link-list">
                {agenda.map((a) => (
                  <li key={a.punt.id}>
                    <Link to={`/tafel/${tafelId}/vergaderingen/${a.vergaderingId}`}>
                      {a.titel} ({datumKort(a.datum)}): {a.punt.titel}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="kp-afspraken">
            <h2 id="kp-afspraken">{S.afspraken}</h2>
            {afspraken.length === 0 ? (
              <p className="muted">{S.geenAfspraken}</p>
            ) : (
              <AfsprakenLijst afspraken={afspraken} zonderKnelpunt />
            )}
          </section>
        </div>
      </div>

      <Reacties knelpunt={k} />

      {mayRemove.ok && (
        <div className="danger-zone">
          <ConfirmedAction
            label={S.verwijderen}
            question={S.verwijderenVraag(k.titel)}
            confirmLabel={strings.common.verwijderen}
            variant="danger"
            action={() => write((doc, actor) => removeKnelpunt(doc, actor, k.id))}
            done={() => navigate(`/tafel/${tafelId}/knelpunten`)}
          />
        </div>
      )}
    </div>
  );
}
