// What a tafel shows once the relay ended this lid's access: one clear state (nothing will be sent,
// the tafel's data is gone from this device), the edits that were not taken so the user can still
// copy them out, and removing the tafel from the device altogether.

import { useNavigate } from 'react-router-dom';
import { forgetTafel } from '../../sync';
import { conflictSubjectText } from '../codeText';
import { Button } from '../components/Button';
import { CopyButton } from '../components/CopyButton';
import { conflictValueText } from '../screens/inbox/inboxView';
import { useConflicts } from '../tafel/useConflicts';
import { strings } from '../strings';

const t = strings.toegangBeeindigd;

export function AccessEnded({ tafelId }: { tafelId: string }) {
  const entries = useConflicts(tafelId);
  const navigate = useNavigate();
  return (
    <div className="page access-ended">
      <h1>{t.titel}</h1>
      <p>{strings.herstel.toegangIngetrokken}</p>
      <p>{t.uitleg}</p>
      {entries.length > 0 && (
        <>
          <p>{t.conflictenUitleg(entries.length)}</p>
          <ul className="plain-list conflict-list">
            {entries.map((e) => {
              const tekst = conflictValueText(e.enteredValue);
              const wat = conflictSubjectText(e.subject);
              return (
                <li key={e.id} className="card conflict">
                  <h2>{wat}</h2>
                  <p className="entered">{tekst}</p>
                  <CopyButton text={tekst} what={wat} />
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="button-row">
        <Button
          variant="danger"
          onClick={() => {
            void forgetTafel(tafelId).then(() => navigate('/'));
          }}
        >
          {t.verwijderen}
        </Button>
      </div>
    </div>
  );
}
