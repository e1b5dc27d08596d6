// Issue 16: an item's recorded fields as they stood on a date, from the relay's history (the
// history dialog's "Stand op datum"); the whole planmonitor on a date is tested with the relay's
// real recording in test/unit/relay/fieldHistory.test.ts.

import { describe, expect, it } from 'vitest';
import { veldenOp, type VeldWijziging } from '../../../src/model';

const change = (entityId: string, field: string, from: unknown, to: unknown): VeldWijziging => ({ entityId, field, from, to, lidId: 'l', partijId: 'p', at: 1 });

describe('veldenOp', () => {
  it('takes the last change by the date, else what the first later change started from', () => {
    const stand = {
      tot: [change('k1', 'status', 'gesignaleerd', 'in behandeling'), change('k2', 'titel', null, 'Ander')],
      na: [change('k1', 'status', 'in behandeling', 'opgelost'), change('k1', 'titel', 'Netcongestie', 'Netcongestie Zuid')],
    };
    expect(veldenOp(stand, 'k1')).toEqual([
      { field: 'status', waarde: 'in behandeling' },
      { field: 'titel', waarde: 'Netcongestie' },
    ]);
  });

  it('gives nothing for an item whose every field only got a value after the date', () => {
    const stand = { tot: [], na: [change('k1', 'titel', null, 'Nieuw'), change('k1', 'status', null, 'gesignaleerd')] };
    expect(veldenOp(stand, 'k1')).toEqual([]);
  });

  it('keeps a field that was emptied since as empty then', () => {
    const stand = { tot: [change('k1', 'titel', null, 'Oud')], na: [change('k1', 'beschrijving', null, 'Later')] };
    expect(veldenOp(stand, 'k1')).toEqual([
      { field: 'beschrijving', waarde: null },
      { field: 'titel', waarde: 'Oud' },
    ]);
  });
});
