// Conflict entries are stored as codes; entries stored before that (Dutch label and reason) still
// read, and read as what they said.

import { describe, expect, it } from 'vitest';
import { readConflict, type ConflictEntry } from '../../../src/sync/store';
import { conflictReasonText, conflictSubjectText } from '../../../src/ui/codeText';
import { strings } from '../../../src/ui/strings';
import { FIELD_LABELS } from '../../../src/ui/fieldLabels';

const base = { id: 't:1', tafelId: 't', path: ['projecten', 'p1', 'startBouw'], enteredValue: '2027-Q1', currentValue: null, at: 1 };

describe('conflict entries as codes', () => {
  it('reads an entry stored with Dutch texts, keeping them', () => {
    const old = { ...base, label: 'Project “Parkzicht”: Start bouw', reason: 'Oude reden.' };
    const read = readConflict(old as unknown as ConflictEntry);
    expect(conflictSubjectText(read.subject)).toBe('Project “Parkzicht”: Start bouw');
    expect(conflictReasonText(read.cause)).toBe('Oude reden.');
  });

  it('describes a coded entry in the words of the strings module', () => {
    const entry: ConflictEntry = { ...base, subject: { kind: 'field', root: 'projecten', naam: 'Parkzicht', key: 'startBouw' }, cause: { code: 'not-owner' } };
    const read = readConflict(entry);
    expect(read).toBe(entry);
    expect(conflictSubjectText(read.subject)).toBe(`Project “Parkzicht”: ${FIELD_LABELS.projecten.startBouw}`);
    expect(conflictReasonText(read.cause)).toBe(strings.errors.eigenaar['not-owner']);
    expect(conflictSubjectText({ kind: 'removal', root: 'knelpunten', naam: null })).toBe(strings.herstel.verwijderen('Knelpunt'));
  });
});
