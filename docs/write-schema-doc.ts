// Rewrites docs/document-schema.md from the schema: `npm run docs:schema`.
import { writeFileSync } from 'node:fs';
import { renderSchemaDoc } from '../src/model/schemaDoc';

writeFileSync(new URL('./document-schema.md', import.meta.url), renderSchemaDoc());
