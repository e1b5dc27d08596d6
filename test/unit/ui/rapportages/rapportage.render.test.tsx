// The rapportage's body as the PDF gets it: every section's heading, every table with header
// cells, the chart's numbers in a table, not-to-share projects counted; editors only for the chair
// and the kernteam while it is a concept; once vastgesteld, whether it reached the landelijke tafel.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { markeerBezorging } from '../../../../src/operations/doorgifte';
import { formatDatumTijd } from '../../../../src/ui/components/provenanceText';
import { RapportageBezorging } from '../../../../src/ui/screens/rapportages/RapportageBezorging';
import { RapportageSecties, sectieKop } from '../../../../src/ui/screens/rapportages/RapportageSecties';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel, renderAs, text } from '../tafelFixture';

const R = strings.rapportage;

function metRapportage() {
  const t = makeUiTafel();
  O.editTafel(t.doc, t.actor.chair, { woondealDoelen: { '2027': 500, '2028': 500 } });
  const peil = O.freezePeildatum(t.doc, t.actor.chair, '2026-10-01');
  const id = O.startRapportage(t.doc, t.actor.chair, { periode: '2026-H2', peildatumId: peil, kernteam: [t.actor.gemeente.lidId] });
  return { t, r: () => M.readRapportage(t.doc, id)! };
}

describe('rapportage body', () => {
  it('has every section heading and its figures in tables with header cells', () => {
    const { t, r } = metRapportage();
    const html = renderAs(t.doc, t.actor.markt.lidId, <RapportageSecties rapportage={r()} cijfers={r().cijfers!} bewerkbaar={false} koersoordeel={null} />);
    for (const kop of [...M.RAPPORTAGE_TEKSTEN.map(sectieKop), R.bijlage]) expect(text(html)).toContain(kop);
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    // The production chart is hidden from assistive technology; its numbers are in the table.
    expect(html).toContain('aria-hidden="true"');
    expect(text(html)).toMatch(/2027.*60.*51.*500/s);
    expect(html).not.toContain('contenteditable');
  });

  it('offers the narrative editors to the kernteam only', () => {
    const { t, r } = metRapportage();
    const als = (lidId: string) => renderAs(t.doc, lidId, <RapportageSecties rapportage={r()} cijfers={r().cijfers!} bewerkbaar koersoordeel={null} />);
    expect(als(t.actor.gemeente.lidId)).not.toContain('shared-text__lock');
    expect(als(t.actor.markt.lidId)).toContain('shared-text__lock');
  });

  it('says whether the vastgestelde rapportage reached the landelijke tafel, and nothing before the relay noted it', () => {
    const { t, r } = metRapportage();
    O.stelRapportageVast(t.doc, t.actor.chair, r().id);
    const toon = () => renderAs(t.doc, t.actor.chair.lidId, <RapportageBezorging rapportage={r()} />);
    expect(toon()).toBe('');
    markeerBezorging(t.doc, 'rapportages', r().id, 'geen koppeling', { id: '', naam: '' }, 1);
    expect(text(toon())).toContain(R.nietVerstuurd);
    const op = Date.UTC(2026, 11, 2, 9, 41);
    markeerBezorging(t.doc, 'rapportages', r().id, 'bezorgd', { id: 'landelijk', naam: 'Landelijke versnellingstafel' }, op);
    expect(text(toon())).toContain(R.aangekomen('Landelijke versnellingstafel', formatDatumTijd(op)));
  });
});
