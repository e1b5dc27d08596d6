// Checks the layer rules of .dependency-cruiser.cjs over src/ and server/ (docs/layers.md).
// Uses dependency-cruiser's API rather than its `depcruise` command, which refuses to start on
// Node 20 (the project's minimum); the rules are the same. Exit code 1 on any violation.
//
// Usage: node .ci/check-layers.mjs [--base <dir>] [paths...]   (default paths: src server)
// --base checks another tree with the same rules (the lint test uses a small fixture tree).

import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
let base = root;
const baseAt = args.indexOf('--base');
if (baseAt >= 0) {
  base = path.resolve(args[baseAt + 1]);
  args.splice(baseAt, 2);
}
const paths = args.length > 0 ? args : ['src', 'server'];

const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));
const { options: configOptions, ...ruleSet } = config;
const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));

process.chdir(base);
const options = { ...configOptions, tsConfig: { fileName: path.join(root, 'tsconfig.json') }, baseDir: base, ruleSet, validate: true };
const result = await cruise(paths, options, undefined, { tsConfig });
const { violations, totalCruised } = result.output.summary;
const errors = violations.filter((v) => v.rule.severity === 'error');
for (const v of errors) {
  const via = v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' -> ')})` : '';
  const rule = ruleSet.forbidden.find((r) => r.name === v.rule.name);
  console.error(`${v.from} -> ${v.to}: ${v.rule.name}${via}\n    ${rule?.comment ?? ''}`);
}
if (errors.length > 0) {
  console.error(`\nlayers: ${errors.length} forbidden import(s) in ${totalCruised} modules (docs/layers.md)`);
  process.exit(1);
}
console.log(`layers: ${totalCruised} modules, no forbidden import, no cycle`);
