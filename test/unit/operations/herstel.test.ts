import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { makeUiTafel } from '../ui/tafelFixture';

describe('re-applying a value from the conflict inbox', () => {
  it('finds plain fields in conflict paths and nothing else', () => {
    expect(O.plainFieldAt(['projecten', 'abcdefgh', 'startBouw'])).toEqual({ root: 'projecten', entityId: 'abcdefgh', key: 'startBouw' });
    expect(O.plainFieldAt(['projecten', 'abcdefgh', 'oplevering.2028'])).toEqual({ root: 'projecten', entityId: 'abcdefgh', key: 'oplevering.2028' });
    expect(O.plainFieldAt(['tafel', 'naam'])).toEqual({ root: 'tafel', entityId: null, key: 'naam' });
    expect(O.plainFieldAt(['vergaderingen', 'abcdefgh', 'notulen'])).toBeNull();
    expect(O.plainFieldAt(['projecten', 'abcdefgh'])).toBeNull();
    expect(O.plainFieldAt(['tafel', 'abcdefgh', 'naam'])).toBeNull();
    expect(O.plainFieldAt(['bestaatniet', 'x', 'y'])).toBeNull();
    expect(O.plainFieldAt([])).toBeNull();
  });

  it('writes the entered value when the rulebook allows it, with the lid as author', () => {
    const { doc, actor, project } = makeUiTafel();
    O.reapplyField(doc, actor.markt, ['projecten', project, 'startBouw'], '2028-Q1');
    const p = M.readProject(doc, project)!;
    expect(p.startBouw).toBe('2028-Q1');
    expect(p.provenance.startBouw?.by).toBe(actor.markt.lidId);
  });

  it('refuses what the lid does not own, bad values and non-fields, changing nothing', () => {
    const { doc, actor, project } = makeUiTafel();
    expect(() => O.reapplyField(doc, actor.gemeente, ['projecten', project, 'startBouw'], '2028-Q1')).toThrow(O.OwnershipError);
    expect(() => O.reapplyField(doc, actor.markt, ['projecten', project, 'startBouw'], 'morgen')).toThrow(O.ValidationError);
    expect(() => O.reapplyField(doc, actor.markt, ['projecten', project], 'x')).toThrow(O.ValidationError);
    expect(M.readProject(doc, project)!.startBouw).toBeNull();
  });
});
