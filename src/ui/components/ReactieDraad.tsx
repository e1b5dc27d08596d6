// The parts every thread of comments shares (on a knelpunt, on an escalation between tafels, on a
// rapportage): the list, or a line saying there is nothing yet; and the form that adds one, which
// keeps the text when the write fails.

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { strings } from '../strings';
import { Button, type ButtonVariant } from './Button';
import './reactieDraad.css';
import { FormError } from './FormProblem';

/** The comments in order, each rendered by `item` as an <li>; `leeg` when there are none. */
export function ReactieLijst<T extends { readonly id: string }>({ reacties, leeg, item }: { reacties: readonly T[]; leeg: string; item: (r: T) => ReactNode }) {
  if (reacties.length === 0) return <p className="muted">{leeg}</p>;
  return <ol className="reacties__lijst">{reacties.map(item)}</ol>;
}

/** Adds a comment: `plaats` writes the trimmed text and returns the write's error, or null. */
export function ReactieForm({
  label,
  knop,
  plaats,
  rows = 2,
  variant = 'secondary',
}: {
  label: string;
  knop: string;
  plaats: (tekst: string) => string | null;
  rows?: number;
  variant?: ButtonVariant;
}) {
  const id = useId();
  const [tekst, setTekst] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const verzend = (e: FormEvent) => {
    e.preventDefault();
    if (tekst.trim() === '') return setFout(strings.errors.waarde.leeg);
    const f = plaats(tekst.trim());
    setFout(f && `${f} ${strings.errors.invoerBewaard}`);
    if (!f) setTekst('');
  };
  return (
    <form className="form reactie-form" onSubmit={verzend} noValidate>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={tekst} onChange={(e) => setTekst(e.target.value)} />
      <FormError message={fout} />
      <div className="button-row">
        <Button type="submit" variant={variant}>
          {knop}
        </Button>
      </div>
    </form>
  );
}
