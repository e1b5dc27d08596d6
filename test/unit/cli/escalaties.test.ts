// The escalaties command of the headless client, on documents made by the model and the relay's
// own delivery writes: what a regional tafel sent and what the landelijke tafel received.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actorForLid, ensureRoots, readEscalatie, escalatieBericht } from '../../../src/model';
import { escaleer, initTafel, raiseKnelpunt } from '../../../src/operations';
import { initNetwerkPlek, ontvangEscalatie, ontvangTerugmelding } from '../../../src/operations/doorgifte';
import { escalatiesCommand } from '../../../src/cli/commands/escalaties';

function tafel(soort: 'regionaal' | 'landelijk') {
  const doc = new Y.Doc();
  ensureRoots(doc);
  const chair = initTafel(doc, { naam: soort === 'landelijk' ? 'Landelijke versnellingstafel' : 'Regio Test', voorzitter: { naam: 'Voorzitter' } });
  initNetwerkPlek(doc, { soort, provincies: soort === 'landelijk' ? [] : ['Limburg'], woondealregio: '', bovenTafel: '' }, 1);
  return { doc, actor: actorForLid(doc, chair.lidId)! };
}

describe('tafel escalaties', () => {
  const regio = tafel('regionaal');
  const k = raiseKnelpunt(regio.doc, regio.actor, { titel: 'Stikstof', thema: 'stikstof' });
  const id = escaleer(regio.doc, regio.actor, { knelpuntId: k, niveau: 'landelijke versnellingstafel', gevraagd: 'Een landelijke lijn', waarom: 'Rijksbeleid' });
  const land = tafel('landelijk');
  ontvangEscalatie(land.doc, { tafelId: 'regio', tafelNaam: 'Regio Test', landsdeel: 'Zuid' }, escalatieBericht(regio.doc, id)!, 1_700_000_000_000);
  ontvangTerugmelding(regio.doc, id, { status: 'in behandeling', antwoord: 'We kijken ernaar', lid: 'Sam Zuid', tafel: 'Landelijke versnellingstafel', op: 1_700_000_100_000 }, 1_700_000_100_000);

  it('lists what a regional tafel sent, with the status that came back', () => {
    const r = escalatiesCommand(regio.doc, ['list']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.output)).toEqual([expect.objectContaining({ id, richting: 'verzonden', knelpunt: 'Stikstof', status: 'in behandeling' })]);
  });

  it('shows one sent escalation with its answer', () => {
    const r = JSON.parse(escalatiesCommand(regio.doc, ['show', id]).output) as { antwoord: { tekst: string; lid: string } };
    expect(r.antwoord).toEqual(expect.objectContaining({ tekst: 'We kijken ernaar', lid: 'Sam Zuid' }));
    expect(readEscalatie(regio.doc, id)?.terugmelding?.status).toBe('in behandeling');
  });

  it('lists the register at the landelijke tafel', () => {
    const r = JSON.parse(escalatiesCommand(land.doc, ['list']).output) as unknown[];
    expect(r).toEqual([expect.objectContaining({ id, richting: 'ontvangen', regio: 'Regio Test', landsdeel: 'Zuid', status: 'ontvangen', ontvangenOp: '2023-11-14T22:13:20.000Z' })]);
  });

  it('fails clearly on a wrong id or subcommand', () => {
    expect(escalatiesCommand(land.doc, ['show', 'Onbekend000000001'])).toEqual({ exitCode: 1, output: 'no escalation "Onbekend000000001" at this tafel' });
    expect(escalatiesCommand(land.doc, ['wis']).exitCode).toBe(2);
    expect(escalatiesCommand(land.doc, ['show']).exitCode).toBe(2);
  });
});
