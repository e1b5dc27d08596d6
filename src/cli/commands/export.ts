// `export --format xlsx|csv|geojson|geojson-rd|json --out <file> [--buiten regio|provincie|openbaar] [--herkomst]`

import fs from 'node:fs';
import { exportCsv, exportGeojson, exportProjecten, exportXlsx, type ExportOpties } from '../../exchange';
import { text, flag, UsageError, type Args } from '../args';
import { EXIT_OK, type Command } from '../command';

const FORMATEN = ['xlsx', 'csv', 'geojson', 'geojson-rd', 'json'];
const BUITEN = ['regio', 'provincie', 'openbaar'];

function opties(args: Args): ExportOpties {
  const buiten = text(args, 'buiten');
  if (buiten !== undefined && !BUITEN.includes(buiten)) throw new UsageError(`--buiten must be one of ${BUITEN.join(', ')}`);
  return { buiten: (buiten as ExportOpties['buiten']) ?? null, herkomst: flag(args, 'herkomst') };
}

export const exportCommand: Command = {
  name: 'export',
  usage: '--format xlsx|csv|geojson|geojson-rd|json --out <file> [--buiten regio|provincie|openbaar] [--herkomst]',
  summary: 'write the planmonitor to a file',
  options: ['format', 'out', 'buiten', 'herkomst'],
  check(args) {
    const f = text(args, 'format', true);
    if (!FORMATEN.includes(f)) throw new UsageError(`--format must be one of ${FORMATEN.join(', ')}`);
    text(args, 'out', true);
    opties(args);
  },
  async run(client, args, out) {
    const o = opties(args);
    const format = text(args, 'format', true);
    const file = text(args, 'out', true);
    const bytes =
      format === 'xlsx'
        ? exportXlsx(client.doc, o)
        : format === 'csv'
          ? exportCsv(client.doc, o)
          : format === 'json'
            ? new TextEncoder().encode(JSON.stringify(exportProjecten(client.doc, o).map(({ provenance: _p, ...p }) => p), null, 2))
            : exportGeojson(client.doc, o, format === 'geojson-rd' ? 'rd' : 'wgs84');
    fs.writeFileSync(file, bytes);
    out(JSON.stringify({ file, format, projecten: exportProjecten(client.doc, o).length }));
    return EXIT_OK;
  },
};
