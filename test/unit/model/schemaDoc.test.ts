import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaDoc } from '../../../src/model/schemaDoc';

describe('docs/document-schema.md', () => {
  it('matches the schema in code (run `npm run docs:schema` after changing the schema)', () => {
    const onDisk = readFileSync(new URL('../../../docs/document-schema.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderSchemaDoc());
  });
});
