// One knelpunt as a card, in the list and on the board: what, theme, status, who raised it and
// how far up the ladder it is. On the board the raiser or the chair moves it with a status menu.

import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { byOtherSince, KNELPUNT_STATUSSEN, type Knelpunt, type KnelpuntStatus } from '../../../model';
import { setKnelpuntStatus } from '../../../operations';
import { PartijBadge } from '../../components/OwnerBadge';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayEdit, useTafel, useWrite } from '../../tafel';
import { FormError } from '../../components/FormProblem';
import { NieuwBadge } from '../../components/NieuwBadge';
import { useMarkersSince } from '../../tafel/useLastVisit';

const S = strings.knelpunten;

export function KnelpuntKaart({ knelpunt: k, metStatusKeuze }: { knelpunt: Knelpunt; metStatusKeuze?: boolean }) {
  const { tafelId } = useTafel();
  const { since, lidId } = useMarkersSince();
  // New, or with a reactie by someone else since the previous visit.
  const nieuw = since !== null && byOtherSince(k.provenance.titel, since, lidId);
  const reactie = since !== null && k.reacties.some((r) => byOtherSince(r, since, lidId));
  return (
    <article className={`knelpunt-kaart status-${k.status.replace(' ', '-')}`}>
      <h3 className="knelpunt-kaart__titel">
        <Link to={`/tafel/${tafelId}/knelpunten/${k.id}`}>{k.titel}</Link>
      </h3>
      <p className="knelpunt-kaart__meta">
        {(nieuw || reactie) && <NieuwBadge>{nieuw ? strings.nieuwSinds.nieuw : strings.nieuwSinds.nieuweReactie}</NieuwBadge>}
        <span className="status-pill">{waarde(k.thema)}</span>
        {!metStatusKeuze && <span className={`status-pill tag-status status-${k.status.replace(' ', '-')}`}>{waarde(k.status)}</span>}
        {k.escalatie !== 'tafel' && <span className="status-pill tag-escalatie">{S.escalatie(waarde(k.escalatie))}</span>}
      </p>
      <p className="knelpunt-kaart__meta">
        <span className="visually-hidden">{FIELD_LABELS.knelpunten.ingediendDoor}: </span>
        <PartijBadge partijId={k.ingediendDoor} />
        <span className="muted">
          {S.projecten(k.projecten.length)} · {S.reacties(k.reacties.length)}
        </span>
      </p>
      {metStatusKeuze && <StatusKeuze knelpunt={k} />}
    </article>
  );
}

function StatusKeuze({ knelpunt: k }: { knelpunt: Knelpunt }) {
  const id = useId();
  const mag = useMayEdit('knelpunten', k.id, 'status');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  if (!mag.ok) return null;
  return (
    <div className="knelpunt-kaart__status">
      <label htmlFor={id}>
        {FIELD_LABELS.knelpunten.status}
        <span className="visually-hidden"> {S.statusVan(k.titel)}</span>
      </label>
      <select
        id={id}
        value={k.status}
        onChange={(e) => setFout(write((doc, actor) => setKnelpuntStatus(doc, actor, k.id, e.target.value as KnelpuntStatus)))}
      >
        {KNELPUNT_STATUSSEN.map((s) => (
          <option key={s} value={s}>
            {waarde(s)}
          </option>
        ))}
      </select>
      <FormError message={fout} />
    </div>
  );
}
