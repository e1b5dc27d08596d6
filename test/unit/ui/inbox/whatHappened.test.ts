// Issue 16, defect 4: the inbox says what happened ("het project is op 2 december overgedragen aan
// Woonstichting Thuis"), not only "Dit veld is niet van uw partij"; counts read consistently.

import { describe, expect, it } from 'vitest';
import * as M from '../../../../src/model';
import * as O from '../../../../src/operations';
import { conflictWhatHappened } from '../../../../src/ui/screens/inbox/inboxView';
import { readNamen } from '../../../../src/ui/tafel/useNamen';
import { strings } from '../../../../src/ui/strings';
import { makeUiTafel } from '../tafelFixture';

describe('what happened to a conflict’s item', () => {
  it('names the partij the project was handed to, and the date', () => {
    const t = makeUiTafel();
    O.setPrivaatEigenaar(t.doc, t.actor.chair, t.project, t.partij.corporatie);
    const datum = new Date(M.envelopeAt(t.doc, 'projecten', t.project, 'privaatEigenaar')!.at);
    const zin = conflictWhatHappened(t.doc, ['projecten', t.project, 'startBouw'], t.partij.markt, readNamen(t.doc));
    expect(zin).toContain('Het project is op ');
    expect(zin).toContain(`${datum.getDate()} `);
    expect(zin).toContain('overgedragen aan Woonstichting Thuis');
  });

  it('says who changed the field when it is still the user’s partij’s', () => {
    const t = makeUiTafel();
    O.setProjectField(t.doc, t.actor.markt, t.project, 'startBouw', '2027-Q2');
    const zin = conflictWhatHappened(t.doc, ['projecten', t.project, 'startBouw'], t.partij.markt, readNamen(t.doc));
    expect(zin).toMatch(/^Dirk Ontwikkelaar \(Bouwbedrijf Horizon\) wijzigde dit op /);
  });

  it('says nothing for an item that is gone', () => {
    const t = makeUiTafel();
    expect(conflictWhatHappened(t.doc, ['projecten', 'weg', 'startBouw'], t.partij.markt, readNamen(t.doc))).toBeNull();
  });

  it('counts the same way in the banner and the inbox', () => {
    expect(strings.herstel.naWeigering(0, 3)).toContain('3 wijzigingen');
    expect(strings.herstel.naWeigering(0, 3)).not.toMatch(/een wijziging/);
    expect(strings.herstel.naWeigering(0, 1)).toContain('één wijziging');
  });
});
