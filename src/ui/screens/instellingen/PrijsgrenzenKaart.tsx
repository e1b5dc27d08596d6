// The price category boundaries per year (tafel settings, chair only): what koop1..4 and
// huur1..4 of the monitors' planning grid mean in euros that year. Years without their own
// boundaries use the latest earlier year's; the chair adds a year by copying the latest one.

import type * as Y from 'yjs';
import { DEFAULT_PRIJSGRENZEN, readTafel, type Actor, type Prijsgrenzen } from '../../../model';
import { problem } from '../../../model/values';
import { editTafel, ValidationError } from '../../../operations';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { useMayEdit, useWrite } from '../../tafel/useMayEdit';
import { useRead } from '../../tafel/useRead';
import { aantal, strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';

const t = strings.monitor;

/** "250.000; 350.000; 450.000" <-> [250000, 350000, 450000] */
export function grenzenTekst(g: readonly number[]): string {
  return g.map((n) => aantal(n)).join('; ');
}
export function parseGrenzen(text: string): [number, number, number] | null {
  const parts = text.split(';').map((s) => s.trim().replace(/[.\s€]/g, ''));
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const [a, b, c] = parts.map(Number) as [number, number, number];
  return a < b && b < c ? [a, b, c] : null;
}

export function PrijsgrenzenKaart() {
  const tafel = useRead(readTafel);
  const mayEdit = useMayEdit('tafel', null, 'prijsgrenzen');
  const write = useWrite();
  const perJaar = tafel.prijsgrenzen;
  const jaren = Object.keys(perJaar).sort();
  const save = (doc: Y.Doc, actor: Actor, jaar: string, soort: keyof Prijsgrenzen, text: unknown) => {
    const grenzen = parseGrenzen(String(text));
    if (!grenzen) throw new ValidationError(problem('not-allowed', 'not three rising amounts'), ['tafel', 'prijsgrenzen']);
    const huidig = perJaar[jaar] ?? DEFAULT_PRIJSGRENZEN['2024']!;
    editTafel(doc, actor, { prijsgrenzen: { ...perJaar, [jaar]: { ...huidig, [soort]: grenzen } } });
  };
  const volgendJaar = () => {
    const laatste = jaren.at(-1) ?? '2024';
    const nieuw = String(Number(laatste) + 1);
    write((doc, actor) => editTafel(doc, actor, { prijsgrenzen: { ...perJaar, [nieuw]: perJaar[laatste] ?? DEFAULT_PRIJSGRENZEN['2024']! } }));
  };
  return (
    <section className="card" aria-labelledby="inst-grenzen">
      <h2 id="inst-grenzen">{FIELD_LABELS.tafel.prijsgrenzen}</h2>
      <p className="field-hint">{t.grenzenUitleg}</p>
      {jaren.map((jaar) => (
        <fieldset key={jaar} className="grenzen-jaar">
          <legend>{jaar}</legend>
          {(['koop', 'huur'] as const).map((soort) => (
            <Field
              key={soort}
              label={soort === 'koop' ? t.koopGrenzen : t.huurGrenzen}
              root="tafel"
              entityId={null}
              fieldKey="prijsgrenzen"
              value={grenzenTekst(perJaar[jaar]![soort])}
              provenance={undefined}
              input={{ kind: 'text', required: true }}
              hideOwner
              hint={t.grenzenHint}
              onSave={(doc, actor, v) => save(doc, actor, jaar, soort, v)}
            />
          ))}
        </fieldset>
      ))}
      {mayEdit.ok && <Button onClick={volgendJaar}>{t.jaarToevoegen}</Button>}
      <ProvenanceLine provenance={tafel.provenance.prijsgrenzen} />
    </section>
  );
}
