// The body of a rapportage, the same on screen and on paper: eight sections with the figures frozen
// at its start, each followed by its narrative. On screen the chair and the kernteam co-edit the
// narrative live (SharedTextEditor); in print and once vastgesteld it is rendered read-only.
// Every chart has its numbers as a table with header cells (that is what the tagged PDF carries).

import type { ReactNode } from 'react';
import { kerncijfers, RAPPORTAGE_TEKSTEN, type Rapportage, type RapportageCijfers, type RapportageTekst } from '../../../model';
import { CijferTabel } from '../../afdruk/AfdrukPagina';
import { RichTekst } from '../../afdruk/RichTekst';
import { SharedTextEditor } from '../../editor/SharedTextEditor';
import { strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { datumLang } from '../vergaderingen/datum';
import { KerncijfersTabel, KnelpuntenPerThema, n, ProductieTabellen, ProjectenBijlage, SlippageTelling, SlippageThemas } from './RapportageTabellen';

const S = strings.rapportage;
/** A section's heading: its number and the label of its narrative field. */
export const sectieKop = (veld: RapportageTekst) => `${RAPPORTAGE_TEKSTEN.indexOf(veld) + 1}. ${FIELD_LABELS.rapportages[veld]}`;
const jaar = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export function RapportageSecties({ rapportage: r, cijfers: c, bewerkbaar, koersoordeel }: { rapportage: Rapportage; cijfers: RapportageCijfers; bewerkbaar: boolean; koersoordeel: ReactNode }) {
  const tekst = (veld: RapportageTekst) =>
    bewerkbaar ? (
      <div className="rapportage__tekst no-print-chrome">
        <SharedTextEditor root="rapportages" entityId={r.id} veld={veld} label={`${S.toelichting}: ${sectieKop(veld)}`} />
      </div>
    ) : (
      <RichTekst root="rapportages" entityId={r.id} veld={veld} kopNiveau={3} />
    );
  const sectie = (id: string, kop: string, inhoud: ReactNode) => (
    <section className="rapportage-sectie" aria-labelledby={`rs-${id}`}>
      <h2 id={`rs-${id}`}>{kop}</h2>
      {inhoud}
    </section>
  );
  return (
    <>
      {sectie(
        'samenvatting',
        sectieKop('samenvatting'),
        <>
          {koersoordeel}
          <KerncijfersTabel peildatum={c.peildatum} k={kerncijfers(c)} />
          {tekst('samenvatting')}
        </>,
      )}
      {sectie(
        'productie',
        sectieKop('productie'),
        <>
          <ProductieTabellen c={c} />
          {tekst('productie')}
        </>,
      )}
      {sectie(
        'slippage',
        sectieKop('slippage'),
        <>
          {c.slippage === null || c.vorigePeildatum === null ? (
            <p>{S.slippageGeenVorige}</p>
          ) : (
            <>
              <p>
                {S.peildatumRegel(datumLang(c.peildatum))}, {S.vorigePeildatumRegel(datumLang(c.vorigePeildatum))}
              </p>
              <SlippageTelling telling={c.slippage.telling} />
              <CijferTabel
                caption={`${S.gepland}: ${S.voor} / ${S.na}`}
                kolommen={[S.jaarschijf, S.voor, S.na]}
                numeriek={[1, 2]}
                rijen={c.slippage.perJaarschijf.map((j) => [String(j.jaarschijf), n(j.voor), n(j.na)])}
              />
              {c.slippage.projecten.length > 0 && (
                <CijferTabel
                  caption={S.vertraagdeProjecten}
                  kolommen={[S.project, S.verandering, S.verschuiving, S.voor, S.na, S.themas]}
                  numeriek={[2, 3, 4]}
                  rijen={c.slippage.projecten.map((p) => [p.naam ?? S.nietGenoemd, S.soort[p.soort] ?? p.soort, jaar(p.verschuivingJaren), n(p.woningenVoor), n(p.woningenNa), p.themas.map(waarde).join(', ') || '–'])}
                />
              )}
              <SlippageThemas themas={c.slippage.themas} />
            </>
          )}
          {tekst('slippage')}
        </>,
      )}
      {sectie(
        'knelpunten',
        sectieKop('knelpunten'),
        <>
          <KnelpuntenPerThema knelpunten={c.knelpunten} />
          <h3>{S.escalatiesKop}</h3>
          {c.escalaties.length === 0 ? (
            <p>{S.geen}</p>
          ) : (
            <CijferTabel
              caption={S.escalatiesKop}
              captionVerborgen
              kolommen={[strings.afdruk.onderwerp, S.escalatieNaar, S.escalatieSinds, S.escalatieStatus, S.escalatieAntwoord]}
              rijen={c.escalaties.map((e) => [e.titel, waarde(e.niveau), e.sinds ? datumLang(e.sinds) : '–', waarde(e.status), e.antwoord ?? S.geenAntwoord])}
            />
          )}
          {tekst('knelpunten')}
        </>,
      )}
      {sectie(
        'besluiten',
        sectieKop('besluiten'),
        <>
          <h3>{S.besluitenKop}</h3>
          {c.besluiten.length === 0 ? (
            <p>{S.geen}</p>
          ) : (
            <CijferTabel
              caption={S.besluitenKop}
              captionVerborgen
              kolommen={[strings.afdruk.besluitNummer, strings.afdruk.besluit, S.vergadering]}
              rijen={c.besluiten.map((b) => [<span className="besluitnummer">{b.nummer ?? strings.verslag.nogGeenNummer}</span>, b.tekst, `${b.vergadering} (${datumLang(b.datum)})`])}
            />
          )}
          <h3>{S.afsprakenKop}</h3>
          {c.afspraken.length === 0 ? (
            <p>{S.geen}</p>
          ) : (
            <CijferTabel
              caption={S.afsprakenKop}
              captionVerborgen
              kolommen={[strings.afdruk.actie, strings.afdruk.partij, strings.afdruk.deadline, strings.afdruk.status]}
              rijen={c.afspraken.map((a) => [a.wat, a.partij, a.deadline ? datumLang(a.deadline) : '–', waarde(a.status)])}
            />
          )}
          {tekst('besluiten')}
        </>,
      )}
      {sectie('ontsloten', sectieKop('ontsloten'), tekst('ontsloten'))}
      {sectie('vragen', sectieKop('vragen'), tekst('vragen'))}
      {sectie(
        'bijlage',
        S.bijlage,
        <>
          <ProjectenBijlage projecten={c.projecten} />
          <p>{S.definities}</p>
          <p>{S.bronnen(datumLang(c.peildatum))}</p>
        </>,
      )}
    </>
  );
}
