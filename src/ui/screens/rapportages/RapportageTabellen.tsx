// The rapportage's figure tables that appear both in the rapportage itself and in its summary at
// the landelijke tafel (OntvangenRapportageScreen): key figures, production with betaalbaarheid and
// plancapaciteit, slippage counts and themes, knelpunten per theme, the projects appendix. Every
// table has a caption and header cells; the chart's numbers are in the table next to it.

import type { Kerncijfers, RapportageCijfers } from '../../../model';
import { CijferTabel } from '../../afdruk/AfdrukPagina';
import { FIELD_LABELS } from '../../fieldLabels';
import { aantal, procent, strings, waarde } from '../../strings';
import { datumLang } from '../vergaderingen/datum';
import { ProductieGrafiek } from './ProductieGrafiek';

const S = strings.rapportage;
export const n = (x: number) => aantal(Math.round(x));
export const pct = (x: number | null) => (x === null ? '–' : procent(x));

export function KerncijfersTabel({ peildatum, k }: { peildatum: string; k: Kerncijfers }) {
  return (
    <CijferTabel
      caption={S.peildatumRegel(datumLang(peildatum))}
      kolommen={['', S.kerncijfer]}
      numeriek={[1]}
      rijen={[
        [S.kernVerwacht, n(k.verwachtTotaal)],
        [S.kernDoel, n(k.doelTotaal)],
        [S.ratio, pct(k.plancapaciteitRatio)],
        [S.aandeelBetaalbaar, pct(k.aandeelBetaalbaar)],
        [S.kernOpenKnelpunten, n(k.openKnelpunten)],
        [S.kernOpenEscalaties, n(k.openEscalaties)],
      ]}
    />
  );
}

export function ProductieTabellen({ c }: { c: Pick<RapportageCijfers, 'productie' | 'betaalbaarheid' | 'plancapaciteit'> }) {
  const pc = c.plancapaciteit;
  return (
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
    </>
  );
}

type Slippage = NonNullable<RapportageCijfers['slippage']>;

export function SlippageTelling({ telling }: { telling: Slippage['telling'] }) {
  return (
    <CijferTabel
      caption={S.slippageTelling}
      kolommen={[S.slippageTelling, S.aantal]}
      numeriek={[1]}
      rijen={Object.entries(telling).map(([soort, x]) => [S.soort[soort] ?? soort, n(x)])}
    />
  );
}

export function SlippageThemas({ themas }: { themas: Slippage['themas'] }) {
  return (
    <CijferTabel
      caption={S.themasAchterVertraging}
      kolommen={[S.thema, S.vertraagdeProjecten]}
      numeriek={[1]}
      rijen={themas.length > 0 ? themas.map((t) => [waarde(t.thema), n(t.projecten)]) : [[S.geen, '0']]}
    />
  );
}

export function KnelpuntenPerThema({ knelpunten }: { knelpunten: RapportageCijfers['knelpunten'] }) {
  return (
    <CijferTabel
      caption={S.knelpuntenKop}
      kolommen={[S.thema, S.knelpuntNieuw, S.knelpuntOpgelost, S.knelpuntOpen]}
      numeriek={[1, 2, 3]}
      rijen={knelpunten.length > 0 ? knelpunten.map((k) => [waarde(k.thema), n(k.nieuw), n(k.opgelost), n(k.open)]) : [[S.geen, '0', '0', '0']]}
    />
  );
}

/** The projects that may be shared by name, and the count of those kept inside the tafel. */
export function ProjectenBijlage({ projecten }: { projecten: RapportageCijfers['projecten'] }) {
  return (
    <>
      <CijferTabel
        caption={S.projectenKop}
        kolommen={[S.project, FIELD_LABELS.projecten.planstatus, S.woningen]}
        numeriek={[2]}
        rijen={projecten.genoemd.map((p) => [p.naam, waarde(p.planstatus), n(p.woningen)])}
      />
      {projecten.nietGedeeld > 0 && <p>{S.nietGedeeld(projecten.nietGedeeld, projecten.nietGedeeldWoningen)}</p>}
    </>
  );
}
