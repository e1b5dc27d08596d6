// Tells the leden of a partij, in the app, that a project was handed from their partij to another
// (issue 16): "Vera Voorzitter heeft het project De Kade op 2 december 2026 overgedragen aan
// Woonstichting Thuis." Kept on this device until dismissed, so a reload does not lose it.

import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { useEffect, useState } from 'react';
import { observeOwnerChanges, readProject, type OwnerChange } from '../../model';
import { getPreference, setPreference } from '../../sync';
import { Banner } from '../components/Banner';
import { lidNaam, useNamen } from '../tafel/useNamen';
import { useTafel } from '../tafel/useTafel';
import { strings } from '../strings';

interface Notice extends OwnerChange {
  readonly projectNaam: string;
}

const key = (tafelId: string) => `eigenaarMeldingen:${tafelId}`;

export function OwnerChangeNotices() {
  const { doc, actor, tafelId } = useTafel();
  const namen = useNamen();
  const [notices, setNotices] = useState<Notice[]>([]);
  const partijId = actor?.partijId ?? null;

  useEffect(() => {
    let alive = true;
    void getPreference<Notice[]>(key(tafelId)).then((list) => alive && list && setNotices(list));
    return () => {
      alive = false;
    };
  }, [tafelId]);

  useEffect(() => {
    if (!partijId) return;
    return observeOwnerChanges(doc, (c) => {
      if (c.from !== partijId) return;
      const notice: Notice = { ...c, projectNaam: readProject(doc, c.projectId)?.naam ?? '' };
      setNotices((list) => {
        const next = [...list.filter((n) => !(n.projectId === c.projectId && n.field === c.field)), notice];
        void setPreference(key(tafelId), next);
        return next;
      });
    });
  }, [doc, partijId, tafelId]);

  if (notices.length === 0) return null;
  const dismiss = (n: Notice) => {
    const next = notices.filter((x) => x !== n);
    setNotices(next);
    void setPreference(key(tafelId), next);
  };
  return (
    <>
      {notices.map((n) => (
        <Banner key={`${n.projectId}:${n.field}`} tone="warning" title={strings.eigenaarWissel.titel} onClose={() => dismiss(n)}>
          {strings.eigenaarWissel.melding(
            lidNaam(namen, n.by),
            n.projectNaam,
            format(new Date(n.at), strings.inbox.datumFormaat, { locale: nl }),
            n.to ? (namen.partijen.get(n.to)?.naam ?? strings.provenance.onbekendePartij) : null,
          )}
        </Banner>
      ))}
    </>
  );
}
