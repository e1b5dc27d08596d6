// One field of an entity, the way every screen shows it: label, owner badge, the value (editable
// inline when the rulebook allows it, else locked with whose it is), the provenance line and, when
// a write failed, the Dutch error next to it. What the user typed stays in the input until it is
// saved: a rejected or invalid value is never lost.
//
//   <Field label="Naam" root="projecten" entityId={p.id} fieldKey="naam" value={p.naam}
//          provenance={p.provenance.naam} input={{ kind: 'text', required: true }}
//          onSave={(doc, actor, v) => setProjectField(doc, actor, p.id, 'naam', v)} />

import { useId, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import type { Provenance, RootName } from '../../model';
import type { Actor } from '../../ownership/rulebook';
import { useFieldOwner, useMayEdit, useWrite } from '../tafel/useMayEdit';
import { useNamen } from '../tafel/useNamen';
import { strings } from '../strings';
import { displayValue, formatValue, parseValue, type FieldInput } from './fieldFormat';
import { sameValue } from '../../model/sameValue';
import { OwnerBadge } from './OwnerBadge';
import { lockText } from './ownerText';
import { ProvenanceLine } from './ProvenanceLine';
import { KwartaalInput } from './KwartaalInput';
import { LockNote } from './LockNote';

export interface FieldProps {
  readonly label: string;
  readonly root: RootName;
  readonly entityId: string | null;
  readonly fieldKey: string;
  readonly value: unknown;
  readonly provenance: Provenance | undefined;
  readonly input: FieldInput;
  /** The model operation that stores the value; it throws when not allowed or invalid. */
  readonly onSave: (doc: Y.Doc, actor: Actor, value: unknown) => void;
  readonly hint?: string;
  /** Hide the owner badge where a whole section already says whose it is. */
  readonly hideOwner?: boolean;
}

export function Field(props: FieldProps) {
  const { label, root, entityId, fieldKey, value, provenance, input, onSave, hint, hideOwner } = props;
  const id = useId();
  const mayEdit = useMayEdit(root, entityId, fieldKey);
  const owner = useFieldOwner(root, entityId, fieldKey);
  const namen = useNamen();
  const write = useWrite();
  /** What the user typed and has not been stored yet; null shows the document's value. */
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const commit = (text: string) => {
    const parsed = parseValue(input, text);
    if (!parsed.ok) {
      setDraft(text);
      setError(parsed.error);
      return;
    }
    if (sameValue(parsed.value, value)) {
      setDraft(null);
      setError(null);
      return;
    }
    const failure = write((doc, actor) => onSave(doc, actor, parsed.value));
    if (failure) {
      setDraft(text);
      setError(failure);
    } else {
      setDraft(null);
      setError(null);
    }
  };

  const describedBy = [`${id}-prov`, hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  const shown = draft ?? formatValue(input, value);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      setDraft(null);
      setError(null);
    } else if (e.key === 'Enter' && e.currentTarget.tagName === 'INPUT') {
      e.preventDefault();
      commit(e.currentTarget.value);
    }
  };

  let control;
  if (!mayEdit.ok) {
    control = (
      <div className="field-locked" id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
        <span className="field-value">{displayValue(input, value)}</span>
        <LockNote inline>{lockText(mayEdit, owner, namen)}</LockNote>
      </div>
    );
  } else if (input.kind === 'select') {
    control = (
      <select id={id} value={shown} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(e) => commit(e.target.value)}>
        {(input.nullable || shown === '') && <option value="">{input.nullable ? strings.common.geen : strings.common.kiesEen}</option>}
        {input.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (input.kind === 'bool') {
    control = (
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={shown === 'true'}
        aria-describedby={describedBy}
        onChange={(e) => commit(e.target.checked ? 'true' : 'false')}
      />
    );
  } else if (input.kind === 'kwartaal') {
    control = <KwartaalInput id={id} label={label} value={shown} describedBy={describedBy} onChange={commit} />;
  } else if (input.kind === 'textarea' || input.kind === 'lines') {
    control = (
      <textarea
        id={id}
        value={shown}
        rows={input.kind === 'lines' ? 3 : 4}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => draft !== null && commit(e.target.value)}
        onKeyDown={onKeyDown}
      />
    );
  } else {
    control = (
      <input
        id={id}
        type="text"
        inputMode={input.kind === 'number' ? 'numeric' : undefined}
        value={shown}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => draft !== null && commit(e.target.value)}
        onKeyDown={onKeyDown}
      />
    );
  }

  return (
    <div className={`field${mayEdit.ok ? '' : ' is-locked'}${error ? ' has-error' : ''}`}>
      <div className="field-head">
        {mayEdit.ok ? (
          <label htmlFor={id} className="field-label">
            {label}
          </label>
        ) : (
          <span className="field-label" id={`${id}-label`}>
            {label}
          </span>
        )}
        {!hideOwner && <OwnerBadge owner={owner} />}
      </div>
      {control}
      {hint && mayEdit.ok && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error} {draft !== null && strings.errors.invoerBewaard}
        </p>
      )}
      <ProvenanceLine provenance={provenance} id={`${id}-prov`} />
    </div>
  );
}
