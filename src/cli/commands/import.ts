// `import --file <file> [--mapping <file>] [--bron <name>] [--eigenaar <partij id>] [--koppel-op-naam] [--dry-run]`
// Prints a JSON summary (created, changed, unchanged, refused with reasons). Exit 0 when nothing
// was refused, 1 when something was (a row, a field, a cell, or the relay refused the change).
// Without --mapping the lid's partij's saved mapping for files like this one is used (the app
// saves it too); a real run saves the mapping it used, on the partij, when it differs. Rows matched
// only on naam + gemeente are written when --koppel-op-naam confirms them (the app asks per row);
// otherwise they are refused (naam-niet-bevestigd) and change nothing.

import fs from 'node:fs';
import {
  bewaarKoppeling,
  describeCellProblem,
  describeRefusal,
  ImportFileError,
  leesBestand,
  mapRijen,
  metBevestiging,
  opgeslagenKoppeling,
  pasImportToe,
  planImport,
  standaardEigenaar,
  stelKoppelingVoor,
  type Koppeling,
} from '../../exchange';
import { docRuleState } from '../../ownership/ruleState';
import { text, flag, UsageError } from '../args';
import { EXIT_OK, EXIT_REFUSED, type Command } from '../command';

function leesMapping(file: string | undefined): Koppeling | undefined {
  if (file === undefined) return undefined;
  let k: unknown;
  try {
    k = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`--mapping ${file} is not a readable JSON file`);
  }
  const m = k as Koppeling;
  if (!m || typeof m.kolommen !== 'object' || (m.bron !== undefined && typeof m.bron !== 'string')) {
    throw new UsageError('a mapping file is {"bron": "<source>", "kolommen": {"<column>": "<target>"}}');
  }
  return { bron: m.bron ?? '', kolommen: m.kolommen };
}

export const importCommand: Command = {
  name: 'import',
  usage: '--file <file> [--mapping <file>] [--bron <source name>] [--eigenaar <partij id>] [--koppel-op-naam] [--dry-run]',
  summary: 'import a monitor file (xlsx, csv, GeoJSON); prints a JSON summary',
  options: ['file', 'mapping', 'bron', 'eigenaar', 'koppel-op-naam', 'dry-run'],
  check(args) {
    const file = text(args, 'file', true);
    if (!fs.existsSync(file)) throw new UsageError(`--file ${file} does not exist`);
    leesMapping(text(args, 'mapping'));
    flag(args, 'dry-run');
    flag(args, 'koppel-op-naam');
  },
  async run(client, args, out) {
    const file = text(args, 'file', true);
    let tabel;
    try {
      tabel = leesBestand(file, new Uint8Array(fs.readFileSync(file)));
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      out(JSON.stringify({ file, error: { code: e.problem.code, message: e.message } }));
      return EXIT_REFUSED;
    }
    const uitBestand = leesMapping(text(args, 'mapping'));
    const opgeslagen = uitBestand ? undefined : opgeslagenKoppeling(client.doc, client.actor, tabel.kolommen);
    const koppeling = stelKoppelingVoor(tabel.kolommen, uitBestand ?? opgeslagen);
    const bron = text(args, 'bron') ?? (koppeling.bron || 'CLI');
    const eigenaar = text(args, 'eigenaar') ?? standaardEigenaar(docRuleState(client.doc), client.actor) ?? '';
    const opNaam = flag(args, 'koppel-op-naam');
    const plan = metBevestiging(planImport(client.doc, client.actor, mapRijen(tabel, { ...koppeling, bron }), { bron, publiekEigenaar: eigenaar }), () => opNaam);
    const dryRun = flag(args, 'dry-run');
    let relayRefused: unknown = null;
    let mappingSaved = false;
    if (!dryRun) {
      if (plan.telling.nieuw + plan.telling.wijzigen > 0) await pasImportToe(client.doc, client.actor, plan, { publiekEigenaar: eigenaar });
      mappingSaved = bewaarKoppeling(client.doc, client.actor, { ...koppeling, bron });
      if (plan.telling.nieuw + plan.telling.wijzigen > 0 || mappingSaved) {
        const r = await client.confirm();
        if (r) relayRefused = r.violations;
      }
    }
    const refused = plan.rijen
      .filter((r) => r.geweigerd.length > 0 || r.problemen.length > 0)
      .map((r) => ({
        row: r.nummer,
        project: r.naam,
        reasons: [
          ...r.problemen.map((p) => ({ code: p.code, column: p.kolom, value: p.waarde, message: describeCellProblem(p, r.nummer) })),
          ...r.geweigerd.map((g) => ({ code: g.code, column: g.kolom ?? null, message: describeRefusal(g) })),
        ],
      }));
    out(
      JSON.stringify(
        {
          file,
          dryRun,
          bron,
          created: plan.telling.nieuw,
          changed: plan.telling.wijzigen,
          unchanged: plan.telling.ongewijzigd,
          refusedRows: plan.telling.geweigerd,
          refused,
          columns: koppeling.kolommen,
          mapping: uitBestand ? 'file' : opgeslagen ? 'saved' : 'recognised',
          mappingSaved,
          ...(relayRefused ? { relayRefused } : {}),
        },
        null,
        2,
      ),
    );
    return refused.length > 0 || relayRefused ? EXIT_REFUSED : EXIT_OK;
  },
};
