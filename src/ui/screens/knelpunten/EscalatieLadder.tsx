// The escalation ladder of the domain guide, always visible: where the knelpunt is now, and for
// the chair a button per rung to move it there.

import { useState } from 'react';
import { ESCALATIENIVEAUS, type Escalatieniveau, type Knelpunt } from '../../../model';
import { escalateKnelpunt } from '../../../operations';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { strings, waarde } from '../../strings';
import { useMayEdit, useWrite } from '../../tafel';
import { LockNote } from '../../components/LockNote';
import { fieldLabel } from '../../fieldLabels';
import { FormError } from '../../components/FormProblem';

const S = strings.knelpunt;

export function EscalatieLadder({ knelpunt: k }: { knelpunt: Knelpunt }) {
  const mag = useMayEdit('knelpunten', k.id, 'escalatie');
  const write = useWrite();
  const [fout, setFout] = useState<string | null>(null);
  const huidig = ESCALATIENIVEAUS.indexOf(k.escalatie);
  const escaleer = (niveau: Escalatieniveau) =>
    setFout(write((doc, actor) => escalateKnelpunt(doc, actor, k.id, niveau)));
  return (
    <section className="ladder" aria-labelledby="ladder-titel">
      <h2 id="ladder-titel">{S.ladder}</h2>
      <p className="muted">{S.ladderUitleg}</p>
      <ol className="ladder__treden" aria-label={fieldLabel('knelpunten', 'escalatie')}>
        {ESCALATIENIVEAUS.map((niveau, i) => (
          <li key={niveau} className={`ladder__trede${i === huidig ? ' is-huidig' : ''}${i < huidig ? ' is-voorbij' : ''}`} aria-current={i === huidig ? 'step' : undefined}>
            <span className="ladder__naam">{waarde(niveau)}</span>
            {i === huidig ? (
              <span className="status-pill tag-huidig">{S.huidigNiveau}</span>
            ) : (
              mag.ok && (
                <button type="button" className="btn btn-secondary" aria-label={S.escaleerNaar(waarde(niveau))} onClick={() => escaleer(niveau)}>
                  {S.naarNiveau}
                </button>
              )
            )}
          </li>
        ))}
      </ol>
      {!mag.ok && (
        <LockNote>{S.alleenVoorzitterEscaleert}</LockNote>
      )}
      <FormError message={fout} />
      {k.provenance.escalatie && <ProvenanceLine provenance={k.provenance.escalatie} />}
    </section>
  );
}
