// The history of an item's fields (issue 16): who changed what from what to what and when, for
// every lid, newest first; and the item as it stood on a chosen date. For projects, knelpunten and
// afspraken alike: the relay keeps every accepted change of a plain field (server/fieldHistory.ts),
// read through src/sync, so only with a connection (the dialog says so otherwise).

import { endOfDay, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { useEffect, useId, useState } from 'react';
import { veldenOp, type RootName } from '../../../model';
import { fetchHistory, fetchStateAsOf, HistoryError, type HistoryEntry } from '../../../sync';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { formatDatumTijd } from '../../components/provenanceText';
import { lidNaam, useNamen, type Namen } from '../../tafel/useNamen';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';

const t = strings.geschiedenis;

/** What to show the history of, and how its fields and values read. */
export interface Geschiedenis {
  readonly root: RootName;
  readonly entityId: string;
  /** the item's name, in the dialog's title */
  readonly naam: string;
  veldNaam(field: string): string;
  waardeTekst(field: string, v: unknown, namen: Namen): string;
  /** false for keys that are not fields to the user (a knelpunt's reacties); all by default */
  toon?(field: string): boolean;
}

export function VeldGeschiedenis(props: Geschiedenis) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t.knop}</Button>
      <Dialog open={open} title={t.titel(props.naam)} onClose={() => setOpen(false)}>
        {open && <Inhoud {...props} />}
      </Dialog>
    </>
  );
}

function Inhoud({ root, entityId, veldNaam, waardeTekst, toon = () => true }: Geschiedenis) {
  const { joined } = useTafel();
  const namen = useNamen();
  const id = useId();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [datum, setDatum] = useState('');
  const [stand, setStand] = useState<{ field: string; waarde: unknown }[] | null>(null);
  const failed = (e: unknown) => setFout(e instanceof HistoryError && e.kind === 'offline' ? t.offline : t.fout);

  useEffect(() => {
    let alive = true;
    fetchHistory(joined, root, entityId).then(
      (list) => alive && setEntries(list.filter((e) => toon(e.field))),
      (e: unknown) => alive && failed(e),
    );
    return () => {
      alive = false;
    };
  }, [joined, root, entityId]);

  useEffect(() => {
    if (!datum) return setStand(null);
    let alive = true;
    fetchStateAsOf(joined, root, endOfDay(parseISO(datum)).getTime()).then(
      (stand) => alive && setStand(veldenOp(stand, entityId).filter((e) => toon(e.field)).sort((a, b) => veldNaam(a.field).localeCompare(veldNaam(b.field), 'nl'))),
      (e: unknown) => alive && failed(e),
    );
    return () => {
      alive = false;
    };
  }, [joined, root, entityId, datum]);

  if (fout) return <Banner tone="warning">{fout}</Banner>;
  if (!entries) return <p role="status">{strings.common.laden}</p>;
  return (
    <div className="geschiedenis">
      <p className="muted">{t.uitleg}</p>
      {entries.length === 0 ? (
        <p>{t.leeg}</p>
      ) : (
        <ol className="plain-list geschiedenis-lijst">
          {entries.map((e) => (
            <li key={e.id}>
              <strong>{veldNaam(e.field)}</strong>: {waardeTekst(e.field, e.from, namen)} → {waardeTekst(e.field, e.to, namen)}
              <br />
              <span className="muted">
                {t.door(lidNaam(namen, e.lidId), (e.partijId && namen.partijen.get(e.partijId)?.naam) || strings.provenance.onbekendePartij, formatDatumTijd(e.at))}
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="form-row">
        <label htmlFor={`${id}-datum`}>{t.standOp}</label>
        <input id={`${id}-datum`} type="date" value={datum} onChange={(e) => setDatum(e.target.value)} />
      </div>
      {stand && (
        <>
          <h3>{t.standTitel(format(parseISO(datum), 'd MMMM yyyy', { locale: nl }))}</h3>
          {stand.length === 0 ? (
            <p>{t.standLeeg}</p>
          ) : (
            <dl className="geschiedenis-stand">
              {stand.map((e) => (
                <div key={e.field}>
                  <dt>{veldNaam(e.field)}</dt>
                  <dd>{waardeTekst(e.field, e.waarde, namen)}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </div>
  );
}
