// The history of a project's fields (issue 16): who changed what from what to what and when, for
// every lid, newest first; and the project as it stood on a chosen date. Read from the relay, so
// only with a connection (the dialog says so otherwise).

import { endOfDay, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { useEffect, useId, useState } from 'react';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { formatDatumTijd } from '../../components/provenanceText';
import type { HistoryEntry } from '../../../protocol/history';
import { fetchHistory, fetchStateAsOf, HistoryError } from '../../tafel/historyApi';
import { lidNaam, useNamen, type Namen } from '../../tafel/useNamen';
import { useTafel } from '../../tafel/useTafel';
import { strings } from '../../strings';
import { labelOfPath } from '../../fieldLabels';
import { conflictValueText } from '../inbox/inboxView';

const t = strings.geschiedenis;

/** A project field's label: the same as on the project page and in the conflict inbox. */
function veldNaam(field: string): string {
  return labelOfPath('projecten', field);
}

export function waardeTekst(field: string, v: unknown, namen: Namen): string {
  if ((field === 'publiekEigenaar' || field === 'privaatEigenaar') && typeof v === 'string') return namen.partijen.get(v)?.naam ?? strings.provenance.onbekendePartij;
  return conflictValueText(v);
}

export function ProjectGeschiedenis({ projectId, projectNaam }: { projectId: string; projectNaam: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t.knop}</Button>
      <Dialog open={open} title={t.titel(projectNaam)} onClose={() => setOpen(false)}>
        {open && <Inhoud projectId={projectId} />}
      </Dialog>
    </>
  );
}

function Inhoud({ projectId }: { projectId: string }) {
  const { joined } = useTafel();
  const namen = useNamen();
  const id = useId();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [datum, setDatum] = useState('');
  const [stand, setStand] = useState<HistoryEntry[] | null>(null);

  useEffect(() => {
    let alive = true;
    fetchHistory(joined, 'projecten', projectId).then(
      (list) => alive && setEntries(list),
      (e: unknown) => alive && setFout(e instanceof HistoryError && e.kind === 'offline' ? t.offline : t.fout),
    );
    return () => {
      alive = false;
    };
  }, [joined, projectId]);

  useEffect(() => {
    if (!datum) return setStand(null);
    let alive = true;
    fetchStateAsOf(joined, 'projecten', endOfDay(parseISO(datum)).getTime()).then(
      (list) => alive && setStand(list.filter((e) => e.entityId === projectId).sort((a, b) => veldNaam(a.field).localeCompare(veldNaam(b.field), 'nl'))),
      (e: unknown) => alive && setFout(e instanceof HistoryError && e.kind === 'offline' ? t.offline : t.fout),
    );
    return () => {
      alive = false;
    };
  }, [joined, projectId, datum]);

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
                  <dd>{waardeTekst(e.field, e.to, namen)}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </div>
  );
}
