// Comments on a knelpunt: any partij may add one; only its author changes or removes it.

import { useId, useState } from 'react';
import { type Knelpunt, type Reactie } from '../../../model';
import { addReactie, editReactie, removeReactie } from '../../../operations';
import { ConfirmDialog } from '../../components/Dialog';
import { ReactieForm, ReactieLijst } from '../../components/ReactieDraad';
import { formatDatumTijd } from '../../components/provenanceText';
import { FormError } from '../../components/FormProblem';
import { strings } from '../../strings';
import { lidNaam, useMayCreate, useNamen, useTafel, useWrite } from '../../tafel';

const S = strings.knelpunt;

export function Reacties({ knelpunt: k }: { knelpunt: Knelpunt }) {
  const id = useId();
  const write = useWrite();
  // Commenting is a field write anyone but a reader may make; creating a knelpunt has the same rule.
  const mag = useMayCreate('knelpunten');
  return (
    <section className="reacties" aria-labelledby={`${id}-titel`}>
      <h2 id={`${id}-titel`}>{S.reacties}</h2>
      <ReactieLijst reacties={k.reacties} leeg={S.geenReacties} item={(r) => <ReactieItem key={r.id} knelpuntId={k.id} reactie={r} />} />
      {mag.ok && (
        <ReactieForm
          label={S.reactieLabel}
          knop={S.reageren}
          rows={3}
          variant="primary"
          plaats={(tekst) => write((doc, actor) => addReactie(doc, actor, k.id, tekst))}
        />
      )}
    </section>
  );
}

function ReactieItem({ knelpuntId, reactie: r }: { knelpuntId: string; reactie: Reactie }) {
  const id = useId();
  const { actor } = useTafel();
  const namen = useNamen();
  const write = useWrite();
  const [concept, setConcept] = useState<string | null>(null);
  const [weg, setWeg] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const eigen = actor?.lidId === r.by;
  const lid = lidNaam(namen, r.by);
  const partij = namen.partijen.get(r.p)?.naam ?? strings.provenance.onbekendePartij;
  const bewaar = () => {
    if (concept === null) return;
    if (concept.trim() === '') return setFout(strings.errors.waarde.leeg);
    const f = write((doc, a) => editReactie(doc, a, knelpuntId, r.id, concept.trim()));
    // Only a refused write keeps something typed to speak of.
    setFout(f && `${f} ${strings.errors.invoerBewaard}`);
    if (!f) setConcept(null);
  };
  return (
    <li className="reactie">
      <p className="reactie__van">{S.reactieVan(lid, partij, formatDatumTijd(r.at))}</p>
      {concept === null ? (
        <p className="reactie__tekst">{r.tekst}</p>
      ) : (
        <>
          <label htmlFor={id} className="visually-hidden">
            {S.reactieBewerken}
          </label>
          <textarea id={id} rows={3} value={concept} onChange={(e) => setConcept(e.target.value)} aria-invalid={fout ? true : undefined} />
        </>
      )}
      <FormError message={fout} />
      {eigen && (
        <div className="button-row">
          {concept === null ? (
            <>
              <button type="button" className="btn btn-quiet" onClick={() => setConcept(r.tekst)}>
                {S.reactieBewerken}
              </button>
              <button type="button" className="btn btn-quiet" onClick={() => setWeg(true)}>
                {S.reactieVerwijderen}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setConcept(null)}>
                {strings.common.annuleren}
              </button>
              <button type="button" className="btn btn-primary" onClick={bewaar}>
                {strings.common.opslaan}
              </button>
            </>
          )}
        </div>
      )}
      <ConfirmDialog
        open={weg}
        title={S.reactieVerwijderen}
        message={S.reactieVerwijderenVraag}
        confirmLabel={strings.common.verwijderen}
        onClose={() => setWeg(false)}
        onConfirm={() => {
          setFout(write((doc, a) => removeReactie(doc, a, knelpuntId, r.id)));
          setWeg(false);
        }}
      />
    </li>
  );
}
