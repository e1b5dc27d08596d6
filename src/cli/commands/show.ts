// `show`: the tafel as JSON (settings, partijen, leden, projecten), as this lid sees it.

import { readLeden, readPartijen, readProjecten, readTafel } from '../../model';
import { EXIT_OK, type Command } from '../command';

export const show: Command = {
  name: 'show',
  usage: '',
  summary: 'print the tafel as JSON',
  options: [],
  async run(client, _args, out) {
    const { doc } = client;
    const { provenance: _p, ...tafel } = readTafel(doc);
    out(
      JSON.stringify(
        {
          tafelId: client.tafelId,
          tafel,
          partijen: readPartijen(doc).map(({ provenance: _x, ...p }) => p),
          leden: readLeden(doc).map(({ provenance: _x, ...l }) => l),
          projecten: readProjecten(doc).map(({ provenance: _x, ...p }) => p),
        },
        null,
        2,
      ),
    );
    return EXIT_OK;
  },
};
