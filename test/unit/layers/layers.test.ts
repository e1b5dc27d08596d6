// The layer check that `npm run lint` runs (.ci/check-layers.mjs with .dependency-cruiser.cjs)
// must fail on an import against the direction, on a cycle and on a folder no rule knows; it is
// run here on a small tree written for the purpose, and once on the project itself.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../../.ci/check-layers.mjs');

async function check(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { cwd: path.dirname(script) });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

const tree = mkdtempSync(path.join(tmpdir(), 'aan-tafel-layers-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
  writeFileSync(path.join(tree, file), text);
}

describe('layer check', () => {
  it('passes on the project', async () => {
    const { code, output } = await check();
    expect(output).toMatch(/no forbidden import, no cycle/);
    expect(code).toBe(0);
  }, 60_000);

  it('fails on an import against the direction, a cycle and an unlisted folder', async () => {
    write('src/ui/strings.ts', "export const s = 'x';\n");
    // model -> ui: against the direction
    write('src/model/schema.ts', "import { s } from '../ui/strings';\nexport const t = s;\n");
    // a cycle inside one layer
    write('src/ownership/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    write('src/ownership/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    // a folder that is no layer
    write('src/elders/x.ts', "import { t } from '../model/schema';\nexport const x = t;\n");
    // the relay may not import the client's sync layer
    write('src/sync/session.ts', 'export const session = 1;\n');
    write('server/rooms.ts', "import { session } from '../src/sync/session';\nexport const r = session;\n");
    // allowed: cli -> sync, ui -> model
    write('src/cli/main.ts', "import { session } from '../sync/session';\nexport const m = session;\n");
    write('src/ui/App.tsx', "import { t } from '../model/schema';\nexport const App = t;\n");

    const { code, output } = await check('--base', tree);
    expect(code).toBe(1);
    expect(output).toMatch(/src\/model\/schema\.ts -> src\/ui\/strings\.ts: layer-model/);
    expect(output).toMatch(/no-circular/);
    expect(output).toMatch(/src\/elders\/x\.ts -> src\/model\/schema\.ts: unlisted-folder/);
    expect(output).toMatch(/server\/rooms\.ts -> src\/sync\/session\.ts: layer-server/);
    expect(output).not.toMatch(/src\/cli\/main\.ts/);
    expect(output).not.toMatch(/src\/ui\/App\.tsx/);
  }, 60_000);
});
