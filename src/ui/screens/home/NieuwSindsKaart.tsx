// "Nieuw sinds uw vorige bezoek" on the tafel home (issue 16): what others changed or added since
// this lid last opened the tafel on this device, with what is addressed to the lid's partij first
// (afspraken for it, reacties on its knelpunten, answers on the escalation of its knelpunt).

import { formatDistanceToNow } from 'date-fns';
import { nl } from 'date-fns/locale';
import { Link } from 'react-router-dom';
import { newSince } from '../../../model';
import { useRead } from '../../tafel/useRead';
import { useTafel } from '../../tafel/useTafel';
import { useLastVisit } from '../../tafel/useLastVisit';
import { NieuwBadge } from '../../components/NieuwBadge';
import { strings } from '../../strings';

const t = strings.nieuwSinds;

export function NieuwSindsKaart() {
  const { tafelId, actor } = useTafel();
  const since = useLastVisit(tafelId);
  const lidId = actor?.lidId ?? '';
  const partijId = actor?.partijId ?? null;
  const nieuw = useRead((doc) => (since ? newSince(doc, since, lidId, partijId) : null), [since, lidId, partijId]);
  if (!since || !nieuw) return null;
  const base = `/tafel/${encodeURIComponent(tafelId)}/`;
  const aanMij = [...nieuw.afspraken, ...nieuw.reacties, ...nieuw.escalatieAntwoorden].filter((x) => x.aanMijnPartij);
  const leeg = nieuw.projecten.length + nieuw.knelpunten.length + nieuw.reacties.length + nieuw.afspraken.length + nieuw.escalatieAntwoorden.length === 0;
  return (
    <section className="card nieuw-sinds" aria-labelledby="home-nieuw">
      <h2 id="home-nieuw">{t.titel}</h2>
      <p className="muted">{t.sinds(formatDistanceToNow(since, { locale: nl, addSuffix: true }))}</p>
      {leeg ? (
        <p>{t.niets}</p>
      ) : (
        <ul className="plain-list">
          {aanMij.length > 0 && <li className="nieuw-aan-mij">{t.aanUwPartij(aanMij.length)}</li>}
          {nieuw.escalatieAntwoorden.map((a) => (
            <li key={`e:${a.id}`}>
              <NieuwBadge>{a.aanMijnPartij ? t.voorUw : t.nieuw}</NieuwBadge>{' '}
              <Link to={`${base}knelpunten/${encodeURIComponent(a.knelpuntId)}`}>{t.escalatie[a.soort](a.tafel, a.knelpuntTitel)}</Link>
            </li>
          ))}
          {nieuw.afspraken.map((a) => (
            <li key={`a:${a.id}`}>
              <NieuwBadge>{a.aanMijnPartij ? t.voorUw : t.nieuw}</NieuwBadge> <Link to={`${base}afspraken`}>{t.afspraak(a.wat)}</Link>
            </li>
          ))}
          {nieuw.reacties.map((r) => (
            <li key={`r:${r.id}`}>
              <NieuwBadge>{r.aanMijnPartij ? t.voorUw : t.nieuw}</NieuwBadge>{' '}
              <Link to={`${base}knelpunten/${encodeURIComponent(r.knelpuntId)}`}>{t.reactie(r.knelpuntTitel)}</Link>
            </li>
          ))}
          {nieuw.knelpunten.map((k) => (
            <li key={`k:${k.id}`}>
              <NieuwBadge>{t.nieuw}</NieuwBadge> <Link to={`${base}knelpunten/${encodeURIComponent(k.id)}`}>{t.knelpunt(k.titel)}</Link>
            </li>
          ))}
          {nieuw.projecten.slice(0, 10).map((p) => (
            <li key={`p:${p.id}`}>
              <NieuwBadge>{t.gewijzigd}</NieuwBadge> <Link to={`${base}planmonitor/${encodeURIComponent(p.id)}`}>{p.naam}</Link>
            </li>
          ))}
          {nieuw.projecten.length > 10 && <li className="muted">{t.meerProjecten(nieuw.projecten.length - 10)}</li>}
        </ul>
      )}
    </section>
  );
}
