import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAfspraken, readKnelpunten } from '../../../src/model';
import { actorForLid } from '../../../src/model';
import {
  addLid,
  addPartij,
  initTafel,
  OwnershipError,
  raiseKnelpunt,
  recordAfspraak,
  removeAfspraak,
  removeKnelpunt,
} from '../../../src/operations';
import type { Actor } from '../../../src/ownership/rulebook';

function tafel() {
  const doc = new Y.Doc();
  const { lidId } = initTafel(doc, { naam: 'T', voorzitter: { naam: 'V' } });
  const chair = actorForLid(doc, lidId) as Actor;
  const gemeente = addPartij(doc, chair, { naam: 'Gemeente', bloedgroep: 'overheid' });
  const lid = actorForLid(doc, addLid(doc, chair, { naam: 'L', partijId: gemeente, rol: 'lid' })) as Actor;
  return { doc, chair, lid };
}

describe('removing knelpunten and afspraken', () => {
  it('lets only the chair remove a knelpunt, even one the lid raised', () => {
    const t = tafel();
    const id = raiseKnelpunt(t.doc, t.lid, { titel: 'Netcongestie', thema: 'energietransitie' });
    expect(() => removeKnelpunt(t.doc, t.lid, id)).toThrow(OwnershipError);
    expect(readKnelpunten(t.doc)).toHaveLength(1);
    removeKnelpunt(t.doc, t.chair, id);
    expect(readKnelpunten(t.doc)).toHaveLength(0);
  });

  it('lets only the chair remove an afspraak, not the assigned partij', () => {
    const t = tafel();
    const id = recordAfspraak(t.doc, t.chair, { wat: 'Parkeernorm herzien', partijId: t.lid.partijId });
    expect(() => removeAfspraak(t.doc, t.lid, id)).toThrow(OwnershipError);
    removeAfspraak(t.doc, t.chair, id);
    expect(readAfspraken(t.doc)).toEqual([]);
  });
});
