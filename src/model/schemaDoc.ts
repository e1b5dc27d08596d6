// Renders docs/document-schema.md from the schema itself, so the document of record can never
// drift from the code (a unit test compares the two; `npm run docs:schema` rewrites the file).

import { SCHEMA, SCHEMA_VERSION, type EntityRule, type FieldSpec, type RootSpec, type WriterRule } from './schema';
import { RICHTEXT_ATTRIBUTES, RICHTEXT_MARKS, RICHTEXT_NODES } from './richtext';

const WRITERS: Record<WriterRule, string> = {
  system: 'nobody (written by the relay when the tafel is created)',
  chair: 'voorzitter / secretaris',
  projectPubliek: "leden of the project's public owner partij",
  projectPrivaat: "leden of the project's private owner partij",
  eigenaarPrivaat: "voorzitter / secretaris, or the project's public owner partij",
  knelpuntIndiener: 'leden of the partij that raised the knelpunt',
  knelpuntStatus: 'leden of the raising partij, or voorzitter / secretaris',
  reactieAuteur: 'any writing lid adds; only the author lid changes or removes',
  agendapuntIndiener: 'leden of the proposing partij, or voorzitter / secretaris',
  rapportageKernteam: 'the chair, or a lid the chair named in the kernteam',
  partijLeden: 'leden of this partij (not the chair)',
  afspraakPartij: 'leden of the assigned partij, or voorzitter / secretaris',
  iedereen: 'every lid who may write (not gast, not adviseur)',
  relay: 'nobody: the relay carries it from a linked tafel (docs/network.md)',
};

const ENTITY_RULES: Record<EntityRule, string> = {
  chair: 'voorzitter / secretaris',
  overheidOfChair: 'a lid of an overheid partij (for its own partij), or voorzitter / secretaris',
  iedereen: 'every lid who may write',
  projectEigenaar: "voorzitter / secretaris, or the project's public owner partij",
  agendapuntIndiener: 'the proposing partij, or voorzitter / secretaris',
  nobody: 'nobody',
  relay: 'nobody: the relay delivers it from a linked tafel (docs/network.md)',
};

function fieldRow(path: string, spec: FieldSpec): string {
  if (spec.kind === 'richtext') return `| \`${path}\` | rich text (Y.XmlFragment, created with the entity) | ${WRITERS[spec.writer]} |`;
  const flags = [spec.required ? 'required' : '', spec.immutable ? 'set once at creation' : ''].filter(Boolean).join(', ');
  return `| \`${path}\` | ${spec.type.describe}${flags ? ` (${flags})` : ''} | ${WRITERS[spec.writer]} |`;
}

function rootSection(name: string, spec: RootSpec): string[] {
  const out = [`## \`${name}\``, ''];
  if (spec.kind === 'settings') {
    out.push('A single map of settings fields.', '', '| path | value (`v` of the envelope) | who may write |', '|---|---|---|');
    for (const [k, f] of Object.entries(spec.fields)) out.push(fieldRow(`${name}/${k}`, f));
  } else if (spec.kind === 'frozen') {
    const withdraw = spec.withdrawWithinMs
      ? `Never changed; the voorzitter / secretaris may withdraw an entry within ${spec.withdrawWithinMs / 3_600_000} hours of the relay accepting it (by the relay's clock), never after.`
      : 'Never changed or removed.';
    const key = spec.keyFor ? ' The key follows from the value (one entry per key), so the same entry cannot exist twice.' : '';
    out.push(`A map from id to one frozen envelope. Created by: ${ENTITY_RULES[spec.create]}. ${withdraw}${key}`, '', `Value: ${spec.type.describe}.`);
  } else {
    out.push(
      `A map from random id to one Y.Map per entity. Created by: ${ENTITY_RULES[spec.create]}. Removed by: ${ENTITY_RULES[spec.remove]}.`,
      '',
      '| path | value (`v` of the envelope) | who may write |',
      '|---|---|---|',
    );
    for (const [k, f] of Object.entries(spec.fields)) out.push(fieldRow(`${name}/<id>/${k}`, f));
    for (const d of spec.dynamic ?? []) out.push(fieldRow(`${name}/<id>/${d.prefix}<…>`, d.field));
    if (spec.lockedWhen) out.push('', `Once \`${spec.lockedWhen.key}\` is \`"${spec.lockedWhen.value}"\`, nothing of the entity changes any more (also not its rich texts or comments), and it is not removed.`);
  }
  out.push('');
  return out;
}

export function renderSchemaDoc(): string {
  return [
    '# The tafel document',
    '',
    `Generated from \`src/model/schema.ts\` (schema version ${SCHEMA_VERSION}) by \`npm run docs:schema\`; a unit test fails when this file is stale.`,
    '',
    'One Yjs document per tafel. Every root is a `Y.Map`. Entities live under a random id as one `Y.Map` each.',
    'Every field value is a plain value wrapped in a provenance envelope `{v, by, p, at}`: the value, the lid id and',
    'partij id of the writer, and the time (epoch ms). The relay rejects envelopes that name anyone but the sender.',
    'The only nested shared types are rich texts, created together with their entity by its creator, so two partijen',
    'never race to create a shared type under the same key. Who may write is decided by `src/ownership/rulebook.ts`',
    'from the path and the current state; gasten and leden of an adviseur partij write nothing.',
    '',
    ...Object.entries(SCHEMA).flatMap(([name, spec]) => rootSection(name, spec)),
    '## Rich text content',
    '',
    `Inside a rich text: elements ${[...RICHTEXT_NODES].map((n) => `\`${n}\``).join(', ')}; text; marks ${[...RICHTEXT_MARKS]
      .map((n) => `\`${n}\``)
      .join(', ')}; attributes ${[...RICHTEXT_ATTRIBUTES].map((n) => `\`${n}\``).join(', ')}. Anything else is rejected.`,
    '',
    '## Migrations',
    '',
    '`tafel/schemaVersion` records the shape. `src/model/migrations.ts` holds the steps from one version to the next;',
    'the relay runs pending steps as the system when it loads a room, before any client syncs.',
    'Version 1 -> 2 (`src/model/migrationV2.ts`) maps the planstatus to the national list and keeps the old value in',
    '`bronwaarden`; the full mapping is in `docs/vocabulary-mapping.md`. A value that fails its type but has the shape',
    'of the previous version is rejected with code `outdated-client`: the app offers to update.',
    '',
  ].join('\n');
}
