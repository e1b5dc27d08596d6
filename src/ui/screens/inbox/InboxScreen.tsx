// /tafel/:tafelId/inbox — edits the relay did not take, kept on this device: what was entered,
// what is there now and why. The user re-applies their entry (when still allowed) or closes it.

import { Link } from 'react-router-dom';
import { readAgendapunt, type RootName } from '../../../model';
import { plainFieldAt, reapplyField } from '../../../operations';
import { dismissConflict, type ConflictEntry } from '../../../sync';
import { Button } from '../../components/Button';
import { conflictReasonText, conflictSubjectText } from '../../codeText';
import { EmptyState } from '../../components/EmptyState';
import { formatDatumTijd } from '../../components/provenanceText';
import { useToast } from '../../components/Toast';
import { useConflicts } from '../../tafel/useConflicts';
import { useMayEdit, useWrite } from '../../tafel/useMayEdit';
import { usePlek } from '../../tafel/usePresence';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { conflictRoute, conflictValueText } from './inboxView';
import './inbox.css';

const t = strings.inbox;

export default function InboxScreen() {
  usePlek('inbox');
  const { tafelId } = useTafel();
  const entries = useConflicts(tafelId);
  return (
    <div className="page inbox">
      <div className="page-head">
        <div>
          <h1>{t.titel}</h1>
          <p className="muted">{t.intro}</p>
        </div>
      </div>
      {entries.length === 0 ? (
        <EmptyState title={t.leeg} />
      ) : (
        <ul className="plain-list conflict-list">
          {entries.map((e) => (
            <ConflictItem key={e.id} entry={e} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ConflictItem({ entry }: { entry: ConflictEntry }) {
  const { tafelId, doc } = useTafel();
  const route = conflictRoute(entry.path, (id) => readAgendapunt(doc, id)?.vergaderingId);
  const field = plainFieldAt(entry.path);
  const headingId = `conflict-${entry.id.replace(/\W/g, '-')}`;
  return (
    <li className="card conflict" aria-labelledby={headingId}>
      <div className="spread">
        <h2 id={headingId}>{conflictSubjectText(entry.subject)}</h2>
        <span className="muted">{t.op(formatDatumTijd(entry.at))}</span>
      </div>
      <dl className="conflict-values">
        <div>
          <dt>{t.uwInvoer}</dt>
          <dd className="entered">{conflictValueText(entry.enteredValue)}</dd>
        </div>
        <div>
          <dt>{t.huidig}</dt>
          <dd>{conflictValueText(entry.currentValue)}</dd>
        </div>
        <div>
          <dt>{t.reden}</dt>
          <dd>{conflictReasonText(entry.cause)}</dd>
        </div>
      </dl>
      <div className="button-row">
        {field && entry.enteredValue !== undefined && <Reapply entry={entry} root={field.root} entityId={field.entityId} fieldKey={field.key} />}
        {route && <Link className="btn btn-secondary" to={`/tafel/${encodeURIComponent(tafelId)}/${route}`}>{t.naarItem}</Link>}
        <Button variant="quiet" onClick={() => void dismissConflict(entry.id)}>
          {t.afhandelen}
        </Button>
      </div>
    </li>
  );
}

function Reapply({ entry, root, entityId, fieldKey }: { entry: ConflictEntry; root: RootName; entityId: string | null; fieldKey: string }) {
  const mayEdit = useMayEdit(root, entityId, fieldKey);
  const write = useWrite();
  const toast = useToast();
  if (!mayEdit.ok) return null;
  return (
    <Button
      variant="primary"
      onClick={() => {
        const failure = write((doc, actor) => reapplyField(doc, actor, entry.path, entry.enteredValue));
        if (failure) toast(failure, 'error');
        else {
          toast(t.opnieuwGelukt);
          void dismissConflict(entry.id);
        }
      }}
    >
      {t.opnieuwToepassen}
    </Button>
  );
}
