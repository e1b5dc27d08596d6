// One agendapunt: its title (the proposing partij or the chair edits it), who proposed it, the
// linked knelpunten and projecten, its shared toelichting, and for the chair the order buttons.

import { useState } from 'react';
import { type Agendapunt } from '../../../model';
import { editAgendapunt, ordenAgenda, removeAgendapunt } from '../../../operations';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { PartijBadge } from '../../components/OwnerBadge';
import { SharedTextEditor } from '../../editor/SharedTextEditor';
import { strings } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { useMayEdit, useMayRemove, useWrite } from '../../tafel';
import { KnelpuntLinks } from '../knelpunten/KnelpuntKiezer';
import { KoppelingenVeld } from '../knelpunten/KoppelingenVeld';
import { verplaats } from './agendaVolgorde';
import { FormError } from '../../components/FormProblem';

const S = strings.vergadering;

export function AgendapuntItem({ punt: a, nummer, agenda, vergaderingId }: { punt: Agendapunt; nummer: number; agenda: readonly Agendapunt[]; vergaderingId: string }) {
  const write = useWrite();
  const magOrdenen = useMayEdit('vergaderingen', vergaderingId, 'agendaVolgorde');
  const magWeg = useMayRemove('agendapunten', a.id);
  const [weg, setWeg] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  // The toelichting's editor mounts only when the item is opened: a long agenda would otherwise
  // start one collaborative editor per item on a tablet.
  const [open, setOpen] = useState(false);
  const schuif = (richting: -1 | 1) => setFout(write((doc, actor) => ordenAgenda(doc, actor, vergaderingId, verplaats(agenda, a.id, richting))));

  return (
    <li className="agendapunt">
      <div className="agendapunt__kop">
        <span className="agendapunt__nummer" aria-hidden="true">
          {nummer}.
        </span>
        <h3 className="agendapunt__titel">{a.titel}</h3>
        {magOrdenen.ok && (
          <span className="agendapunt__orde">
            <button type="button" className="btn btn-quiet icon-btn" aria-label={S.omhoog(a.titel)} disabled={nummer === 1} onClick={() => schuif(-1)}>
              ↑
            </button>
            <button type="button" className="btn btn-quiet icon-btn" aria-label={S.omlaag(a.titel)} disabled={nummer === agenda.length} onClick={() => schuif(1)}>
              ↓
            </button>
          </span>
        )}
      </div>
      <p className="agendapunt__meta">
        {FIELD_LABELS.agendapunten.voorgesteldDoor}: <PartijBadge partijId={a.voorgesteldDoor} />
      </p>
      {a.knelpunten.length > 0 && (
        <div className="agendapunt__links">
          <span className="agendapunt__links-label">{S.gekoppeldeKnelpunten}:</span>
          <KnelpuntLinks ids={a.knelpunten} />
        </div>
      )}
      <FormError message={fout} />
      <details className="agendapunt__details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{S.details}</summary>
        <Field
          label={FIELD_LABELS.agendapunten.titel}
          root="agendapunten"
          entityId={a.id}
          fieldKey="titel"
          value={a.titel}
          provenance={a.provenance.titel}
          input={{ kind: 'text', required: true }}
          onSave={(doc, actor, v) => editAgendapunt(doc, actor, a.id, { titel: v as string })}
        />
        <KoppelingenVeld
          label={S.gekoppeldeKnelpunten}
          soort="knelpunten"
          root="agendapunten"
          entityId={a.id}
          fieldKey="knelpunten"
          ids={a.knelpunten}
          provenance={a.provenance.knelpunten}
          onSave={(doc, actor, ids) => editAgendapunt(doc, actor, a.id, { knelpunten: ids })}
        />
        <KoppelingenVeld
          label={S.gekoppeldeProjecten}
          root="agendapunten"
          entityId={a.id}
          fieldKey="projecten"
          ids={a.projecten}
          provenance={a.provenance.projecten}
          onSave={(doc, actor, ids) => editAgendapunt(doc, actor, a.id, { projecten: ids })}
        />
        <h4>{S.toelichtingTonen}</h4>
        {open && <SharedTextEditor root="agendapunten" entityId={a.id} veld="toelichting" label={S.toelichting(a.titel)} />}
        {magWeg.ok && (
          <button type="button" className="btn btn-danger" onClick={() => setWeg(true)}>
            {S.agendapuntVerwijderen(a.titel)}
          </button>
        )}
      </details>
      <ConfirmDialog
        open={weg}
        title={S.agendapuntVerwijderen(a.titel)}
        message={S.agendapuntVerwijderenVraag(a.titel)}
        confirmLabel={strings.common.verwijderen}
        onClose={() => setWeg(false)}
        onConfirm={() => {
          setWeg(false);
          setFout(write((doc, actor) => removeAgendapunt(doc, actor, a.id)));
        }}
      />
    </li>
  );
}
