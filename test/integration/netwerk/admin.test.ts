// The operator's admin CLI creates tafels of every kind and links them (docs/network.md): a
// regional tafel's landsdeel follows from its provinces, a lokale tafel is linked to the regional
// tafel it sits under, wrong input is refused with a usage error, and unlinking ends the link.

import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRelays, REPO_ROOT, runAdmin, tempDataDir } from '../helpers/relay';

interface Listed {
  tafel: { soort: string; landsdeel: string | null; bovenTafel: string | null };
  koppelingen: { van: string; naar: string; status: string }[];
}

describe('network: the admin CLI', () => {
  afterAll(cleanupRelays);
  const data = { dataDir: tempDataDir(), url: 'http://localhost:9' };
  const create = async (...args: string[]) => (await runAdmin(data, ['create-tafel', ...args])) as { tafelId: string };

  it('creates every kind, derives the landsdeel, links a lokale tafel to its regional one', async () => {
    const land = await create('--name', 'Landelijke versnellingstafel', '--soort', 'landelijk');
    const regio = await create('--name', 'Regio Noord', '--provincies', 'Groningen,Drenthe', '--woondealregio', 'Woondeal Groningen');
    const lokaal = await create('--name', 'Tafel Assen', '--soort', 'lokaal', '--provincies', 'Drenthe', '--boven', regio.tafelId);

    expect(((await runAdmin(data, ['list-links', '--tafel', land.tafelId])) as Listed).tafel).toEqual(expect.objectContaining({ soort: 'landelijk', landsdeel: null }));
    const r = (await runAdmin(data, ['list-links', '--tafel', regio.tafelId])) as Listed;
    expect(r.tafel).toEqual(expect.objectContaining({ soort: 'regionaal', landsdeel: 'Noord' }));
    expect(r.koppelingen).toEqual([expect.objectContaining({ van: lokaal.tafelId, naar: regio.tafelId, status: 'actief' })]);
    expect(((await runAdmin(data, ['list-links', '--tafel', lokaal.tafelId])) as Listed).tafel).toEqual(expect.objectContaining({ soort: 'lokaal', bovenTafel: regio.tafelId }));

    expect(await runAdmin(data, ['link', '--tafel', regio.tafelId, '--met', land.tafelId])).toEqual(expect.objectContaining({ status: 'actief' }));
    expect(await runAdmin(data, ['unlink', '--tafel', land.tafelId, '--met', regio.tafelId])).toEqual(expect.objectContaining({ status: 'beeindigd' }));
    const after = (await runAdmin(data, ['list-links', '--tafel', land.tafelId])) as Listed & { outbox: { soort: string }[] };
    expect(after.koppelingen.map((k) => k.status)).toEqual(['beeindigd']);
    // Each change of a link is mirrored into both documents through the outbox.
    expect(after.outbox.filter((m) => m.soort === 'koppeling').length).toBeGreaterThanOrEqual(2);
    // Every command is a process of its own: generous on a busy machine.
  }, 300_000);

  it('refuses unknown provinces, a lokale tafel without its regional one, and provinces for the landelijke tafel', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'create-tafel', '--name', 'X', ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, AAN_TAFEL_DATA: data.dataDir },
        encoding: 'utf8',
      });
    const unknown = run('--provincies', 'Holland');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown province "Holland"');
    expect(run('--soort', 'lokaal').stderr).toContain('--boven');
    expect(run('--soort', 'landelijk', '--provincies', 'Utrecht').status).toBe(2);
    expect(run('--soort', 'nationaal').status).toBe(2);
  }, 300_000);
});
