// After joining a tafel on a device that already holds other tafels (of the same relay): "is this
// also you?" Saying yes links the leden as one persoon at the relay (the device proves it holds
// both tokens), so the person's next new device opens all of them with one invite. Saying no
// changes nothing; either way the person goes on to the tafel just joined.

import { useId, useState } from 'react';
import { linkAsPersoon, type JoinedTafel } from '../../../sync';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { strings } from '../../strings';

const w = strings.ookIk;

export function OokIk({ joined, naam, candidates, onDone }: { joined: JoinedTafel; naam: string; candidates: readonly JoinedTafel[]; onDone: () => void }) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(candidates.map((t) => t.tafelId)));
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string[] | null>(null);

  const link = async () => {
    setBusy(true);
    const results = await linkAsPersoon(joined.tafelId, [...chosen]);
    const notLinked = candidates.filter((t) => chosen.has(t.tafelId) && results.get(t.tafelId) !== 'linked').map((t) => t.naam || t.tafelId);
    setBusy(false);
    if (notLinked.length === 0) onDone();
    else setFailed(notLinked);
  };

  if (failed) {
    return (
      <>
        <Banner tone="warning">{w.nietGelukt(failed.join(', '))}</Banner>
        <div className="button-row">
          <Button variant="primary" onClick={onDone}>
            {w.verder}
          </Button>
        </div>
      </>
    );
  }
  return (
    <section className="card stack" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{w.titel}</h2>
      <p>{w.uitleg(naam)}</p>
      <fieldset className="ook-ik-tafels">
        <legend>{w.tafels}</legend>
        {candidates.map((t) => (
          <label key={t.tafelId} className="check-row">
            <input
              type="checkbox"
              className="checkbox"
              checked={chosen.has(t.tafelId)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(t.tafelId);
                else next.delete(t.tafelId);
                setChosen(next);
              }}
            />
            <span>{t.naam || t.tafelId}</span>
          </label>
        ))}
      </fieldset>
      {busy && <p role="status">{w.bezig}</p>}
      <div className="button-row">
        <Button variant="primary" disabled={busy || chosen.size === 0} onClick={() => void link()}>
          {w.ja}
        </Button>
        <Button disabled={busy} onClick={onDone}>
          {w.nee}
        </Button>
      </div>
    </section>
  );
}
