// The mapping step's table: per column of the file its first value and where it goes. Memoised, with
// every target's label made once: the screen re-renders on every slice of the preview's progress,
// and 30 columns x 40 targets are over a thousand options to build each time.

import { memo } from 'react';
import { doelTekst, doelVan, IMPORT_VELDEN_PRIVAAT, IMPORT_VELDEN_PUBLIEK } from '../../../exchange';
import { labelOfPath } from '../../fieldLabels';
import { strings } from '../../strings';

const t = strings.monitor.import;

function doelLabel(target: string): string {
  const d = doelVan(target);
  if (!d || d.soort === 'negeren') return t.negeren;
  if (d.soort === 'externId') return t.externId;
  if (d.soort === 'veld') return labelOfPath('projecten', d.veld);
  if (d.soort === 'oplevering') return t.oplevering(d.jaar);
  return t.planningCel(d.jaar, d.cel.replace('.', ' ').replace('_onb', ' onbekend'));
}

const VASTE_DOELEN = ['negeren', 'externId', ...[...IMPORT_VELDEN_PUBLIEK, ...IMPORT_VELDEN_PRIVAAT].map((v) => doelTekst({ soort: 'veld', veld: v }))];
const VASTE_OPTIES = VASTE_DOELEN.map((o) => (
  <option key={o} value={o}>
    {doelLabel(o)}
  </option>
));

interface Props {
  readonly kolommen: readonly string[];
  readonly voorbeeld: readonly string[];
  /** column -> target, as chosen so far */
  readonly koppeling: Readonly<Record<string, string>>;
  readonly onKies: (kolom: string, doel: string) => void;
}

export const KolommenTabel = memo(function KolommenTabel({ kolommen, voorbeeld, koppeling, onKies }: Props) {
  return (
    <div className="table-scroll">
      <table className="table import-kolommen">
        <thead>
          <tr>
            <th scope="col">{t.kolom}</th>
            <th scope="col">{t.voorbeeldwaarde}</th>
            <th scope="col">{t.doel}</th>
          </tr>
        </thead>
        <tbody>
          {kolommen.map((k, i) => {
            const huidig = koppeling[k] ?? 'negeren';
            return (
              <tr key={`${k}-${i}`}>
                <th scope="row">{k || '—'}</th>
                <td className="muted">{voorbeeld[i]}</td>
                <td>
                  <select aria-label={`${t.doel}: ${k}`} value={huidig} onChange={(e) => onKies(k, e.target.value)}>
                    {/* A target the fixed list lacks (a planning cell, an oplevering year) leads. */}
                    {!VASTE_DOELEN.includes(huidig) && <option value={huidig}>{doelLabel(huidig)}</option>}
                    {VASTE_OPTIES}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
