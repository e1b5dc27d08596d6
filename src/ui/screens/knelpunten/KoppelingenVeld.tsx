// A field holding linked projects or knelpunten (an id list): owner badge, the links, and for
// whoever may edit it the picker. Every change is saved at once; a refused change stays visible
// with the reason, so nothing picked is lost.

import { useState } from 'react';
import type * as Y from 'yjs';
import type { Provenance, RootName } from '../../../model';
import type { Actor } from '../../../ownership/rulebook';
import { OwnerBadge } from '../../components/OwnerBadge';
import { lockText } from '../../components/ownerText';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { strings } from '../../strings';
import { useFieldOwner, useMayEdit, useNamen, useWrite } from '../../tafel';
import { KnelpuntKiezer, KnelpuntLinks } from './KnelpuntKiezer';
import { ProjectKiezer, ProjectLinks } from './ProjectKiezer';
import { LockNote } from '../../components/LockNote';
import { FormError } from '../../components/FormProblem';

export interface KoppelingenVeldProps {
  readonly label: string;
  readonly soort?: 'projecten' | 'knelpunten';
  readonly root: RootName;
  readonly entityId: string;
  readonly fieldKey: string;
  readonly ids: readonly string[];
  readonly provenance: Provenance | undefined;
  readonly onSave: (doc: Y.Doc, actor: Actor, ids: string[]) => void;
}

export function KoppelingenVeld({ label, soort = 'projecten', root, entityId, fieldKey, ids, provenance, onSave }: KoppelingenVeldProps) {
  const mag = useMayEdit(root, entityId, fieldKey);
  const owner = useFieldOwner(root, entityId, fieldKey);
  const namen = useNamen();
  const write = useWrite();
  const [concept, setConcept] = useState<string[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const bewaar = (next: string[]) => {
    const f = write((doc, actor) => onSave(doc, actor, next));
    setFout(f);
    setConcept(f ? next : null);
  };
  const getoond = concept ?? ids;
  const leeg = soort === 'projecten' ? strings.knelpunt.geenProjecten : strings.vergadering.geenGekoppeld;
  return (
    <div className={`field${mag.ok ? '' : ' is-locked'}${fout ? ' has-error' : ''}`}>
      {mag.ok ? (
        soort === 'projecten' ? (
          <ProjectKiezer label={label} gekozen={getoond} onChange={bewaar} badge={<OwnerBadge owner={owner} />} />
        ) : (
          <KnelpuntKiezer label={label} gekozen={getoond} onChange={bewaar} badge={<OwnerBadge owner={owner} />} />
        )
      ) : (
        <>
          <div className="field-head">
            <span className="field-label">{label}</span>
            <OwnerBadge owner={owner} />
          </div>
          {getoond.length === 0 ? <p className="muted">{leeg}</p> : soort === 'projecten' ? <ProjectLinks ids={getoond} /> : <KnelpuntLinks ids={getoond} />}
          <LockNote>{lockText(mag, owner, namen)}</LockNote>
        </>
      )}
      <FormError message={fout} />
      <ProvenanceLine provenance={provenance} />
    </div>
  );
}
