// The chair removes a lid: the dialog says what happens, then revokes the lid's access at the
// relay and only after that removes the lid from the tafel. Without a connection nothing changes:
// a lid removed only on this tablet would keep access on their own devices until this tablet is
// online again, and the chair would not be there to see whether the revocation worked.

import { useState } from 'react';
import { type Lid } from '../../../model';
import { removeLid } from '../../../operations';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { useWrite } from '../../tafel/useMayEdit';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { LedenApiError, revokeLid } from '../../../sync';
import { FormError } from '../../components/FormProblem';

const t = strings.leden;

export function RemoveLidDialog({ lid, onClose }: { lid: Lid | null; onClose: () => void }) {
  const { joined } = useTafel();
  const write = useWrite();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    // The revocation is under way: its outcome must reach the chair.
    if (busy) return;
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (!lid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await revokeLid(joined, lid.id);
    } catch (e) {
      setBusy(false);
      setError(e instanceof LedenApiError && e.kind === 'offline' ? t.verwijderenOffline(lid.naam) : t.verwijderenFout);
      return;
    }
    const failure = write((doc, actor) => removeLid(doc, actor, lid.id));
    setBusy(false);
    if (failure) {
      setError(t.verwijderenNaIntrekken(lid.naam, failure));
      return;
    }
    toast(t.verwijderd(lid.naam));
    onClose();
  };

  return (
    <Dialog
      open={lid !== null}
      title={lid ? t.verwijderenTitel(lid.naam) : ''}
      onClose={close}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            {strings.common.annuleren}
          </Button>
          <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
            {busy ? t.verwijderenBezig : t.verwijderen}
          </Button>
        </>
      }
    >
      {lid && (
        <ul className="verwijderen-gevolgen">
          {t.verwijderenGevolgen(lid.naam).map((gevolg) => (
            <li key={gevolg}>{gevolg}</li>
          ))}
        </ul>
      )}
      <FormError message={error} />
    </Dialog>
  );
}
