// `tafel escalaties list|show <id>`: the escalations of a tafel for scripts and tests, as JSON.
// At a regional tafel: the requests it sent up the ladder, with delivery, the answer that came
// back and how the loop was closed. At the landelijke tafel: the register of what it received,
// with the lid it is assigned to. Works on a synced tafel document (the headless client of
// `npm run tafel` connects and syncs; this command only reads).

import type * as Y from 'yjs';
import {
  escalatieStatus,
  lidVoorLandsdeel,
  platteTekst,
  readEscalatie,
  readEscalaties,
  readKnelpunt,
  readNetwerkPlek,
  readOntvangenEscalatie,
  readOntvangenEscalaties,
  type Escalatie,
  type OntvangenEscalatie,
} from '../../model';
import { richText } from '../../operations';
import { text } from '../args';
import type { Command } from '../command';

export const USAGE = `escalaties list            the escalations of this tafel (sent, or received at the landelijke tafel)
escalaties show <id>      one escalation with its request, answer and thread`;

export interface CommandResult {
  readonly exitCode: 0 | 1 | 2;
  /** JSON for stdout, or an error line for stderr. */
  readonly output: string;
}

const iso = (at: number | null | undefined) => (at ? new Date(at).toISOString() : null);

function verzonden(doc: Y.Doc, e: Escalatie, detail: boolean) {
  const base = {
    id: e.id,
    richting: 'verzonden' as const,
    niveau: e.niveau,
    knelpunt: readKnelpunt(doc, e.knelpuntId)?.titel ?? null,
    status: escalatieStatus(e),
    bezorging: e.bezorging ? { status: e.bezorging.status, tafel: e.bezorging.tafel || null, op: iso(e.bezorging.op) } : null,
    afsluiting: e.afsluiting,
  };
  if (!detail) return base;
  return {
    ...base,
    gevraagd: e.gevraagd,
    waarom: e.waarom,
    gedeeld: e.gedeeld,
    antwoord: e.terugmelding ? { status: e.terugmelding.status, tekst: e.terugmelding.antwoord, lid: e.terugmelding.lid, tafel: e.terugmelding.tafel, op: iso(e.terugmelding.op) } : null,
    koppelingBeeindigd: iso(e.koppelingBeeindigd),
    draad: e.draad.map((d) => ({ tekst: d.tekst, op: iso(d.at), extern: d.extern })),
  };
}

function ontvangen(doc: Y.Doc, e: OntvangenEscalatie, detail: boolean) {
  const base = {
    id: e.id,
    richting: 'ontvangen' as const,
    knelpunt: e.knelpunt.titel,
    thema: e.knelpunt.thema,
    regio: e.bron.tafelNaam,
    landsdeel: e.bron.landsdeel,
    toegewezenAan: lidVoorLandsdeel(doc, e.bron.landsdeel)?.naam ?? null,
    status: e.status,
    ontvangenOp: iso(e.ontvangenOp),
    afsluiting: e.afsluiting,
  };
  if (!detail) return base;
  return {
    ...base,
    gevraagd: e.gevraagd,
    waarom: e.waarom,
    gedeeld: e.gedeeld,
    projecten: e.projecten,
    antwoord: platteTekst(richText(doc, 'ontvangenEscalaties', e.id, 'antwoord')),
    koppelingBeeindigd: iso(e.koppelingBeeindigd),
    draad: e.draad.map((d) => ({ tekst: d.tekst, op: iso(d.at), extern: d.extern })),
  };
}

export function escalatiesCommand(doc: Y.Doc, args: readonly string[]): CommandResult {
  const [sub, id] = args;
  const landelijk = readNetwerkPlek(doc).soort === 'landelijk';
  const json = (v: unknown): CommandResult => ({ exitCode: 0, output: JSON.stringify(v, null, 2) });
  switch (sub) {
    case 'list':
      return json(landelijk ? readOntvangenEscalaties(doc).map((e) => ontvangen(doc, e, false)) : readEscalaties(doc).map((e) => verzonden(doc, e, false)));
    case 'show': {
      if (!id) return { exitCode: 2, output: `escalaties show needs an id\n\n${USAGE}` };
      const r = readOntvangenEscalatie(doc, id);
      if (r) return json(ontvangen(doc, r, true));
      const s = readEscalatie(doc, id);
      if (s) return json(verzonden(doc, s, true));
      return { exitCode: 1, output: `no escalation "${id}" at this tafel` };
    }
    default:
      return { exitCode: 2, output: `${sub ? `unknown subcommand "${sub}"` : 'no subcommand given'}\n\n${USAGE}` };
  }
}

/** `tafel escalaties [--id <id>]`: the list, or one escalation with --id. */
export const escalaties: Command = {
  name: 'escalaties',
  usage: '[--id <escalatie-id>]',
  summary: 'print the escalations of this tafel as JSON (sent, or received at the landelijke tafel), or one with --id',
  options: ['id'],
  async run(client, args, out) {
    const id = text(args, 'id');
    const result = escalatiesCommand(client.doc, id === undefined ? ['list'] : ['show', id]);
    out(result.output);
    return result.exitCode;
  },
};
