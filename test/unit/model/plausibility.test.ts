// Issue 16, defect 12: numbers that disagree give warnings (never refusals).

import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { plausibilityText } from '../../../src/ui/screens/planmonitor/PlausibiliteitMelding';
import { makeUiTafel } from '../ui/tafelFixture';

function project() {
  const t = makeUiTafel(); // 40 sociale huur + 60 vrije sector koop; opleveringen 60 (2027) + 40 (2028)
  return { t, read: () => M.readProject(t.doc, t.project)! };
}

describe('plausibility of a project’s numbers', () => {
  it('is quiet when the numbers agree', () => {
    const { read } = project();
    expect(M.plausibilityWarnings(read())).toEqual([]);
  });

  it('warns when opleveringen and segments disagree (170 against 160), and the write is kept', () => {
    const { t, read } = project();
    O.setProjectField(t.doc, t.actor.gemeente, t.project, 'woningenMiddenhuur', 10);
    O.setOplevering(t.doc, t.actor.markt, t.project, 2029, 60);
    const w = M.plausibilityWarnings(read());
    expect(w).toContainEqual({ code: 'opleveringen-niet-gelijk-aan-segmenten', opleveringen: 160, segmenten: 110 });
    expect(plausibilityText(w[0]!)).toBe('De opleveringen per jaarschijf tellen op tot 160 woningen, de woningen per segment tot 110.');
    expect(read().opleveringen[2029]).toBe(60);
  });

  it('warns about 1,000 homes in one year for a project of 100', () => {
    const { t, read } = project();
    O.setOplevering(t.doc, t.actor.markt, t.project, 2027, 1000);
    const w = M.plausibilityWarnings(read());
    expect(w).toContainEqual({ code: 'jaar-groter-dan-project', jaar: 2027, woningen: 1000, project: 100 });
    expect(plausibilityText(w.find((x) => x.code === 'jaar-groter-dan-project')!)).toContain('1.000 opleveringen');
  });

  it('warns about opleveringen before building starts', () => {
    const { t, read } = project();
    O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2028-Q1');
    expect(M.plausibilityWarnings(read())).toContainEqual({ code: 'oplevering-voor-start-bouw', jaar: 2027, startBouw: '2028-Q1' });
  });

  it('says nothing while one side is still empty', () => {
    const { t, read } = project();
    O.setOplevering(t.doc, t.actor.markt, t.project, 2027, null);
    O.setOplevering(t.doc, t.actor.markt, t.project, 2028, null);
    expect(M.plausibilityWarnings(read())).toEqual([]);
  });
});
