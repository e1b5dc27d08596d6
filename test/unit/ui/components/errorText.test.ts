import { describe, expect, it } from 'vitest';
import * as O from '../../../../src/operations';
import { errorText } from '../../../../src/ui/codeText';
import { makeUiTafel } from '../tafelFixture';

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected the operation to throw');
}

describe('errors of model operations in Dutch', () => {
  it('explains a field that belongs to another partij', () => {
    const { doc, actor, project } = makeUiTafel();
    const e = thrown(() => O.setProjectField(doc, actor.markt, project, 'naam', 'Overgenomen'));
    expect(e).toBeInstanceOf(O.OwnershipError);
    expect(errorText(e)).toBe('Dit veld is niet van uw partij; u kunt het niet wijzigen.');
  });

  it('explains invalid values: empty, not a count, out of range', () => {
    const { doc, actor, project } = makeUiTafel();
    expect(errorText(thrown(() => O.setProjectField(doc, actor.gemeente, project, 'naam', '')))).toMatch(/mag niet leeg/);
    expect(errorText(thrown(() => O.setProjectField(doc, actor.gemeente, project, 'woningenMiddenhuur', -3)))).toMatch(/heel getal in van 0 of meer/);
    expect(errorText(thrown(() => O.editTafel(doc, actor.chair, { rodeDraadDrempel: 1 })))).toBe('Vul een heel getal in van 2 tot en met 50.');
    expect(errorText(thrown(() => O.setProjectField(doc, actor.gemeente, project, 'gemeente', 'x'.repeat(201))))).toMatch(/maximaal 200 tekens/);
  });

  it('says read-only for a gast and not found for a removed item', () => {
    const { doc, actor, project } = makeUiTafel();
    expect(errorText(thrown(() => O.setProjectField(doc, actor.gast, project, 'naam', 'x')))).toMatch(/alleen meelezen/);
    O.removeProject(doc, actor.gemeente, project);
    expect(errorText(thrown(() => O.setProjectField(doc, actor.gemeente, project, 'naam', 'x')))).toMatch(/bestaat niet \(meer\)/);
    expect(errorText(new TypeError('boom'))).toMatch(/onverwachts/);
  });
});
