// The headless CLI against a real relay (the demo tafel): export, import (dry run, idempotent,
// ownership refusals judged and reported), show, and the exit codes 0/1/2/3.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjecten } from '../../../src/model';
import { cleanupRelays, connectClient, demoLink, redeem, startRelay, waitFor, type StartedRelay } from '../helpers/relay';

const REPO = path.resolve(import.meta.dirname, '../../..');
let relay: StartedRelay;
let gert: string;
let dirk: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aan-tafel-cli-'));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
const as = (token: string) => ['--relay', relay.url, '--token', token];

describe('npm run tafel', () => {
  beforeAll(async () => {
    relay = await startRelay({ demo: true });
    gert = (await redeem(relay, demoLink(relay, 'Gert Gemeente').code)).token;
    dirk = (await redeem(relay, demoLink(relay, 'Dirk Ontwikkelaar').code)).token;
  });
  afterAll(async () => {
    await cleanupRelays();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the planmonitor and imports it back: nothing changes, nothing is sent', async () => {
    const file = path.join(dir, 'demo.xlsx');
    const exp = await cli('export', '--format', 'xlsx', '--out', file, ...as(gert));
    expect(exp.stderr).toBe('');
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.stdout).projecten).toBe(12);
    const imp = await cli('import', '--file', file, '--bron', 'Aan Tafel', ...as(gert));
    const summary = JSON.parse(imp.stdout);
    expect(summary).toMatchObject({ created: 0, changed: 0, unchanged: 12 });
    // The private part in the file is the developers', but equal to what the tafel holds: not refused.
    expect(summary.refused).toEqual([]);
    expect(imp.code).toBe(0);
  });

  it('imports a gemeente CSV: dry run changes nothing, the real run creates and changes, the second run nothing', async () => {
    const file = path.join(dir, 'gemeente.csv');
    fs.writeFileSync(file, 'Plannaam;Gemeente;Status planologisch;Sociale huur;Plan id\nNieuwe Haven;Voorbeeldstad;3. In voorbereiding;1.250;P-77\nDe Kade;Voorbeeldstad;1A. Onherroepelijk;60;P-2\n');
    // De Kade is matched on naam + gemeente only: without --koppel-op-naam it is refused, with it changed.
    const unconfirmed = await cli('import', '--file', file, '--dry-run', '--bron', 'Excel gemeente', ...as(gert));
    expect(unconfirmed.code).toBe(1);
    const s = JSON.parse(unconfirmed.stdout);
    expect(s).toMatchObject({ dryRun: true, created: 1, changed: 0, refusedRows: 1 });
    expect(s.refused).toEqual([{ row: 3, project: 'De Kade', reasons: [expect.objectContaining({ code: 'naam-niet-bevestigd' })] }]);
    const dry = await cli('import', '--file', file, '--dry-run', '--koppel-op-naam', '--bron', 'Excel gemeente', ...as(gert));
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 1, changed: 1 });
    const observer = connectClient(relay, 'demo', gert);
    await observer.synced();
    expect(readProjecten(observer.doc).some((p) => p.naam === 'Nieuwe Haven')).toBe(false);

    const run = await cli('import', '--file', file, '--koppel-op-naam', '--bron', 'Excel gemeente', ...as(gert));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: false, created: 1, changed: 1, refused: [], mappingSaved: true });
    await waitFor(() => readProjecten(observer.doc).some((p) => p.naam === 'Nieuwe Haven' && p.woningenSocialeHuur === 1250), 'the relay to have the new project');
    expect(readProjecten(observer.doc).find((p) => p.naam === 'De Kade')).toMatchObject({ planstatus: '1A onherroepelijk', externeIds: [{ bron: 'Excel gemeente', id: 'P-2' }] });

    const again = await cli('import', '--file', file, '--bron', 'Excel gemeente', ...as(gert));
    // De Kade now carries the file's id: matched on it, without --koppel-op-naam. The mapping saved
    // on the first run is the one used, and is not written again.
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, changed: 0, unchanged: 2, mapping: 'saved', mappingSaved: false });
    expect(again.code).toBe(0);
    observer.close();
  });

  it('a developer’s import of public fields is refused with reasons and exit code 1; a mapping file is honoured', async () => {
    const file = path.join(dir, 'dirk.csv');
    fs.writeFileSync(file, 'Naam project;Plaats gemeente;Fase ontwikkeling\nDe Kade;Voorbeeldstad;2A vastgesteld\n');
    const mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ bron: 'Dirk', kolommen: { 'Naam project': 'veld:naam', 'Plaats gemeente': 'veld:gemeente', 'Fase ontwikkeling': 'veld:planstatus' } }));
    const r = await cli('import', '--file', file, '--mapping', mapping, ...as(dirk));
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.refused[0]).toMatchObject({ row: 2, project: 'De Kade' });
    expect(s.refused[0].reasons.map((x: { code: string }) => x.code)).toContain('niet-eigenaar-publiek');
    expect(s).toMatchObject({ mapping: 'file', mappingSaved: true });

    // The next run without --mapping uses the mapping saved on Dirk's partij, not the recognised headers.
    const next = JSON.parse((await cli('import', '--file', file, '--dry-run', ...as(dirk))).stdout);
    expect(next).toMatchObject({ mapping: 'saved', bron: 'Dirk', columns: { 'Fase ontwikkeling': 'veld:planstatus' } });
    // Gert's partij has no mapping for this layout: his run starts from the recognised headers.
    const gerts = JSON.parse((await cli('import', '--file', file, '--dry-run', ...as(gert))).stdout);
    expect(gerts.mapping).toBe('recognised');
    expect(gerts.columns['Fase ontwikkeling']).toBe('negeren');
  });

  it('shows the tafel as JSON, and answers usage errors with 2 and a bad token with 3', async () => {
    const show = await cli('show', ...as(gert));
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).projecten.length).toBeGreaterThanOrEqual(12);
    expect((await cli('export', '--format', 'pdf', '--out', 'x', ...as(gert))).code).toBe(2);
    expect((await cli('frobnicate', ...as(gert))).code).toBe(2);
    expect((await cli('show', '--relay', relay.url)).code).toBe(2);
    expect((await cli('show', '--relay', relay.url, '--token', 'not-a-token')).code).toBe(3);
    expect((await cli('import', '--file', path.join(dir, 'does-not-exist.csv'), ...as(gert))).code).toBe(2);
    expect((await cli('import', '--file', path.join(dir, 'x.csv'), '--dry-run=yes', ...as(gert))).code).toBe(2);
  });

  it('exports json and GeoJSON in RD New, and answers a file that is not what its name says with its code', async () => {
    const json = path.join(dir, 'monitor.json');
    expect((await cli('export', '--format', 'json', '--out', json, ...as(gert))).code).toBe(0);
    const projecten = JSON.parse(fs.readFileSync(json, 'utf8')) as { naam: string; provenance?: unknown }[];
    expect(projecten.length).toBeGreaterThanOrEqual(12);
    expect(projecten.some((p) => p.provenance !== undefined)).toBe(false);

    const rd = path.join(dir, 'monitor-rd.geojson');
    expect((await cli('export', '--format', 'geojson-rd', '--buiten', 'openbaar', '--out', rd, ...as(gert))).code).toBe(0);
    const fc = JSON.parse(fs.readFileSync(rd, 'utf8'));
    expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::28992');
    const eerste = fc.features.find((f: { geometry: unknown }) => f.geometry)!.geometry.coordinates[0][0] as number[];
    // RD New metres, not degrees: the Netherlands lies between x 0..300 km and y 300..625 km.
    expect(eerste[0]).toBeGreaterThan(0);
    expect(eerste[0]).toBeLessThan(300_000);
    expect(eerste[1]).toBeGreaterThan(300_000);
    expect(fc.features.every((f: { properties: Record<string, unknown> }) => f.properties.Vertrouwelijkheid === 'openbaar')).toBe(true);

    const html = path.join(dir, 'monitor.xlsx');
    fs.writeFileSync(html, '<!DOCTYPE html><html><body><table><tr><td>Projectnaam</td></tr></table></body></html>');
    const r = await cli('import', '--file', html, ...as(gert));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('type-klopt-niet');
  });
});
