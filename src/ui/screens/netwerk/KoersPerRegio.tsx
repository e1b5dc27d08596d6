// The landsdeel lid's comparison at the landelijke tafel: each linked region of the landsdeel in a
// row, with the koersoordeel and key figures of its latest vastgestelde rapportage side by side and
// a link to the full summary; a region that has not sent one yet says so. Six narrow columns fit a
// portrait tablet; with more (or longer words) the table scrolls in its own box.

import { Link } from 'react-router-dom';
import type { LandsdeelKoers } from '../../../model';
import { strings } from '../../strings';
import { SchuifTabel } from '../../afdruk/SchuifTabel';
import { useTafel } from '../../tafel';
import { n, pct } from '../rapportages/RapportageTabellen';
import '../../afdruk/afdruk.css';

const S = strings.ontvangenRapportage;
const R = strings.rapportage;

export function KoersPerRegio({ regios, kopId }: { regios: readonly LandsdeelKoers[]; kopId: string }) {
  const { tafelId } = useTafel();
  return (
    <>
      <h3 id={kopId}>{S.koersPerRegio}</h3>
      <p className="muted">{S.koersPerRegioUitleg}</p>
      <SchuifTabel label={S.koersPerRegio}>
        <table className="afdruk-tabel koers-per-regio" aria-labelledby={kopId}>
          <thead>
            <tr>
              <th scope="col">{S.regio}</th>
              <th scope="col">{S.koersoordeel}</th>
              <th scope="col" className="num">
                {S.verwachtTegenWoondeal}
              </th>
              <th scope="col" className="num">
                {S.plancapaciteit}
              </th>
              <th scope="col" className="num">
                {S.betaalbaar}
              </th>
              <th scope="col" className="num">
                {S.openKnelpunten}
              </th>
            </tr>
          </thead>
          <tbody>
            {regios.map(({ koppeling, rapportage }) => {
              const s = rapportage?.samenvatting;
              return (
                <tr key={koppeling.id}>
                  <th scope="row">{koppeling.andereNaam}</th>
                  {rapportage && s ? (
                    <>
                      <td>
                        <span className="status-pill">{s.koersoordeel ? R.koers[s.koersoordeel] : S.geenOordeel}</span>
                        <Link className="koers-per-regio__link" to={`/tafel/${encodeURIComponent(tafelId)}/ontvangen-rapportages/${rapportage.id}`}>
                          {S.rapportageVan(s.periode)}
                        </Link>
                      </td>
                      <td className="num">
                        {n(s.verwachtTotaal)} / {n(s.doelTotaal)}
                      </td>
                      <td className="num">{pct(s.plancapaciteitRatio)}</td>
                      <td className="num">{pct(s.aandeelBetaalbaar)}</td>
                      <td className="num">{n(s.openKnelpunten)}</td>
                    </>
                  ) : (
                    <td colSpan={5}>{S.nogGeen}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </SchuifTabel>
    </>
  );
}
