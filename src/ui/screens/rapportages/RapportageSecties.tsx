// The body of a rapportage, the same on screen and on paper: eight sections with the figures frozen
// at its start, each followed by its narrative. On screen the chair and the kernteam co-edit the
// narrative live (SharedTextEditor); in print and once vastgesteld it is rendered read-only.
// Every chart has its numbers as a table with header cells (that is what the tagged PDF carries).

import type { ReactNode } from 'react';
import { RAPPORTAGE_TEKSTEN, type Rapportage, type RapportageCijfers, type RapportageTekst } from '../../../model';
import { CijferTabel } from '../../afdruk/AfdrukPagina';
import { RichTekst } from '../../afdruk/RichTekst';
import { SharedTextEditor } from '../../editor/SharedTextEditor';
import { aantal, procent, strings, waarde } from '../../strings';
import { FIELD_LABELS } from '../../fieldLabels';
import { datumLang } from '../vergaderingen/datum';
import { ProductieGrafiek } from './ProductieGrafiek';

const S = strings.rapportage;
const n = (x: number) => aantal(Math.round(x));
const pct = (x: number | null) => (x === null ? '–' : procent(x));
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
  const verwachtTotaal = c.productie.reduce((s, p) => s + p.verwacht, 0);
  const doelTotaal = c.productie.reduce((s, p) => s + (p.doel ?? 0), 0);
  const pc = c.plancapaciteit;
  return (
    <>
      {sectie(
        'samenvatting',
        sectieKop('samenvatting'),
        <>
          {koersoordeel}
          <CijferTabel
            caption={S.peildatumRegel(datumLang(c.peildatum))}
            kolommen={['', S.woningen]}
            numeriek={[1]}
            rijen={[
              [S.verwacht, n(verwachtTotaal)],
              [S.doel, n(doelTotaal)],
              [S.ratio, pct(pc.ratio)],
              [S.aandeelBetaalbaar, pct(c.betaalbaarheid?.aandeelBetaalbaar ?? null)],
              [S.knelpuntOpen, n(c.knelpunten.reduce((s, k) => s + k.open, 0))],
            ]}
          />
          {tekst('samenvatting')}
        </>,
      )}
      {sectie(
        'productie',
        sectieKop('productie'),
        <>
          <h3>{S.productieKop}</h3>
          <ProductieGrafiek rijen={c.productie} />
          <p className="visually-hidden">{S.grafiekProductie}</p>
          <CijferTabel
            caption={S.productieKop}
            captionVerborgen
            kolommen={[S.jaarschijf, S.gepland, S.verwacht, S.doel]}
            numeriek={[1, 2, 3]}
            rijen={c.productie.map((p) => [String(p.jaarschijf), n(p.gepland), n(p.verwacht), p.doel === null ? S.geenDoel : n(p.doel)])}
          />
          <h3>{S.betaalbaarheidKop}</h3>
          {c.betaalbaarheid ? (
            <CijferTabel
              caption={S.betaalbaarheidKop}
            captionVerborgen
              kolommen={[S.segment, S.woningen]}
              numeriek={[1]}
              rijen={[
                ...Object.entries(c.betaalbaarheid.perSegment).map(([seg, aantalW]) => [waarde(seg), n(aantalW)]),
                [S.totaal, n(c.betaalbaarheid.totaal)],
                [S.aandeelBetaalbaar, pct(c.betaalbaarheid.aandeelBetaalbaar)],
                [S.aandeelSocialeHuur, pct(c.betaalbaarheid.aandeelSocialeHuur)],
              ]}
            />
          ) : (
            <p>{S.geenSegmenten}</p>
          )}
          <h3>{S.plancapaciteitKop}</h3>
          <CijferTabel
            caption={S.plancapaciteitKop}
            captionVerborgen
            kolommen={['', S.woningen]}
            numeriek={[1]}
            rijen={[
              [S.hard, n(pc.hardeCapaciteit)],
              [S.zacht, n(pc.zachteCapaciteit)],
              [S.totaal, n(pc.capaciteit)],
              [S.resterendDoel(pc.vanafJaar), pc.resterendDoel > 0 ? n(pc.resterendDoel) : S.geenOpgave],
              [S.ratio, pct(pc.ratio)],
              [S.norm, procent(pc.norm)],
              [S.tekort, n(pc.tekort)],
            ]}
          />
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
              <CijferTabel
                caption={S.slippageTelling}
                kolommen={[S.slippageTelling, S.aantal]}
                numeriek={[1]}
                rijen={Object.entries(c.slippage.telling).map(([soort, x]) => [S.soort[soort] ?? soort, n(x)])}
              />
              <CijferTabel
                caption={`${S.gepland}: ${S.voor} / ${S.na}`}
                kolommen={[S.jaarschijf, S.voor, S.na]}
                numeriek={[1, 2]}
                rijen={c.slippage.perJaarschijf.map((j) => [String(j.jaarschijf), n(j.voor), n(j.na)])}
              />
              {c.slippage.projecten.length > 0 && (
                <CijferTabel
                  caption={S.vertraagdeProjecten}
                  kolommen={[S.project, S.slippageTelling, S.verschuiving, S.voor, S.na, S.themas]}
                  numeriek={[2, 3, 4]}
                  rijen={c.slippage.projecten.map((p) => [p.naam ?? S.nietGenoemd, S.soort[p.soort] ?? p.soort, jaar(p.verschuivingJaren), n(p.woningenVoor), n(p.woningenNa), p.themas.map(waarde).join(', ') || '–'])}
                />
              )}
              <CijferTabel
                caption={S.themasAchterVertraging}
                kolommen={[S.thema, S.vertraagdeProjecten]}
                numeriek={[1]}
                rijen={c.slippage.themas.length > 0 ? c.slippage.themas.map((t) => [waarde(t.thema), n(t.projecten)]) : [[S.geen, '0']]}
              />
            </>
          )}
          {tekst('slippage')}
        </>,
      )}
      {sectie(
        'knelpunten',
        sectieKop('knelpunten'),
        <>
          <CijferTabel
            caption={S.knelpuntenKop}
            kolommen={[S.thema, S.knelpuntNieuw, S.knelpuntOpgelost, S.knelpuntOpen]}
            numeriek={[1, 2, 3]}
            rijen={c.knelpunten.length > 0 ? c.knelpunten.map((k) => [waarde(k.thema), n(k.nieuw), n(k.opgelost), n(k.open)]) : [[S.geen, '0', '0', '0']]}
          />
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
              rijen={c.besluiten.map((b) => [b.nummer ?? strings.verslag.nogGeenNummer, b.tekst, `${b.vergadering} (${datumLang(b.datum)})`])}
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
          <CijferTabel
            caption={S.projectenKop}
            kolommen={[S.project, FIELD_LABELS.projecten.planstatus, S.woningen]}
            numeriek={[2]}
            rijen={c.projecten.genoemd.map((p) => [p.naam, waarde(p.planstatus), n(p.woningen)])}
          />
          {c.projecten.nietGedeeld > 0 && <p>{S.nietGedeeld(c.projecten.nietGedeeld, c.projecten.nietGedeeldWoningen)}</p>}
          <p>{S.definities}</p>
          <p>{S.bronnen(datumLang(c.peildatum))}</p>
        </>,
      )}
    </>
  );
}
