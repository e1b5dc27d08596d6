// One afspraak: what, for which partij, by when, and how far it is. The assigned partij (or the
// chair) updates status and voortgang right here; what, partij and deadline are the chair's.

import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  AFSPRAAK_STATUSSEN,
  changedByOtherSince,
  readKnelpunt,
  readVergadering,
  type Afspraak,
  type AfspraakStatus,
} from '../../../model';
import { editAfspraak, removeAfspraak, updateAfspraak } from '../../../operations';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { PartijBadge } from '../../components/OwnerBadge';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayEdit, useMayRemove, useNamen, useRead, useTafel, useWrite } from '../../tafel';
import { termijn, type Termijn } from './afsprakenView';
import { datumKort, vandaagIso } from './datum';
import { AfspraakGeschiedenis } from './AfspraakGeschiedenis';
import { FormError } from '../../components/FormProblem';
import { NieuwBadge } from '../../components/NieuwBadge';
import { useMarkersSince } from '../../tafel/useLastVisit';

const S = strings.afspraken;
const STATUS_OPTIES = AFSPRAAK_STATUSSEN.map((s) => ({ value: s, label: waarde(s) }));

export function TermijnTag({ t, deadline }: { t: Termijn; deadline: string | null }) {
  if (t.soort === 'klaar') return deadline ? <span className="status-pill">{S.deadline(datumKort(deadline))}</span> : null;
  if (t.soort === 'geen') return <span className="status-pill">{S.geenDeadline}</span>;
  const tekst = `${S.deadline(datumKort(deadline ?? ''))}: ${t.soort === 'te-laat' ? S.teLaat(t.dagen) : S.binnenkort(t.dagen)}`;
  return <span className={`status-pill termijn-${t.soort}`}>{t.soort === 'later' ? S.deadline(datumKort(deadline ?? '')) : tekst}</span>;
}

/** Afspraken as the list every screen shows them in; the flags as AfspraakItem's. */
export function AfsprakenLijst({ afspraken, zonderVergadering, zonderKnelpunt }: { afspraken: readonly Afspraak[]; zonderVergadering?: boolean; zonderKnelpunt?: boolean }) {
  return (
    <ul className="afspraken-lijst">
      {afspraken.map((a) => (
        <li key={a.id}>
          <AfspraakItem afspraak={a} zonderVergadering={zonderVergadering} zonderKnelpunt={zonderKnelpunt} />
        </li>
      ))}
    </ul>
  );
}

/** zonderVergadering / zonderKnelpunt: leave out the link back to the page it is shown on. */
export function AfspraakItem({ afspraak: a, zonderVergadering, zonderKnelpunt }: { afspraak: Afspraak; zonderVergadering?: boolean; zonderKnelpunt?: boolean }) {
  const { tafelId } = useTafel();
  const namen = useNamen();
  const write = useWrite();
  const magWat = useMayEdit('afspraken', a.id, 'wat');
  const magWeg = useMayRemove('afspraken', a.id);
  const [weg, setWeg] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const vergadering = useRead((doc) => (a.vergaderingId ? readVergadering(doc, a.vergaderingId) : undefined), [a.vergaderingId]);
  const knelpunt = useRead((doc) => (a.knelpuntId && !zonderKnelpunt ? readKnelpunt(doc, a.knelpuntId) : undefined), [a.knelpuntId, zonderKnelpunt]);
  const partijOpties = [...namen.partijen.values()].map((p) => ({ value: p.id, label: p.naam }));
  const t = termijn(a, vandaagIso());
  const { since, lidId } = useMarkersSince();
  const voorMijnPartij = namen.leden.get(lidId)?.partijId === a.partijId;

  return (
    <article className={`afspraak status-${a.status.replace(' ', '-')}`}>
      <h3 className="afspraak__wat">{a.wat}</h3>
      <p className="afspraak__meta">
        <span className="visually-hidden">{FIELD_LABELS.afspraken.partijId}: </span>
        {since !== null && changedByOtherSince(a.provenance, since, lidId) && (
          <NieuwBadge>{voorMijnPartij ? strings.nieuwSinds.voorUw : strings.nieuwSinds.gewijzigd}</NieuwBadge>
        )}
        <PartijBadge partijId={a.partijId} />
        <TermijnTag t={t} deadline={a.deadline} />
        <span className={`status-pill tag-status status-${a.status.replace(' ', '-')}`}>{waarde(a.status)}</span>
      </p>
      {(vergadering && !zonderVergadering) || knelpunt ? (
        <p className="afspraak__herkomst">
          {vergadering && !zonderVergadering && <Link to={`/tafel/${tafelId}/vergaderingen/${vergadering.id}`}>{S.uitVergadering(vergadering.titel)}</Link>}
          {knelpunt && <Link to={`/tafel/${tafelId}/knelpunten/${knelpunt.id}`}>{S.overKnelpunt(knelpunt.titel)}</Link>}
        </p>
      ) : null}
      <div className="afspraak__velden">
        <Field
          label={FIELD_LABELS.afspraken.status}
          root="afspraken"
          entityId={a.id}
          fieldKey="status"
          value={a.status}
          provenance={a.provenance.status}
          input={{ kind: 'select', options: STATUS_OPTIES }}
          onSave={(doc, actor, v) => updateAfspraak(doc, actor, a.id, { status: v as AfspraakStatus })}
        />
        <Field
          label={FIELD_LABELS.afspraken.voortgang}
          root="afspraken"
          entityId={a.id}
          fieldKey="voortgang"
          value={a.voortgang}
          provenance={a.provenance.voortgang}
          input={{ kind: 'textarea' }}
          onSave={(doc, actor, v) => updateAfspraak(doc, actor, a.id, { voortgang: v as string })}
        />
      </div>
      <div className="afspraak__geschiedenis">
        <AfspraakGeschiedenis afspraakId={a.id} wat={a.wat} />
      </div>
      {magWat.ok && (
        <details className="afspraak__wijzigen">
          <summary>{S.wijzigen}</summary>
          <Field
            label={FIELD_LABELS.afspraken.wat}
            root="afspraken"
            entityId={a.id}
            fieldKey="wat"
            value={a.wat}
            provenance={a.provenance.wat}
            input={{ kind: 'textarea' }}
            onSave={(doc, actor, v) => editAfspraak(doc, actor, a.id, { wat: (v as string).trim() })}
          />
          <Field
            label={FIELD_LABELS.afspraken.partijId}
            root="afspraken"
            entityId={a.id}
            fieldKey="partijId"
            value={a.partijId}
            provenance={a.provenance.partijId}
            input={{ kind: 'select', options: partijOpties }}
            onSave={(doc, actor, v) => editAfspraak(doc, actor, a.id, { partijId: v as string })}
          />
          <Field
            label={FIELD_LABELS.afspraken.deadline}
            root="afspraken"
            entityId={a.id}
            fieldKey="deadline"
            value={a.deadline ?? ''}
            provenance={a.provenance.deadline}
            hint={S.deadlineHulp}
            input={{ kind: 'text' }}
            onSave={(doc, actor, v) => editAfspraak(doc, actor, a.id, { deadline: v === '' ? null : (v as string) })}
          />
          {magWeg.ok && (
            <button type="button" className="btn btn-danger" onClick={() => setWeg(true)}>
              {S.verwijderen}
            </button>
          )}
          <FormError message={fout} />
        </details>
      )}
      <ConfirmDialog
        open={weg}
        title={S.verwijderen}
        message={S.verwijderenVraag(a.wat)}
        confirmLabel={strings.common.verwijderen}
        onClose={() => setWeg(false)}
        onConfirm={() => {
          setWeg(false);
          setFout(write((doc, actor) => removeAfspraak(doc, actor, a.id)));
        }}
      />
    </article>
  );
}
