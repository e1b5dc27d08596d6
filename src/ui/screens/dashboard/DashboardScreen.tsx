// Where does the tafel stand? Verwachte productie against the woondeal, plan capacity against
// the 130% norm, betaalbaarheid against its targets, knelpunten per theme and slippage since a
// peildatum, all computed by src/model/analytics.ts with the tafel's own settings.

import { useMemo } from 'react';
import { betaalbaarheid, knelpuntenPerThema, plancapaciteit, readKnelpunten, readProjecten, readTafel, verwachteProductie } from '../../../model';
import { strings } from '../../strings';
import { usePlek, useRead } from '../../tafel';
import { vandaagIso } from '../vergaderingen/datum';
import { BetaalbaarheidKaart } from './BetaalbaarheidKaart';
import { KansenKaart } from './KansenKaart';
import { KnelpuntenThemaKaart } from './KnelpuntenThemaKaart';
import { PlancapaciteitKaart } from './PlancapaciteitKaart';
import { ProductieKaart } from './ProductieKaart';
import { SlippageKaart } from './SlippageKaart';
import './dashboard.css';

const S = strings.dashboard;

export default function DashboardScreen() {
  usePlek('dashboard');
  const projecten = useRead(readProjecten);
  const knelpunten = useRead(readKnelpunten);
  const tafel = useRead(readTafel);
  const vanafJaar = Number(vandaagIso().slice(0, 4));
  const productie = useMemo(() => verwachteProductie(projecten, tafel), [projecten, tafel]);
  const capaciteit = useMemo(() => plancapaciteit(projecten, tafel.woondealDoelen, vanafJaar), [projecten, tafel, vanafJaar]);
  const betaalbaar = useMemo(() => betaalbaarheid(projecten), [projecten]);
  const perThema = useMemo(() => knelpuntenPerThema(knelpunten), [knelpunten]);

  return (
    <div className="page dashboard">
      <header className="page-head">
        <h1>{S.titel}</h1>
        <p className="intro">{S.intro}</p>
      </header>
      <div className="dashboard-grid">
        <ProductieKaart rijen={productie} />
        <PlancapaciteitKaart p={capaciteit} vanafJaar={vanafJaar} />
        <BetaalbaarheidKaart b={betaalbaar} />
        <KnelpuntenThemaKaart rijen={perThema} />
        <KansenKaart kansen={tafel.realisatiekansen} />
        <SlippageKaart projecten={projecten} />
      </div>
    </div>
  );
}
