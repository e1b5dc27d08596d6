// What both sides of an escalation show alike: the request's fields (at the sending tafel on the
// knelpunt, at the landelijke tafel in the register) and the status choice (kept by hand for rungs
// outside the app, or set with the answer at the landelijke tafel).

import { ESCALATIE_STATUSSEN, type EscalatieStatus } from '../../../model';
import { FIELD_LABELS } from '../../fieldLabels';
import { strings, waarde } from '../../strings';

const L = FIELD_LABELS.escalaties;

/** The request: what is asked, why the tafel cannot solve it, what else it shares (when anything). */
export function EscalatieVelden({ thema, gevraagd, waarom, gedeeld }: { thema?: string; gevraagd: string; waarom: string; gedeeld: string }) {
  return (
    <dl className="escalatie-velden">
      {thema !== undefined && (
        <>
          <dt>{FIELD_LABELS.knelpunten.thema}</dt>
          <dd>{waarde(thema)}</dd>
        </>
      )}
      <dt>{L.gevraagd}</dt>
      <dd>{gevraagd}</dd>
      <dt>{L.waarom}</dt>
      <dd>{waarom}</dd>
      {gedeeld && (
        <>
          <dt>{L.gedeeld}</dt>
          <dd>{gedeeld}</dd>
        </>
      )}
    </dl>
  );
}

/** A select of the escalation statuses; `leeg` adds a first, unselectable "empty" choice. */
export function StatusKeuze({
  id,
  value,
  onChange,
  disabled,
  leeg,
}: {
  id: string;
  value: EscalatieStatus | '';
  onChange: (s: EscalatieStatus) => void;
  disabled?: boolean;
  leeg?: boolean;
}) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(ev) => onChange(ev.target.value as EscalatieStatus)}>
      {leeg && (
        <option value="" disabled>
          {strings.common.leeg}
        </option>
      )}
      {ESCALATIE_STATUSSEN.map((s) => (
        <option key={s} value={s}>
          {waarde(s)}
        </option>
      ))}
    </select>
  );
}
