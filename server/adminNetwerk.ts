// The admin CLI's part of the network of tafels (docs/network.md): the kind of a new tafel, and
// links made or ended by the operator. Writes the database only: a running relay's carrier picks
// the link changes up from the outbox (told over the cluster bus with Postgres, within its poll
// interval otherwise) and mirrors them into the documents.

import { PROVINCIES, TAFELSOORTEN, type Tafelsoort } from '../src/model/netwerk';
import { openNetwerk } from './netwerkDienst';
import type { RelayStorage } from './storage';

type Options = Record<string, string | undefined>;

/** The network options of create-tafel, checked. */
export async function netwerkOptions(
  storage: RelayStorage,
  opts: Options,
  usage: (message: string) => Error,
): Promise<{ soort: Tafelsoort; provincies: string[]; woondealregio?: string; bovenTafel?: string }> {
  const soort = (opts.soort ?? 'regionaal') as Tafelsoort;
  if (!TAFELSOORTEN.includes(soort)) throw usage(`--soort must be one of ${TAFELSOORTEN.join(', ')}`);
  const provincies = (opts.provincies ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of provincies) {
    if (!(PROVINCIES as readonly string[]).includes(p)) throw usage(`unknown province "${p}"; known: ${PROVINCIES.join(', ')}`);
  }
  if (soort === 'landelijk' && provincies.length > 0) throw usage('the landelijke tafel has no provinces: its leden each carry a landsdeel');
  if (soort === 'lokaal' && !opts.boven) throw usage('a lokale tafel needs --boven <tafelId of its regional tafel>');
  if (opts.boven) {
    const boven = await openNetwerk(storage).netwerk.tafel(opts.boven);
    if (!boven) throw usage(`no tafel "${opts.boven}"`);
    if (soort !== 'lokaal' || boven.soort !== 'regionaal') throw usage('--boven is for a lokale tafel under a regional one');
  }
  return { soort, provincies, woondealregio: opts.woondealregio, bovenTafel: opts.boven };
}

export async function runNetwerkCommand(command: 'link' | 'unlink' | 'list-links', opts: { tafel: string; met?: string }, storage: RelayStorage, now: number): Promise<unknown> {
  const { netwerk, outbox } = openNetwerk(storage);
  if (!(await netwerk.tafel(opts.tafel))) throw new Error(`no tafel "${opts.tafel}"`);
  switch (command) {
    case 'link':
      return netwerk.linkDirect(opts.tafel, opts.met ?? '', now);
    case 'unlink': {
      const open = await netwerk.between(opts.tafel, opts.met ?? '');
      if (!open) throw new Error(`"${opts.tafel}" and "${opts.met}" are not linked`);
      return netwerk.end(open.id, opts.tafel, 'admin', now);
    }
    case 'list-links':
      return { tafel: await netwerk.tafel(opts.tafel), koppelingen: await netwerk.links(opts.tafel), outbox: await outbox.forTafel(opts.tafel) };
  }
}
