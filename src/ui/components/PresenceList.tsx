// Who else is at the tafel right now, with their colour, partij and the screen they have open.

import { useNamen } from '../tafel/useNamen';
import { usePresence } from '../tafel/usePresence';
import { strings } from '../strings';

export function initialen(naam: string): string {
  const parts = naam.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

/** Compact: a row of coloured initials (for the header). */
export function PresenceAvatars() {
  const list = usePresence();
  const seen = new Set<string>();
  const unique = list.filter((a) => (seen.has(a.user.lidId) ? false : (seen.add(a.user.lidId), true)));
  return (
    <ul className="avatars" aria-label={strings.presence.titel}>
      {unique.slice(0, 6).map((a) => (
        <li key={a.clientId} className="avatar" style={{ background: a.user.kleur }} title={a.user.naam}>
          <span aria-hidden="true">{initialen(a.user.naam)}</span>
          <span className="visually-hidden">
            {a.user.naam} {a.isSelf ? strings.presence.jij : ''}
          </span>
        </li>
      ))}
      {unique.length > 6 && <li className="avatar avatar-more">+{unique.length - 6}</li>}
    </ul>
  );
}

/** Full list: name, partij and where they are (for the tafel home). */
export function PresenceList() {
  const list = usePresence();
  const namen = useNamen();
  const others = list.filter((a) => !a.isSelf);
  return (
    <section className="card" aria-labelledby="presence-title">
      <h2 id="presence-title">{strings.presence.titel}</h2>
      {others.length === 0 ? (
        <p className="muted">{strings.presence.niemand}</p>
      ) : (
        <ul className="presence-list">
          {others.map((a) => {
            const partij = namen.partijen.get(a.user.partijId)?.naam;
            const scherm = a.plek ? strings.presence.schermen[a.plek.screen] : undefined;
            return (
              <li key={a.clientId}>
                <span className="avatar" style={{ background: a.user.kleur }} aria-hidden="true">
                  {initialen(a.user.naam)}
                </span>
                <span>
                  <strong>{a.user.naam}</strong>
                  {partij && <span className="muted"> · {partij}</span>}
                  {scherm && <span className="muted"> · {strings.presence.op(scherm)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
