// The frame of every printable view (agenda, notulen, knelpunt, rapportage): a plain document
// with one h1, the tafel's name and the date, and a bar with "print / save as PDF" that is not
// printed. The page title becomes the PDF's title; the @page margin boxes carry the tafel's name,
// the date and "Pagina x van y" on every printed page. See afdruk.css for the print stylesheet.

import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { readTafel } from '../../model';
import { strings } from '../strings';
import { useRead } from '../tafel';
import { SchuifTabel } from './SchuifTabel';
import './afdruk.css';

const S = strings.afdruk;

/** A string as a CSS string literal (for the margin boxes' content). */
function cssString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, ' ')}"`;
}

export function AfdrukPagina({ titel, datum, terug, children }: { titel: string; datum: string; terug: string; children: ReactNode }) {
  const tafel = useRead(readTafel);
  const volledigeTitel = tafel.naam ? `${titel} – ${tafel.naam}` : titel;
  useEffect(() => {
    const vorige = document.title;
    document.title = volledigeTitel;
    return () => {
      document.title = vorige;
    };
  }, [volledigeTitel]);
  const marges = `@page {
  @top-left { content: ${cssString(tafel.naam)}; }
  @top-right { content: ${cssString(datum)}; }
  @bottom-left { content: ${cssString(titel)}; }
  @bottom-right { content: ${cssString(`${S.pagina} `)} counter(page) ${cssString(` ${S.van} `)} counter(pages); }
}`;
  return (
    <div className="afdruk-scherm">
      <style>{marges}</style>
      <div className="afdruk-knoppen">
        <Link className="btn btn-secondary" to={terug}>
          ← {S.terug}
        </Link>
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {S.afdrukken}
        </button>
      </div>
      <article className="afdruk" lang="nl">
        <header className="afdruk__kop">
          <p className="afdruk__tafel">{tafel.naam}</p>
          <h1>{titel}</h1>
          <p className="afdruk__datum">{datum}</p>
        </header>
        {children}
      </article>
    </div>
  );
}

/** A table of figures with real header cells; `caption` names it for screen readers and the PDF's tags. */
/** `captionVerborgen`: the caption repeats the heading above the table, so only screen readers need it. */
export function CijferTabel({
  caption,
  kolommen,
  rijen,
  numeriek = [],
  captionVerborgen = false,
}: {
  caption: string;
  kolommen: readonly string[];
  rijen: readonly (readonly ReactNode[])[];
  numeriek?: readonly number[];
  captionVerborgen?: boolean;
}) {
  return (
    <SchuifTabel label={caption}>
      <table className="afdruk-tabel">
        <caption className={captionVerborgen ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {kolommen.map((k, i) => (
              <th key={i} scope="col" className={numeriek.includes(i) ? 'num' : undefined}>
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rijen.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={j} className={numeriek.includes(j) ? 'num' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </SchuifTabel>
  );
}
