// One filter of a list (the planmonitor, the knelpunten, the afspraken): a labelled select whose
// first choice, "Alle", filters nothing (the value '').

import { strings, waarde } from '../strings';

export interface Keuze {
  readonly value: string;
  readonly label: string;
}

/** The choices of a vocabulary (planstatus, thema, status ...), each spelled as the app spells values. */
export const keuzesUit = (lijst: readonly string[]): Keuze[] => lijst.map((v) => ({ value: v, label: waarde(v) }));

/** The partijen as choices, by their name. */
export const partijKeuzes = (partijen: readonly { readonly id: string; readonly naam: string }[]): Keuze[] => partijen.map((p) => ({ value: p.id, label: p.naam }));

export function FilterKeuze({ id, label, value, keuzes, onChange }: { id: string; label: string; value: string; keuzes: readonly Keuze[]; onChange: (value: string) => void }) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{strings.common.alle}</option>
        {keuzes.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
    </div>
  );
}
