// When and where a meeting is, as the printed agenda and notulen both open with it; a view can add
// its own lines (the notulen: who was there).

import type { ReactNode } from 'react';
import type { Vergadering } from '../../../model';
import { strings } from '../../strings';
import { datumLang } from './datum';

const S = strings.afdruk;

export function VergaderingGegevens({
  vergadering,
  tijden,
  children,
}: {
  vergadering: Vergadering;
  tijden: { startTijd: string | null; eindTijd: string | null };
  children?: ReactNode;
}) {
  return (
    <dl>
      <dt>{S.wanneer}</dt>
      <dd>{datumLang(vergadering.datum)}</dd>
      {tijden.startTijd && (
        <>
          <dt>{S.tijd}</dt>
          <dd>{tijden.eindTijd ? `${tijden.startTijd} – ${tijden.eindTijd}` : tijden.startTijd}</dd>
        </>
      )}
      {vergadering.locatie && (
        <>
          <dt>{S.plaats}</dt>
          <dd>{vergadering.locatie}</dd>
        </>
      )}
      {children}
    </dl>
  );
}
