// One label per schema field (issue 12, item 4): the key type follows the schema, so a missing
// label fails the type check; and the conflict inbox and the screens name a field the same way.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as M from '../../../src/model';
import * as O from '../../../src/operations';
import { SCHEMA, ROOT_NAMES } from '../../../src/model/schema';
import { conflictSubjectText } from '../../../src/ui/codeText';
import { FIELD_LABELS, fieldLabel, labelOfPath, type FieldLabels } from '../../../src/ui/fieldLabels';
import { EscalatieLadder } from '../../../src/ui/screens/knelpunten/EscalatieLadder';
import { AfspraakItem } from '../../../src/ui/screens/vergaderingen/AfspraakItem';
import { makeUiTafel, renderAs } from './tafelFixture';

const here = dirname(fileURLToPath(import.meta.url));

/** Type-checks `source` as a file next to this test; returns the error messages. */
function typeErrors(source: string): string[] {
  const file = join(here, '__labels_probe__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (f === file ? source : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => f === file || exists(f);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('field labels follow the schema', () => {
  // Checked by `npx tsc` (CI's typecheck): these lines must be errors.
  it('refuses a label set without a field, and a field the schema does not have', () => {
    // @ts-expect-error: knelpunten.escalatie has no label
    const zonder: FieldLabels = { ...FIELD_LABELS, knelpunten: { ...FIELD_LABELS.knelpunten, escalatie: undefined } };
    // @ts-expect-error: knelpunten has no field "prioriteit"
    const onbekend = fieldLabel('knelpunten', 'prioriteit');
    expect([zonder, onbekend]).toHaveLength(2);
  });

  it('fails the type check when a schema field has no label (compiled here)', () => {
    const probe = (labels: string) => `
      import { FIELD_LABELS, type FieldLabels } from '../../../src/ui/fieldLabels';
      const { escalatie: _weg, ...rest } = FIELD_LABELS.knelpunten;
      export const labels: FieldLabels = { ...FIELD_LABELS, knelpunten: ${labels} };
    `;
    const fouten = typeErrors(probe('rest'));
    expect(fouten.join('\n')).toMatch(/escalatie/);
    expect(typeErrors(probe('{ ...rest, escalatie: "Escalatieniveau" }'))).toEqual([]);
  }, 60_000);

  it('has a label for every field of every root, at run time too', () => {
    for (const root of ROOT_NAMES) {
      const spec = SCHEMA[root];
      if (spec.kind === 'frozen') continue;
      for (const key of Object.keys(spec.fields)) {
        const label = labelOfPath(root, key);
        expect(label, `${root}.${key}`).not.toBe(key);
        expect(label.trim(), `${root}.${key}`).not.toBe('');
      }
    }
  });

  it('labels the keys that carry a year or an id', () => {
    expect(labelOfPath('projecten', `${M.OPLEVERING_PREFIX}2027`)).toBe('Oplevering 2027');
    expect(labelOfPath('knelpunten', `${M.REACTIE_PREFIX}abc123`)).toBe('Reactie');
    expect(labelOfPath('projecten', 'onbekendVeld')).toBe('onbekendVeld');
  });
});

describe('the conflict inbox and the screens use the same label', () => {
  it('names a knelpunt’s escalation level as its ladder does', () => {
    const t = makeUiTafel();
    const id = O.raiseKnelpunt(t.doc, t.actor.gemeente, { titel: 'Netcongestie', thema: 'mobiliteit', projecten: [] });
    const html = renderAs(t.doc, t.actor.chair.lidId, <EscalatieLadder knelpunt={M.readKnelpunt(t.doc, id)!} />);
    const label = fieldLabel('knelpunten', 'escalatie');
    expect(html).toContain(`aria-label="${label}"`);
    expect(conflictSubjectText({ kind: 'field', root: 'knelpunten', naam: 'Netcongestie', key: 'escalatie' })).toBe(`Knelpunt “Netcongestie”: ${label}`);
  });

  it('names an afspraak’s status and voortgang as the afspraak does', () => {
    const t = makeUiTafel();
    const id = O.recordAfspraak(t.doc, t.actor.chair, { wat: 'Netbeheerder uitnodigen', partijId: t.partij.corporatie });
    const html = renderAs(t.doc, t.actor.corporatie.lidId, <AfspraakItem afspraak={M.readAfspraak(t.doc, id)!} />);
    for (const key of ['status', 'voortgang'] as const) {
      const label = fieldLabel('afspraken', key);
      expect(html).toMatch(new RegExp(`<label[^>]*>${label}</label>`));
      expect(conflictSubjectText({ kind: 'field', root: 'afspraken', naam: null, key })).toBe(`Afspraak: ${label}`);
    }
  });
});
