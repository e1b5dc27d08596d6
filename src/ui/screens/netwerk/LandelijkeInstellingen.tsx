// At the landelijke tafel, on the Netwerk screen: which landsdeel each lid is the contact for
// (escalations are assigned by it) and N for the cross-region rode draden. The chair edits both.

import { useId } from 'react';
import { LANDSDELEN, readLeden, readNetwerkPlek, readTafel, type Landsdeel } from '../../../model';
import { setLandelijkeRodeDraadDrempel, setLidLandsdeel } from '../../../operations';
import { Field } from '../../components/Field';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useRead } from '../../tafel';

const S = strings.netwerk;
const OPTIES = LANDSDELEN.map((l) => ({ value: l, label: l }));

export function LandelijkeInstellingen() {
  const id = useId();
  const leden = useRead(readLeden);
  const tafel = useRead(readTafel);
  const plek = useRead(readNetwerkPlek);
  return (
    <section className="card" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{S.landelijkeInstellingen}</h2>
      <Field
        label={FIELD_LABELS.tafel.landelijkeRodeDraadDrempel}
        hint={S.rodeDradenUitleg(plek.landelijkeRodeDraadDrempel)}
        root="tafel"
        entityId={null}
        fieldKey="landelijkeRodeDraadDrempel"
        value={plek.landelijkeRodeDraadDrempel}
        provenance={tafel.provenance.landelijkeRodeDraadDrempel}
        input={{ kind: 'number' }}
        onSave={(doc, actor, v) => setLandelijkeRodeDraadDrempel(doc, actor, Number(v))}
      />
      <h3>{S.ledenPerLandsdeel}</h3>
      {leden.map((l) => (
        <Field
          key={l.id}
          label={l.naam}
          root="leden"
          entityId={l.id}
          fieldKey="landsdeel"
          value={l.landsdeel}
          provenance={l.provenance.landsdeel}
          input={{ kind: 'select', options: OPTIES, nullable: true }}
          onSave={(doc, actor, v) => setLidLandsdeel(doc, actor, l.id, (v as Landsdeel | null) ?? null)}
        />
      ))}
    </section>
  );
}
